/**
 * What react-i18next imports as `use-sync-external-store/shim` (a stand-in for React < 18): React 19 has the hook
 * itself, which the shim hands over to anyway, so the renderer's build points the import here (electron.vite.config.ts).
 */
export { useSyncExternalStore } from 'react';
