import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMainServices } from '../bootstrap';
import { createMemoryLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import { BUNDLED_PACK_FILE } from './advisory-source';
import { packWithXComfortUpdate, signPack } from '../../testing/pack-fixtures';
import { generateSigningKeys, trustedKeyFromPem } from './pack-signing';

const root = join(import.meta.dirname, '..', '..', '..');
const keys = generateSigningKeys();
const signed = (revision: number) => signPack(packWithXComfortUpdate(false, revision), keys.privatePem);

function open(userDataDir: string) {
  return startMainServices({
    userDataDir,
    engine: confEngine,
    version: 'test',
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    extraTrustedKeys: [trustedKeyFromPem(keys.publicPem)],
    logger: createMemoryLogger(),
  });
}

describe('no rollback of guide updates', () => {
  it('refuses an update older than the newest this PC applied, with its own reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-rollback-'));
    const services = open(dir);
    const { handlers } = services.core;
    handlers.updateSettings({ userName: 'IT Müller' });
    const newest = await handlers.previewAdvisory({ content: signed(3) });
    if (newest.status !== 'ready') throw new Error('revision 3 should be accepted');
    await handlers.applyAdvisory({ previewId: newest.previewId });
    expect(services.core.record.state.packRevision).toBe(3);
    expect(await handlers.previewAdvisory({ content: signed(2) })).toMatchObject({ status: 'refused', refusal: 'rolled-back' });
    services.core.record.close();
  });

  it('does not use an older signed update swapped into the data folder, says so, and lets the newest be applied again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-rollback-'));
    const first = open(dir);
    first.core.handlers.updateSettings({ userName: 'IT Müller' });
    const preview = await first.core.handlers.previewAdvisory({ content: signed(3) });
    if (preview.status !== 'ready') throw new Error('revision 3 should be accepted');
    await first.core.handlers.applyAdvisory({ previewId: preview.previewId });
    first.core.record.close();

    // Someone with access to the data folder puts back the older (validly signed) revision 2.
    writeFileSync(join(dir, 'packs', 'installed-update.json'), signed(2));
    const again = open(dir);
    const snapshot = again.core.snapshot();
    expect(snapshot.pack).toMatchObject({ revision: 1, source: 'bundled' });
    expect(snapshot.notices).toEqual([expect.objectContaining({ kind: 'pack-rolled-back', installed: 2, highest: 3 })]);
    // The newest can be applied again; the older one still cannot.
    expect(await again.core.handlers.previewAdvisory({ content: signed(2) })).toMatchObject({ refusal: 'rolled-back' });
    expect(await again.core.handlers.previewAdvisory({ content: signed(3) })).toMatchObject({ status: 'ready' });
    again.core.record.close();
  });

  describe('an applied update whose file can no longer be used at the next start', () => {
    async function appliedRevision3() {
      const dir = mkdtempSync(join(tmpdir(), 'pl-rollback-'));
      const first = open(dir);
      first.core.handlers.updateSettings({ userName: 'IT Müller' });
      const preview = await first.core.handlers.previewAdvisory({ content: signed(3) });
      if (preview.status !== 'ready') throw new Error('revision 3 should be accepted');
      await first.core.handlers.applyAdvisory({ previewId: preview.previewId });
      first.core.record.close();
      const file = join(dir, 'packs', 'installed-update.json');
      // The next start, with the file intact: no notice.
      const intact = open(dir);
      expect(intact.core.snapshot().pack).toMatchObject({ revision: 3, source: 'imported' });
      expect(intact.core.snapshot().notices).toEqual([]);
      intact.core.record.close();
      return { dir, file, good: readFileSync(file, 'utf8') };
    }

    const damages: [string, (file: string, good: string) => void][] = [
      ['0 bytes', (file) => writeFileSync(file, '')],
      ['garbage', (file) => writeFileSync(file, 'PK\u0003\u0004')],
      ['truncated', (file, good) => writeFileSync(file, good.slice(0, good.length / 2))],
      ['deleted', (file) => rmSync(file)],
      ['a folder in its place', (file) => (rmSync(file), mkdirSync(file))],
    ];
    it.each(damages)('%s: the app starts on the bundled guides and says that the update could not be read', async (label, damage) => {
      const { dir, file, good } = await appliedRevision3();
      damage(file, good);
      const again = open(dir);
      const snapshot = again.core.snapshot();
      expect(snapshot.pack).toMatchObject({ revision: 1, source: 'bundled' });
      expect(snapshot.notices).toEqual([{ id: expect.any(String) as string, kind: 'pack-update-unreadable', file, highest: 3, shown: 1 }]);
      // Nothing recorded changed, and the update can be applied again.
      expect(again.core.record.state.packRevision).toBe(3);
      const preview = await again.core.handlers.previewAdvisory({ content: signed(3) });
      if (preview.status !== 'ready') throw new Error('revision 3 should be accepted again');
      if (label !== 'a folder in its place') {
        await again.core.handlers.applyAdvisory({ previewId: preview.previewId });
        expect(again.core.snapshot().pack).toMatchObject({ revision: 3, source: 'imported' });
      }
      again.core.record.close();
    });
  });
});
