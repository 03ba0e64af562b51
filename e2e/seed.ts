import { join } from 'node:path';
import { startMainServices, type MainServices } from '../electron/main/bootstrap';
import { BUNDLED_PACK_FILE } from '../electron/main/services/advisory-source';
import { confEngine } from '../electron/main/store/conf-engine';
import { defaultProfile } from '../shared/domain/profile';

const root = join(import.meta.dirname, '..');

/**
 * A practice set up on this PC before the app starts (x.comfort, a KoCoBox, a server; Sabine Yilmaz from the
 * practice), through the real main services; `then` records more. The record is given free again afterwards.
 */
export function seedPractice(userDataDir: string, then?: (services: MainServices) => void): void {
  const services = startMainServices({
    userDataDir,
    engine: confEngine,
    version: '0.1.0-e2e',
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
  });
  try {
    services.core.handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: 'Sabine Yilmaz', role: 'praxis' });
    services.core.handlers.saveProfile({
      ...defaultProfile(),
      completed: true,
      products: ['x.comfort'],
      connector: 'yes',
      connectorModel: 'kocobox',
      computers: [{ id: 'server', name: 'Server', server: true }],
      windowsAccounts: 'personal',
    });
    then?.(services);
  } finally {
    services.close();
  }
}
