import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';

/** The application menu, in the user's language. Pure: the caller builds the Menu from it. */
export function menuTemplate(t: TFunction, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { label: t('menu.file'), submenu: [{ role: 'quit', label: t('menu.quit') }] },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.toggleFullScreen') },
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('menu.close') },
      ],
    },
    { label: t('menu.help'), submenu: [{ role: 'about', label: t('menu.about') }] },
  ];
  return platform === 'darwin' ? [{ role: 'appMenu' }, ...template.slice(1)] : template;
}
