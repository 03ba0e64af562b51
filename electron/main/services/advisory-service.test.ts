import * as nodeFs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../../shared/domain/profile';
import { startMainServices } from '../bootstrap';
import { createMemoryLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import { appSender, BUNDLED_PACK_PATH, KEYS_DIR, startTestServices } from '../../testing/test-support';
import { bundledPack, packWithXComfortReworded, packWithXComfortUpdate, signPack } from '../../testing/pack-fixtures';
import { generateSigningKeys, trustedKeyFromPem } from './pack-signing';

const keys = generateSigningKeys();
const trusted = [trustedKeyFromPem(keys.publicPem)];

/** A practice with x.comfort whose PVS task was done under guide version 1.1, and a done Windows task. */
function practiceWithDoneTasks(dir?: string) {
  const services = startTestServices(dir, trusted);
  const { core } = services;
  core.handlers.updateSettings({ userName: 'SY' });
  core.handlers.saveProfile({
    ...defaultProfile(),
    products: ['x.comfort'],
    connector: 'no',
    computers: [{ id: 'pc-empfang-1', name: 'Empfang 1', server: false }],
  });
  core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY');
  core.checklist.setStatus('windows:pc-empfang-1', 'done', undefined, 'SY');
  return services;
}

/** The settings file and every journal file: what a refused or previewed update must leave byte-for-byte as it was. */
const storeBytes = (dir: string) =>
  [join(dir, 'passwort-lotse.json'), ...readdirSync(join(dir, 'journal')).map((name) => join(dir, 'journal', name))]
    .map((file) => `${file}\n${readFileSync(file, 'utf8')}`)
    .join('\n');

describe('AdvisoryService: importing an update', () => {
  it('previews a newer signed pack without changing anything', async () => {
    const { router, core, dir } = practiceWithDoneTasks();
    const before = storeBytes(dir);
    const result = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(true), keys.privatePem) },
    ]);
    expect(result).toMatchObject({
      ok: true,
      value: {
        status: 'ready',
        fromRevision: 1,
        toRevision: 2,
        diff: { changedGuides: [{ guideId: 'pvs-x.comfort', oldVersion: '1.1', newVersion: '1.2', changedSteps: ['admin-first'] }] },
      },
    });
    expect(storeBytes(dir)).toBe(before);
    expect(core.snapshot().pack).toEqual({ id: 'medatixx-2021-11', revision: 1, source: 'bundled' });
  });

  it('applies it: a done task whose changelog asks for a redo becomes "Erneut prüfen"; the rest stays done', async () => {
    const { router, core } = practiceWithDoneTasks();
    core.checklist.checkStep('pvs:x.comfort', 'admin-first', true, 'SY');
    const preview = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(true), keys.privatePem) },
    ]);
    const previewId = (preview as { value: { previewId: string } }).value.previewId;
    const applied = await router.invoke('advisory:apply', appSender, [{ previewId }]);
    expect(applied.ok).toBe(true);
    const snapshot = core.snapshot();
    expect(snapshot.pack).toEqual({ id: 'medatixx-2021-11', revision: 2, source: 'imported' });
    // The steps must be worked through again, and the system's "Erneut prüfen" cannot be undone away.
    expect(snapshot.tasks.find((t) => t.id === 'pvs:x.comfort')).toMatchObject({
      status: 'recheck',
      guideVersion: '1.2',
      checkedSteps: [],
      canUndo: false,
    });
    expect(() => core.checklist.undo('pvs:x.comfort', 'SY')).toThrow('nothing-to-undo');
    expect(snapshot.tasks.find((t) => t.id === 'windows:pc-empfang-1')).toMatchObject({ status: 'done', outdated: false });
    expect(core.record.state.protocol.slice(-2)).toMatchObject([
      { kind: 'guide-update', area: 'pvs', guideId: 'pvs-x.comfort', guideVersion: '1.2', by: 'SY' },
      { kind: 'status', taskId: 'pvs:x.comfort', from: 'done', to: 'recheck', guideVersion: '1.2' },
    ]);
    // The same preview cannot be applied twice.
    expect(await router.invoke('advisory:apply', appSender, [{ previewId }])).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('without a redo flag the done task stays done, marked as done under the older version', async () => {
    const { router, core } = practiceWithDoneTasks();
    const preview = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(false), keys.privatePem) },
    ]);
    await router.invoke('advisory:apply', appSender, [{ previewId: (preview as { value: { previewId: string } }).value.previewId }]);
    const task = core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort');
    expect(task).toMatchObject({ status: 'done', outdated: true, guideVersion: '1.2' });
    // Confirming under the new version is allowed once and clears the mark.
    core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY');
    expect(core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')).toMatchObject({ status: 'done', outdated: false });
    expect(() => core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY')).toThrow('same-status');
  });

  it('keeps the update across a restart, and ignores an installed file changed on disk', async () => {
    const { router, dir } = practiceWithDoneTasks();
    const preview = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(true), keys.privatePem) },
    ]);
    await router.invoke('advisory:apply', appSender, [{ previewId: (preview as { value: { previewId: string } }).value.previewId }]);
    expect(startTestServices(dir, trusted).core.snapshot().pack.revision).toBe(2);
    const installed = join(dir, 'packs', 'installed-update.json');
    const envelope = JSON.parse(readFileSync(installed, 'utf8'));
    envelope.payload = Buffer.from(Buffer.from(envelope.payload, 'base64').toString('utf8').replace('Testfassung', 'Fälschung')).toString(
      'base64',
    );
    writeFileSync(installed, JSON.stringify(envelope));
    const again = startTestServices(dir, trusted);
    expect(again.core.snapshot().pack).toEqual({ id: 'medatixx-2021-11', revision: 1, source: 'bundled' });
    expect(again.logger.lines.join('\n')).toContain('advisory.installed-ignored');
  });

  it.each([
    ['unsigned', () => JSON.stringify(packWithXComfortUpdate(true))],
    ['foreign-key', () => signPack(packWithXComfortUpdate(true), generateSigningKeys().privatePem)],
    [
      'tampered',
      () => {
        const envelope = JSON.parse(signPack(packWithXComfortUpdate(true), keys.privatePem));
        const text = Buffer.from(envelope.payload, 'base64').toString('utf8').replace('"revision": 2', '"revision": 3');
        return JSON.stringify({ ...envelope, payload: Buffer.from(text).toString('base64') });
      },
    ],
    ['invalid', () => signPack({ ...packWithXComfortUpdate(true), guides: [] }, keys.privatePem)],
    ['not-newer', () => signPack(bundledPack(), keys.privatePem)],
    ['other-advisory', () => signPack({ ...packWithXComfortUpdate(true), id: 'other-2030' }, keys.privatePem)],
    ['too-large', () => `${signPack(packWithXComfortUpdate(true), keys.privatePem)}${' '.repeat(2 * 1024 * 1024)}`],
    ['unreadable', () => 'PK\u0003\u0004 not a pack'],
  ])('refuses a %s file and changes nothing', async (refusal, make) => {
    const { router, core, dir } = practiceWithDoneTasks();
    const before = { store: storeBytes(dir), snapshot: JSON.stringify(core.snapshot()) };
    const result = await router.invoke('advisory:preview', appSender, [{ content: make() }]);
    expect(result).toMatchObject({ ok: true, value: { status: 'refused', refusal } });
    expect(storeBytes(dir)).toBe(before.store);
    expect(JSON.stringify(core.snapshot())).toBe(before.snapshot);
    expect(existsSync(join(dir, 'packs', 'installed-update.json'))).toBe(false);
  });
});

