import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../shared/ipc/channels';
import { parsePreset, PRESET_FILE_NAME, PRESET_FORMAT } from '../../shared/preset/preset';
import { appSender, BUNDLED_PACK_PATH } from '../testing/test-support';
import { startMainServices } from './bootstrap';
import { KEPT_PRESET_FILE, machineDirs, resolveDataLocation, type MachineDirs } from './data-location';
import { createMemoryLogger } from './logger';
import { confEngine } from './store/conf-engine';

const tempDir = (prefix = 'pl-loc-') => mkdtempSync(join(tmpdir(), prefix));

const preset = (overrides: Record<string, unknown> = {}) => ({
  format: PRESET_FORMAT,
  version: 1,
  practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a4f', name: 'Praxis Dr. Muster' },
  einrichtung: {
    products: ['x.comfort', 'easymed'],
    connector: 'yes',
    connectorModel: 'secunet',
    cardTerminals: [{ model: 'ORGA 6141 online' }],
    computers: [
      { name: 'Empfang 1', server: false },
      { name: 'Server', server: true },
    ],
    windowsAccounts: 'personal',
    remoteTools: ['teamviewer'],
    firewall: 'yes',
    securitySystem: 'unsure',
    portals: [],
  },
  itPartner: { name: 'IT-Service Nord', phone: '+49 40 123456-0' },
  ...overrides,
});

function machineWith(content?: string | Uint8Array): MachineDirs {
  const base = tempDir('pl-machine-');
  if (content !== undefined) writeFileSync(join(base, PRESET_FILE_NAME), content);
  return { presetDir: base, dataDir: join(base, 'data') };
}

function start(userDataDir: string, machine?: MachineDirs, extra: { presetArgument?: string; lockPid?: number; osUser?: string } = {}) {
  let saved: string | undefined;
  const saveDir = tempDir('pl-save-');
  const services = startMainServices({
    userDataDir,
    engine: confEngine,
    version: 't',
    logger: createMemoryLogger(),
    packFile: BUNDLED_PACK_PATH,
    files: {
      computer: 'PRAXIS-PC',
      chooseSavePath: (name) => {
        saved = join(saveDir, name);
        return Promise.resolve(saved);
      },
    },
    ...(machine ? { machine } : {}),
    ...extra,
  });
  const call = (method: keyof typeof invokeChannels, ...args: unknown[]) => services.router.invoke(invokeChannels[method], appSender, args);
  return { ...services, call, savedFile: () => saved };
}

/** Walk the Einrichtung as the screens do: names, then the profile as shown. */
async function confirmAsShown(app: ReturnType<typeof start>, userName = 'SY') {
  const snapshot = app.core.snapshot();
  const practiceName = snapshot.settings.practiceName || snapshot.preset?.practiceName || '';
  expect(await app.call('updateSettings', { practiceName, userName })).toMatchObject({ ok: true });
  const profile = snapshot.preset?.profile ?? snapshot.profile;
  expect(await app.call('saveProfile', profile)).toMatchObject({ ok: true });
}

describe('machine-wide folders', () => {
  it('are %ProgramData%\\Passwort-Lotse on Windows and /etc, /var/lib on Linux', () => {
    expect(machineDirs('win32', { ProgramData: 'C:\\ProgramData' })).toEqual({
      presetDir: join('C:\\ProgramData', 'Passwort-Lotse'),
      dataDir: join('C:\\ProgramData', 'Passwort-Lotse', 'data'),
    });
    expect(machineDirs('linux', {})).toEqual({ presetDir: '/etc/passwort-lotse', dataDir: '/var/lib/passwort-lotse' });
  });
});

