import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../../../shared/i18n/resources';
import { menuTemplate } from './menu';

describe('menuTemplate', () => {
  it('speaks German by default and English when chosen, from the shared resources', async () => {
    const i18n = i18next.createInstance();
    await i18n.init(i18nOptions('de'));
    expect(menuTemplate(i18n.t, 'win32').map((item) => item.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    await i18n.changeLanguage('en');
    expect(menuTemplate(i18n.t, 'linux').map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});