describe('AdvisoryService: guide versions must follow their steps', () => {
  const preview = async (router: ReturnType<typeof startTestServices>['router'], content: string) =>
    (await router.invoke('advisory:preview', appSender, [{ content }])) as { ok: true; value: Record<string, unknown> };

  /** Preview `content` and expect a refusal that leaves settings, journal, state and pack file exactly as they were. */
  async function expectRefusedUnchanged(content: string) {
    const services = practiceWithDoneTasks();
    const { router, core, dir } = services;
    const before = { store: storeBytes(dir), snapshot: JSON.stringify(core.snapshot()) };
    const result = await preview(router, content);
    expect(result.ok).toBe(true);
    expect(storeBytes(dir)).toBe(before.store);
    expect(JSON.stringify(core.snapshot())).toBe(before.snapshot);
    expect(existsSync(join(dir, 'packs', 'installed-update.json'))).toBe(false);
    return result.value;
  }

  const comfort = () => bundledPack().guides.find((g) => g.id === 'pvs-x.comfort')!;
  const comfortIndex = () => bundledPack().guides.findIndex((g) => g.id === 'pvs-x.comfort');

  it('refuses a reworded step under the same version ("1.1 → 1.1"), naming the guide, and changes nothing', async () => {
    const value = await expectRefusedUnchanged(signPack(packWithXComfortReworded(), keys.privatePem));
    expect(value).toEqual({
      status: 'refused',
      refusal: 'unversioned-change',
      issues: [
        {
          code: 'unversioned-change',
          path: `$.guides[${comfortIndex()}].version`,
          guideId: 'pvs-x.comfort',
          title: comfort().title,
          version: '1.1',
        },
      ],
    });
  });

  it('accepts the same reworded step with a raised version', async () => {
    const { router } = practiceWithDoneTasks();
    const result = await preview(router, signPack(packWithXComfortReworded({ version: '1.2' }), keys.privatePem));
    expect(result.value).toMatchObject({
      status: 'ready',
      diff: { changedGuides: [{ guideId: 'pvs-x.comfort', oldVersion: '1.1', newVersion: '1.2', changedSteps: ['admin-first'] }] },
    });
  });

  it.each([
    ['a step moved', (steps: unknown[]) => [steps[1], steps[0], ...steps.slice(2)]],
    ['a step removed', (steps: unknown[]) => steps.slice(1)],
    ['a step id renamed', (steps: unknown[]) => [{ ...(steps[0] as object), id: 'umbenannt' }, ...steps.slice(1)]],
    ['a warning added', (steps: unknown[]) => [{ ...(steps[0] as object), warning: { de: 'Neu: Vorsicht.' } }, ...steps.slice(1)]],
    [
      'a source changed',
      (steps: unknown[]) => [
        { ...(steps[0] as object), source: { de: 'Eine andere Quelle, S. 2', en: 'Another source, p. 2' } },
        ...steps.slice(1),
      ],
    ],
    // Needs the English of the bundled pack's first x.comfort step: only a correction of English is a change.
    [
      'an English step text corrected',
      (steps: unknown[]) => {
        const first = steps[0] as { text: { de: string; en?: string } };
        return [{ ...first, text: { de: first.text.de, en: `${first.text.en ?? ''} (corrected)` } }, ...steps.slice(1)];
      },
    ],
  ])('refuses %s under the same version', async (_, change) => {
    const pack = bundledPack();
    pack.revision = 2;
    const guide = pack.guides.find((g) => g.id === 'pvs-x.comfort')!;
    guide.steps = change(guide.steps) as typeof guide.steps;
    const value = await expectRefusedUnchanged(signPack(pack, keys.privatePem));
    expect(value).toMatchObject({ refusal: 'unversioned-change', issues: [{ code: 'unversioned-change', guideId: 'pvs-x.comfort' }] });
  });

  it('refuses a version that goes backwards, even without changed steps', async () => {
    const pack = bundledPack();
    pack.revision = 2;
    pack.guides.find((g) => g.id === 'pvs-x.comfort')!.version = '1.0';
    const value = await expectRefusedUnchanged(signPack(pack, keys.privatePem));
    expect(value).toMatchObject({
      refusal: 'version-lowered',
      issues: [{ code: 'version-lowered', guideId: 'pvs-x.comfort', version: '1.0', previousVersion: '1.1' }],
    });
  });

  it('compares with the pack in force: after an installed update, its version is the one to raise', async () => {
    const { router, dir } = practiceWithDoneTasks();
    const first = await preview(router, signPack(packWithXComfortUpdate(false), keys.privatePem));
    await router.invoke('advisory:apply', appSender, [{ previewId: first.value['previewId'] as string }]);
    const before = storeBytes(dir);
    // 1.1 → 1.2 would be a raise against the bundled pack, but 1.2 is in force now.
    const again = packWithXComfortUpdate(false, 3);
    again.guides.find((g) => g.id === 'pvs-x.comfort')!.steps[0]!.text.de += ' Noch einmal geändert.';
    expect((await preview(router, signPack(again, keys.privatePem))).value).toMatchObject({
      status: 'refused',
      refusal: 'unversioned-change',
      issues: [{ code: 'unversioned-change', version: '1.2' }],
    });
    expect(
      (await preview(router, signPack(packWithXComfortReworded({ version: '1.1', revision: 3 }), keys.privatePem))).value,
    ).toMatchObject({
      status: 'refused',
      refusal: 'version-lowered',
      issues: [{ code: 'version-lowered', version: '1.1', previousVersion: '1.2' }],
    });
    expect(storeBytes(dir)).toBe(before);
  });
});