describe('Vorgabe (preset) at the start', () => {
  it('a machine-wide preset pre-fills the Einrichtung; confirming it gives the same tasks as typing the answers by hand', async () => {
    const machine = machineWith(JSON.stringify(preset()));
    const fromPreset = start(tempDir(), machine);
    const shown = fromPreset.core.snapshot();
    expect(shown.preset).toMatchObject({ source: 'machine', practiceName: 'Praxis Dr. Muster' });
    expect(shown.itPartner).toEqual({ name: 'IT-Service Nord', phone: '+49 40 123456-0' });
    expect(shown.record.count).toBe(0);
    await confirmAsShown(fromPreset);

    const byHand = start(tempDir());
    expect(await byHand.call('updateSettings', { practiceName: 'Praxis Dr. Muster', userName: 'SY' })).toMatchObject({ ok: true });
    const typed = {
      ...byHand.core.snapshot().profile,
      products: ['x.comfort', 'easymed'],
      connector: 'yes',
      connectorModel: 'secunet',
      cardTerminals: [{ id: crypto.randomUUID(), model: 'ORGA 6141 online' }],
      computers: [
        { id: crypto.randomUUID(), name: 'Empfang 1', server: false },
        { id: crypto.randomUUID(), name: 'Server', server: true },
      ],
      windowsAccounts: 'personal',
      remoteTools: ['teamviewer'],
      firewall: 'yes',
      securitySystem: 'unsure',
      portals: [],
    };
    expect(await byHand.call('saveProfile', typed)).toMatchObject({ ok: true });
    const ids = (app: ReturnType<typeof start>) => app.core.snapshot().tasks.map((task) => [task.id, task.status]);
    expect(ids(fromPreset)).toEqual(ids(byHand));
    expect(ids(fromPreset).length).toBeGreaterThan(10);
    // Completed: the preset pre-fills no more.
    expect(fromPreset.core.snapshot().preset).toBeUndefined();
  });

  it('--vorgabe wins over the machine-wide file and is kept for the next start without it', () => {
    const userData = tempDir();
    const machine = machineWith(
      JSON.stringify(preset({ practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a4f', name: 'Maschinenweit' } })),
    );
    const argument = join(tempDir(), 'vorgabe.json');
    writeFileSync(argument, JSON.stringify(preset({ practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a40', name: 'Aus Argument' } })));
    const first = start(userData, machine, { presetArgument: argument });
    expect(first.core.snapshot().preset).toMatchObject({ source: 'argument', practiceName: 'Aus Argument' });
    expect(parsePreset(readFileSync(join(userData, KEPT_PRESET_FILE), 'utf8')).ok).toBe(true);
    const withoutMachine = start(userData, machineWith());
    expect(withoutMachine.core.snapshot().preset).toMatchObject({ source: 'kept', practiceName: 'Aus Argument' });
  });

  it.each([
    ['not JSON', '{ "format": "passwort-lotse-vorgabe", ', 'not-json', undefined],
    ['an unknown key', JSON.stringify(preset({ adminPassword: 'x' })), 'invalid', 'adminPassword'],
    ['a version of 1e400', JSON.stringify(preset()).replace('"version":1', '"version":1e400'), 'invalid', 'version'],
    [
      'a wrong answer',
      JSON.stringify(preset({ einrichtung: { ...preset().einrichtung, firewall: 'vielleicht' } })),
      'invalid',
      'einrichtung.firewall',
    ],
  ])(
    'a broken machine-wide preset (%s): a notice with the reason, nothing pre-filled, nothing recorded',
    (_name, content, refusal, field) => {
      const app = start(tempDir(), machineWith(content));
      const snapshot = app.core.snapshot();
      expect(snapshot.preset).toBeUndefined();
      expect(snapshot.notices).toEqual([expect.objectContaining({ kind: 'preset-invalid', refusal, ...(field ? { field } : {}) })]);
      expect(snapshot.record.count).toBe(0);
    },
  );

  it('a preset an editor saved as Windows-1252 ("ANSI") is refused with its own reason; nothing is pre-filled', () => {
    const text = JSON.stringify(
      preset({
        practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a4f', name: 'Praxis Dr. Weiß' },
        einrichtung: { ...preset().einrichtung, computers: [{ name: 'Büro', server: false }] },
      }),
      null,
      2,
    );
    const app = start(tempDir(), machineWith(Buffer.from(text, 'latin1')));
    const snapshot = app.core.snapshot();
    expect(snapshot.notices).toEqual([expect.objectContaining({ kind: 'preset-invalid', refusal: 'not-utf8' })]);
    expect(snapshot.preset).toBeUndefined();
    expect(snapshot.itPartner).toBeUndefined();
    expect(snapshot.settings.practiceName).toBe('');
    expect(snapshot.profile.computers).toEqual([]);
    expect(snapshot.record.count).toBe(0);
    expect(JSON.stringify(snapshot)).not.toContain('\uFFFD');

    // The same file saved as UTF-8 (with the BOM Notepad writes) pre-fills as written.
    const utf8 = start(tempDir(), machineWith(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])));
    const shown = utf8.core.snapshot();
    expect(shown.notices).toEqual([]);
    expect(shown.preset).toMatchObject({ practiceName: 'Praxis Dr. Weiß' });
    expect(shown.preset?.profile.computers.map((computer) => computer.name)).toEqual(['Büro']);
  });

  it('a preset of another practice is not used; the statuses recorded stay as they are', async () => {
    const userData = tempDir();
    const first = start(userData, machineWith(JSON.stringify(preset())));
    await confirmAsShown(first);
    expect(await first.call('setTaskStatus', { taskId: 'team-briefing', status: 'done' })).toMatchObject({ ok: true });
    const journal = readFileSync(first.core.record.file);
    first.lock?.release();

    const other = start(
      userData,
      machineWith(JSON.stringify(preset({ practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a41', name: 'Praxis Dr. Anders' } }))),
    );
    const snapshot = other.core.snapshot();
    expect(snapshot.notices).toEqual([
      expect.objectContaining({ kind: 'preset-other-practice', presetPractice: 'Praxis Dr. Anders', recordPractice: 'Praxis Dr. Muster' }),
    ]);
    expect(snapshot.preset).toBeUndefined();
    expect(snapshot.itPartner).toBeUndefined();
    expect(snapshot.tasks.find((task) => task.id === 'team-briefing')?.status).toBe('done');
    expect(readFileSync(other.core.record.file)).toEqual(journal);
  });

  it('a completed Einrichtung is never changed by a preset, even of the same practice', async () => {
    const userData = tempDir();
    const first = start(userData);
    await confirmAsShown(first);
    expect(await first.call('updateSettings', { practiceName: 'Praxis Dr. Muster' })).toMatchObject({ ok: true });
    const before = first.core.snapshot();
    const again = start(userData, machineWith(JSON.stringify(preset())));
    expect(again.core.snapshot().preset).toBeUndefined();
    expect(again.core.snapshot().profile).toEqual(before.profile);
    expect(again.core.snapshot().tasks).toEqual(before.tasks);
  });
});

describe('where the record lives', () => {
  it('per user by default; machine-wide when the preset says so: two Windows users on one PC work on one record', async () => {
    const machine = machineWith(JSON.stringify(preset({ record: 'machine' })));
    const annaData = tempDir();
    const anna = start(annaData, machine, { osUser: 'anna' });
    expect(anna.location.recordDir).toBe(machine.dataDir);
    expect(anna.core.snapshot().record.shared).toBe(true);
    await confirmAsShown(anna, 'Anna');
    expect(await anna.call('setTaskStatus', { taskId: 'team-briefing', status: 'done' })).toMatchObject({ ok: true });
    anna.lock?.release();

    const bernd = start(tempDir(), machine, { osUser: 'bernd' });
    // Each person keeps their own name: Anna's is not taken over from the shared record.
    expect(bernd.core.snapshot().settings.userName).toBe('');
    expect(bernd.core.record.installationId).toBe(anna.core.record.installationId);
    expect(bernd.core.snapshot().tasks.find((task) => task.id === 'team-briefing')?.status).toBe('done');
    expect(await bernd.call('updateSettings', { userName: 'Bernd' })).toMatchObject({ ok: true });
    expect(await bernd.call('setTaskStatus', { taskId: 'pvs:x.comfort', status: 'in-progress' })).toMatchObject({ ok: true });
    const lines = readFileSync(bernd.core.record.file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { by: string; os: string });
    expect(lines.at(-1)).toMatchObject({ by: 'Bernd', os: 'bernd' });
    expect(lines.some((line) => line.by === 'Anna' && line.os === 'anna')).toBe(true);
    bernd.close();
    const annaAgain = start(annaData, machine, { osUser: 'anna' });
    expect(annaAgain.core.snapshot().settings.userName).toBe('Anna');
  });

  it('a data folder nobody can write: a notice, and the record stays in the user’s own folder', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; the CI runs as a normal user
    const base = tempDir('pl-machine-');
    const locked = join(base, 'gesperrt');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    writeFileSync(join(base, PRESET_FILE_NAME), JSON.stringify(preset({ record: { folder: join(locked, 'daten') } })));
    const userData = tempDir();
    const app = start(userData, { presetDir: base, dataDir: join(base, 'data') });
    expect(app.location.recordDir).toBe(userData);
    expect(app.core.snapshot().notices).toEqual([
      expect.objectContaining({ kind: 'data-folder-unwritable', folder: join(locked, 'daten') }),
    ]);
    // Still usable.
    expect(app.core.snapshot().preset).toMatchObject({ practiceName: 'Praxis Dr. Muster' });
  });

  it.each([
    ['a relative folder', 'daten/hier'],
    ['a network path', '\\\\server\\share\\daten'],
    ['a network path with slashes', '//server/share/daten'],
  ])('refuses %s in a preset: never relative to the working folder, never a server', (_name, folder) => {
    const base = tempDir('pl-machine-');
    writeFileSync(join(base, PRESET_FILE_NAME), JSON.stringify(preset({ record: { folder } })));
    const userData = tempDir();
    const location = resolveDataLocation({ userDataDir: userData, machine: { presetDir: base, dataDir: join(base, 'data') } });
    expect(location.recordDir).toBe(userData);
    expect(location.problems).toEqual([expect.objectContaining({ kind: 'preset-invalid', refusal: 'invalid', field: 'record.folder' })]);
  });

  it('the record does not move when the preset becomes broken or is removed; a preset saying "user" moves it back', () => {
    const base = tempDir('pl-machine-');
    const machine = { presetDir: base, dataDir: join(base, 'data') };
    const userData = tempDir();
    writeFileSync(join(base, PRESET_FILE_NAME), JSON.stringify(preset({ record: 'machine' })));
    expect(resolveDataLocation({ userDataDir: userData, machine }).recordDir).toBe(machine.dataDir);
    writeFileSync(join(base, PRESET_FILE_NAME), '{ "format": "passwort-lotse-vorgabe", ');
    const broken = resolveDataLocation({ userDataDir: userData, machine });
    expect(broken.recordDir).toBe(machine.dataDir);
    expect(broken.problems).toEqual([expect.objectContaining({ kind: 'preset-invalid', refusal: 'not-json' })]);
    rmSync(join(base, PRESET_FILE_NAME));
    expect(resolveDataLocation({ userDataDir: userData, machine }).recordDir).toBe(machine.dataDir);
    writeFileSync(join(base, PRESET_FILE_NAME), JSON.stringify(preset({ record: 'user' })));
    expect(resolveDataLocation({ userDataDir: userData, machine }).recordDir).toBe(userData);
    rmSync(join(base, PRESET_FILE_NAME));
    expect(resolveDataLocation({ userDataDir: userData, machine }).recordDir).toBe(userData);
  });
});

describe('two sessions on one record: no second writer', () => {
  it('the second instance opens read-only with a notice naming who has it; nothing it tries is recorded', async () => {
    const machine = machineWith(JSON.stringify(preset({ record: 'machine' })));
    // The first instance as another, running process (the parent of this test run is alive and not this process).
    const anna = start(tempDir(), machine, { osUser: 'anna', lockPid: process.ppid });
    await confirmAsShown(anna, 'Anna');
    const journal = readFileSync(anna.core.record.file);

    const bernd = start(tempDir(), machine, { osUser: 'bernd' });
    const snapshot = bernd.core.snapshot();
    expect(snapshot.record.readOnly).toBe(true);
    expect(snapshot.notices).toEqual([expect.objectContaining({ kind: 'record-read-only', account: 'anna', computer: 'PRAXIS-PC' })]);
    expect(snapshot.record.count).toBe(anna.core.snapshot().record.count);
    for (const [method, args] of [
      ['updateSettings', { userName: 'Bernd', practiceName: 'Andere' }],
      ['setTaskStatus', { taskId: 'team-briefing', status: 'done' }],
      ['checkStep', { taskId: 'team-briefing', stepId: 'brief', checked: true }],
      ['saveProfile', snapshot.profile],
    ] as const) {
      expect(await bernd.call(method, args)).toMatchObject({ ok: false, error: { code: 'record-read-only' } });
    }
    // Viewing and the language stay possible.
    expect(await bernd.call('updateSettings', { language: 'en' })).toMatchObject({ ok: true });
    expect(await bernd.call('getProtocol', {})).toMatchObject({ ok: true });
    expect(readFileSync(anna.core.record.file)).toEqual(journal);
  });

  it('an instance whose lock was taken over (its PC slept) turns read-only before its next write', async () => {
    const userData = tempDir();
    const sleeper = start(userData, undefined, { lockPid: 999_999_999 }); // a process that is not running any more
    await confirmAsShown(sleeper);
    const awake = start(userData);
    expect(awake.core.snapshot().record.readOnly).toBe(false);
    const before = readFileSync(awake.core.record.file);
    expect(await sleeper.call('setTaskStatus', { taskId: 'team-briefing', status: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'record-read-only' },
    });
    expect(sleeper.core.snapshot().notices.some((notice) => notice.kind === 'record-read-only')).toBe(true);
    expect(readFileSync(awake.core.record.file)).toEqual(before);
    expect(await awake.call('setTaskStatus', { taskId: 'team-briefing', status: 'done' })).toMatchObject({ ok: true });
  });
});

describe('Vorgabe für weitere PCs speichern', () => {
  it('refuses before the Einrichtung, then writes a preset that pre-fills the next PC; the practice id stays the same', async () => {
    const machine = machineWith(JSON.stringify(preset()));
    const first = start(tempDir(), machine);
    expect(await first.call('savePreset', { record: 'machine' })).toMatchObject({ ok: false, error: { code: 'setup-incomplete' } });
    await confirmAsShown(first);
    const result = await first.call('savePreset', { record: 'machine', itPartner: { name: ' IT-Service Süd ', phone: '089 / 12 34' } });
    expect(result).toMatchObject({ ok: true, value: { status: 'saved' } });
    const file = first.savedFile() as string;
    expect(file.endsWith(PRESET_FILE_NAME)).toBe(true);
    const text = readFileSync(file, 'utf8');
    const parsed = parsePreset(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.preset.practice).toEqual(preset().practice);
    expect(parsed.preset.itPartner).toEqual({ name: 'IT-Service Süd', phone: '089 / 12 34' });
    expect(parsed.preset.record).toBe('machine');
    expect(text).not.toMatch(/status|handed|done|password|passwort(?!-lotse)/i);

    const next = start(tempDir(), { presetDir: tempDir(), dataDir: join(tempDir(), 'data') }, { presetArgument: file });
    expect(next.core.snapshot().preset?.profile.computers.map((c) => c.name)).toEqual(['Empfang 1', 'Server']);
  });
});