describe('AdvisoryService: control characters', () => {
  it.each([
    ['German', 'de', 'Öffnen Sie die Anleitung \u202Eexe.fdp\u202C des Herstellers.'],
    ['English', 'en', 'Open the vendor’s guide \u202Eexe.fdp\u202C.'],
  ] as const)(
    'refuses a properly signed pack with U+202E in a %s step text, naming the place by code, and changes nothing',
    async (_, language, text) => {
      const { router, core, dir } = practiceWithDoneTasks();
      const before = { store: storeBytes(dir), snapshot: JSON.stringify(core.snapshot()) };
      const pack = packWithXComfortUpdate(true);
      const index = pack.guides.findIndex((g) => g.id === 'pvs-x.comfort');
      pack.guides[index]!.steps[0]!.text[language] = text;
      const result = await router.invoke('advisory:preview', appSender, [{ content: signPack(pack, keys.privatePem) }]);
      expect(result).toEqual({
        ok: true,
        value: {
          status: 'refused',
          refusal: 'invalid',
          issues: [{ code: 'control-characters', path: `$.guides[${index}].steps[0].text.${language}`, guideId: 'pvs-x.comfort' }],
        },
      });
      expect(storeBytes(dir)).toBe(before.store);
      expect(JSON.stringify(core.snapshot())).toBe(before.snapshot);
      expect(existsSync(join(dir, 'packs', 'installed-update.json'))).toBe(false);
    },
  );
});

/** Small deterministic PRNG (mulberry32), so a failing mutation can be replayed from its index. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [
  null,
  0,
  -1,
  1e308,
  '',
  'x'.repeat(5000),
  [],
  {},
  true,
  '<script>alert(1)</script>',
  { __proto__: { polluted: true } },
  '2021-13-45',
];

/** Change one random place of a JSON value: replace, delete, or add a key. */
function mutateJson(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        containers.push({ parent: node, key: i });
        walk(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        containers.push({ parent: node as Record<string, unknown>, key: k });
        walk(child);
      }
    }
  };
  walk(copy);
  const spot = containers[Math.floor(random() * containers.length)];
  if (!spot) return copy;
  const junk = JUNK[Math.floor(random() * JUNK.length)];
  const roll = random();
  if (roll < 0.5) (spot.parent as Record<string | number, unknown>)[spot.key] = junk;
  else if (roll < 0.8) {
    if (Array.isArray(spot.parent)) spot.parent.splice(Number(spot.key), 1);
    else delete spot.parent[spot.key as string];
  } else if (!Array.isArray(spot.parent)) spot.parent[`extra${Math.floor(random() * 100)}`] = junk;
  return copy;
}

describe('1,000 randomly mutated packs', () => {
  it('never crash the import and never change the state', async () => {
    const { router, core, dir } = practiceWithDoneTasks();
    const before = { store: storeBytes(dir), snapshot: JSON.stringify(core.snapshot()) };
    const base = packWithXComfortUpdate(true);
    const signedBase = signPack(base, keys.privatePem);
    const random = prng(20211108);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      let content: string;
      const kind = i % 4;
      if (kind === 3) {
        // A byte of the signed content flipped, the file otherwise intact.
        const envelope = JSON.parse(signedBase) as { payload: string };
        const payload = Buffer.from(envelope.payload, 'base64');
        const at = Math.floor(random() * payload.length);
        payload[at] = (payload[at] ?? 0) ^ (1 + Math.floor(random() * 255));
        content = JSON.stringify({ ...envelope, payload: payload.toString('base64') });
      } else if (kind === 0) {
        // Bytes of the signed file flipped, inserted or cut.
        const bytes = Buffer.from(signedBase, 'utf8');
        const at = Math.floor(random() * bytes.length);
        const op = random();
        const mutated =
          op < 0.6
            ? Buffer.concat([bytes.subarray(0, at), Buffer.from([Math.floor(random() * 256)]), bytes.subarray(at + 1)])
            : op < 0.8
              ? bytes.subarray(0, at)
              : Buffer.concat([bytes.subarray(0, at), Buffer.from('"}]{'), bytes.subarray(at)]);
        content = mutated.toString('utf8');
      } else if (kind === 1) {
        // The pack's content mutated and signed again with a trusted key: it passes the signature, meets the schema.
        content = signPack(mutateJson(base, random) as never, keys.privatePem);
      } else {
        // The envelope itself mutated.
        content = JSON.stringify(mutateJson(JSON.parse(signedBase), random));
      }
      const result = await router.invoke('advisory:preview', appSender, [{ content }]);
      const label = result.ok ? ((result.value as { status: string; refusal?: string }).refusal ?? 'ready') : result.error.code;
      outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
      expect(label, `mutation ${i}`).not.toBe('internal');
    }
    expect(storeBytes(dir)).toBe(before.store);
    expect(JSON.stringify(core.snapshot())).toBe(before.snapshot);
    expect(existsSync(join(dir, 'packs', 'installed-update.json'))).toBe(false);
    // Most mutations are refused; the spread shows every path was taken.
    expect(outcomes.get('tampered') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(200);
    expect(outcomes.get('invalid') ?? 0).toBeGreaterThan(100);
    expect(outcomes.get('unreadable') ?? 0).toBeGreaterThan(100);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    // A thousand signatures and schema checks of a 38-guide pack: more than the default 5 s on a busy 2-core machine.
  }, 60_000);
});

describe('the pack file and its record stay together', () => {
  it('if the journal refuses the record of an update, the update is taken back and the guides stay as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-adv-'));
    let full = false;
    const journalFs = {
      ...nodeFs,
      writeSync: ((...args: Parameters<typeof nodeFs.writeSync>) => {
        if (full) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return (nodeFs.writeSync as (...a: unknown[]) => number)(...args);
      }) as typeof nodeFs.writeSync,
    };
    const { core, router } = startMainServices({
      userDataDir: dir,
      engine: confEngine,
      version: 't',
      logger: createMemoryLogger(),
      packFile: BUNDLED_PACK_PATH,
      keysDir: KEYS_DIR,
      extraTrustedKeys: trusted,
      journalFs,
    });
    core.handlers.updateSettings({ userName: 'SY' });
    core.handlers.saveProfile({ ...defaultProfile(), products: ['x.comfort'], connector: 'no' });
    core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY');
    const preview = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(true), keys.privatePem) },
    ]);
    const previewId = (preview as { value: { previewId: string } }).value.previewId;
    full = true;
    expect(await router.invoke('advisory:apply', appSender, [{ previewId }])).toMatchObject({ ok: false, error: { code: 'write-failed' } });
    expect(core.snapshot().pack).toEqual({ id: 'medatixx-2021-11', revision: 1, source: 'bundled' });
    expect(core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')).toMatchObject({ status: 'done', guideVersion: '1.1' });
    expect(existsSync(join(dir, 'packs', 'installed-update.json'))).toBe(false);
  });

  it('an update installed just before a crash, without its record, is recorded at the next start', async () => {
    const { router, core, dir } = practiceWithDoneTasks();
    const preview = await router.invoke('advisory:preview', appSender, [
      { content: signPack(packWithXComfortUpdate(true), keys.privatePem) },
    ]);
    await router.invoke('advisory:apply', appSender, [{ previewId: (preview as { value: { previewId: string } }).value.previewId }]);
    core.record.close();
    // The crash came after the pack file, before the journal line: take that line off the end.
    const file = core.record.file;
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    writeFileSync(
      file,
      lines
        .slice(0, -1)
        .map((line) => `${line}\n`)
        .join(''),
    );
    const again = startTestServices(dir, trusted);
    expect(again.core.snapshot().pack).toMatchObject({ revision: 2, source: 'imported' });
    expect(again.core.record.state.packRevision).toBe(2);
    expect(again.core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')).toMatchObject({ status: 'recheck', guideVersion: '1.2' });
    expect(again.core.record.state.protocol.at(-1)).toMatchObject({ kind: 'status', by: '', to: 'recheck' });
  });

  it('a second update cut off before its record is caught up from the revision recorded last, listing no guide twice, and says so', async () => {
    const { router, core, dir } = practiceWithDoneTasks();
    for (const revision of [2, 3]) {
      const preview = await router.invoke('advisory:preview', appSender, [
        { content: signPack(packWithXComfortUpdate(true, revision), keys.privatePem) },
      ]);
      await router.invoke('advisory:apply', appSender, [{ previewId: (preview as { value: { previewId: string } }).value.previewId }]);
    }
    core.record.close();
    // The crash came after the pack file of revision 3, before its journal line: take that line off the end.
    const file = core.record.file;
    const lines = readFileSync(file, 'utf8').split('\n').slice(0, -2);
    writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
    const again = startTestServices(dir, trusted);
    const applied = again.core.record
      .ownChain()
      .events.flatMap((event) => (event.kind === 'pack-applied' ? [{ by: event.by, ...event.data }] : []));
    // Revision 2 changed the x.comfort guide to 1.2 (recorded); revision 3 changed no guide against it.
    expect(applied.map(({ by, fromRevision, toRevision, guides }) => ({ by, fromRevision, toRevision, guides: guides.length }))).toEqual([
      { by: 'SY', fromRevision: 1, toRevision: 2, guides: 1 },
      { by: '', fromRevision: 2, toRevision: 3, guides: 0 },
    ]);
    expect(again.core.record.state.protocol.filter((entry) => entry.kind === 'guide-update')).toHaveLength(1);
    expect(again.core.snapshot().notices).toEqual([{ id: 'pack-update-caught-up-3', kind: 'pack-update-caught-up', revision: 3 }]);
  });
});
