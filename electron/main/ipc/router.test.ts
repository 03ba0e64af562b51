import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import { startMainServices } from '../bootstrap';
import { createFileLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import { defaultProfile } from '../../../shared/domain/profile';
import { appSender, BUNDLED_PACK_PATH, KEYS_DIR, startTestServices } from '../../testing/test-support';
import { isTrustedSender, type SenderInfo } from './router';

/** For every channel: arguments that are valid, and arguments the contract must refuse. */
const cases: Record<ApiMethod, { valid: unknown[]; invalid: unknown[][] }> = {
  getState: { valid: [], invalid: [[{ extra: true }]] },
  updateSettings: {
    valid: [{ practiceName: 'Praxis am Markt' }],
    invalid: [
      [],
      [{}],
      [{ language: 'fr' }],
      [{ practiceName: 42 }],
      [{ userName: 'x'.repeat(61) }],
      [{ practiceName: 'a\u0000b' }],
      [{ password: 'geheim' }],
      ['settings'],
    ],
  },
  dismissNotice: { valid: [{ id: 'unknown' }], invalid: [[], [{ id: '' }], [{ id: 5 }], [{ id: 'a', more: 1 }]] },
  saveProfile: {
    valid: [{ ...defaultProfile(), products: ['x.comfort'], computers: [{ id: 'c-1', name: 'Empfang 1', server: false }] }],
    invalid: [
      [],
      [{ ...defaultProfile(), products: ['x.unknown'] }],
      [{ ...defaultProfile(), products: ['easymed', 'easymed'] }],
      [{ ...defaultProfile(), computers: [{ id: 'c-1', name: '   ', server: false }] }],
      [{ ...defaultProfile(), computers: [{ id: 'C 1', name: 'Empfang', server: false }] }],
      [{ ...defaultProfile(), password: 'geheim' }],
    ],
  },
  setTaskStatus: {
    valid: [{ taskId: 'team-briefing', status: 'done' }],
    invalid: [
      [],
      [{ taskId: 'team-briefing', status: 'recheck' }],
      [{ taskId: 'team-briefing', status: 'fertig' }],
      [{ taskId: '', status: 'done' }],
      [{ taskId: 'team-briefing', status: 'not-applicable', reason: 'x'.repeat(501) }],
    ],
  },
  undoTaskStatus: { valid: [{ taskId: 'team-briefing' }], invalid: [[], [{ taskId: 7 }], [{ taskId: 'team-briefing', all: true }]] },
  setFollowUp: {
    valid: [{ taskId: 'team-briefing', followUp: '2026-12-03' }],
    invalid: [
      [],
      [{ taskId: 'team-briefing' }],
      [{ taskId: 'team-briefing', followUp: '03.12.2026' }],
      [{ taskId: 'team-briefing', followUp: '2026-02-30x' }],
      [{ taskId: 'team-briefing', followUp: '2026-02-31' }],
      [{ taskId: 'team-briefing', followUp: '0001-01-01' }],
    ],
  },
  checkStep: {
    valid: [{ taskId: 'team-briefing', stepId: 'brief', checked: true }],
    invalid: [[], [{ taskId: 'team-briefing', stepId: 'brief' }], [{ taskId: 'team-briefing', stepId: 'brief', checked: 'ja' }]],
  },
  previewAdvisory: {
    valid: [{ content: '{}' }],
    invalid: [[], [{ content: 5 }], [{ content: 'x'.repeat(8 * 1024 * 1024 + 1) }], [{ content: '{}', path: '/etc/passwd' }]],
  },
  applyAdvisory: {
    valid: [{ previewId: '00000000-0000-4000-8000-000000000000' }],
    invalid: [[], [{ previewId: 'abc' }], [{ previewId: 7 }]],
  },
  cancelAdvisory: {
    valid: [{ previewId: '00000000-0000-4000-8000-000000000000' }],
    invalid: [[], [{ previewId: 'abc' }], [{ previewId: 7 }], [{ previewId: '00000000-0000-4000-8000-000000000000', x: 1 }]],
  },
  getAdvisory: { valid: [], invalid: [[{ all: true }]] },
  getProtocol: {
    valid: [{ area: 'pvs', limit: 20 }],
    invalid: [
      [],
      [{ limit: 0 }],
      [{ limit: 201 }],
      [{ area: 'keller' }],
      [{ offset: -1 }],
      [{ by: 5 }],
      [{ taskId: '' }],
      [{ sql: '1=1' }],
    ],
  },
  createReport: {
    valid: [{ kind: 'nachweis' }],
    invalid: [[], [{ kind: 'brief' }], [{ kind: 'worksheet', taskIds: [] }], [{ kind: 'nachweis', path: '/tmp/x.pdf' }]],
  },
  exportRecord: { valid: [], invalid: [[{ path: '/tmp/x.json' }]] },
  previewImport: {
    valid: [{ content: '{}' }],
    invalid: [[], [{ content: 5 }], [{ content: 'x'.repeat(32 * 1024 * 1024 + 2) }], [{ content: '{}', path: '/etc/passwd' }]],
  },
  applyImport: {
    valid: [{ previewId: '00000000-0000-4000-8000-000000000000', confirmOtherPractice: false }],
    invalid: [[], [{ previewId: 'abc', confirmOtherPractice: false }], [{ previewId: '00000000-0000-4000-8000-000000000000' }]],
  },
  cancelImport: {
    valid: [{ previewId: '00000000-0000-4000-8000-000000000000' }],
    invalid: [[], [{ previewId: 'abc' }], [{ previewId: '00000000-0000-4000-8000-000000000000', x: 1 }]],
  },
  savePreset: {
    valid: [{ record: 'machine', itPartner: { name: 'IT Muster', phone: '+49 30 1234-56' } }],
    invalid: [
      [],
      [{ record: 'everywhere' }],
      [{ record: 'user', itPartner: { name: 'IT', phone: 'ruf an' } }],
      [{ record: 'user', itPartner: { name: 'IT', phone: '1', password: 'geheim' } }],
      [{ record: 'user', folder: 'C:\\Windows' }],
    ],
  },
};

/** What a valid call from the app answers: a snapshot, or the typed refusal a fresh practice gets. */
const expectedFresh: Record<ApiMethod, true | string> = {
  getState: true,
  updateSettings: true,
  dismissNotice: 'not-found',
  saveProfile: 'no-user',
  // No user name is set yet in a fresh store: every record must carry one.
  setTaskStatus: 'no-user',
  undoTaskStatus: 'no-user',
  setFollowUp: 'no-user',
  checkStep: 'no-user',
  // A file that is not a pack is refused in the result, not as an IPC error.
  previewAdvisory: true,
  applyAdvisory: 'no-user',
  // No preview was made, so there is nothing to cancel.
  cancelAdvisory: 'not-found',
  getAdvisory: true,
  getProtocol: true,
  // The test services choose no save location: the person "cancelled" the dialog, nothing is written.
  createReport: true,
  exportRecord: true,
  // A file that is not an export is refused in the result, not as an IPC error.
  previewImport: true,
  applyImport: 'not-found',
  cancelImport: true,
  // Nothing to pass on before the Einrichtung is completed.
  savePreset: 'setup-incomplete',
};

const foreignSenders: [string, SenderInfo | null][] = [
  ['no frame', null],
  ['a subframe', { ...appSender, isMainFrame: false }],
  ['another origin', { ...appSender, frameUrl: 'https://evil.example/index.html' }],
  ['file://', { ...appSender, frameUrl: 'file:///C:/index.html' }],
  ['a window the app did not create', { ...appSender, isAppWindow: false }],
  ['an app:// URL with another host', { ...appSender, frameUrl: 'app://evil/index.html' }],
];

/** A practice with a user and one earlier status change, so that a valid call would change something. */
function seeded() {
  const services = startTestServices();
  services.core.handlers.updateSettings({ userName: 'SY' });
  services.core.handlers.saveProfile({ ...defaultProfile(), products: ['easymed'] });
  services.core.checklist.setStatus('team-briefing', 'in-progress', undefined, 'SY');
  return services;
}

/** Channels whose valid call changes the snapshot of a seeded practice. */
const MUTATING: ApiMethod[] = ['updateSettings', 'saveProfile', 'setTaskStatus', 'undoTaskStatus', 'checkStep'];

describe('the side-effect checks can see a change', () => {
  it.each(MUTATING)('a valid call of %s from the app changes the seeded practice', async (method) => {
    const { router, core } = seeded();
    const before = JSON.stringify(core.snapshot());
    const result = await router.invoke(invokeChannels[method], appSender, cases[method].valid);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(core.snapshot())).not.toBe(before);
  });
});

describe.each(Object.entries(invokeChannels) as [ApiMethod, string][])('channel %s (%s)', (method, channel) => {
  it.each(foreignSenders)('rejects a call from %s before any side effect', async (_label, sender) => {
    const { router, core } = seeded();
    const before = JSON.stringify(core.snapshot());
    const result = await router.invoke(channel, sender, cases[method].valid);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', messageKey: 'errors.forbidden-sender' } });
    expect(JSON.stringify(core.snapshot())).toBe(before);
  });

  it('rejects every invalid payload before any side effect', async () => {
    const { router, core } = seeded();
    const before = JSON.stringify(core.snapshot());
    let notified = 0;
    core.subscribe(() => (notified += 1));
    for (const args of cases[method].invalid) {
      const result = await router.invoke(channel, appSender, args);
      expect(result, JSON.stringify(args)).toEqual({
        ok: false,
        error: { code: 'invalid-arguments', messageKey: 'errors.invalid-arguments' },
      });
    }
    expect(JSON.stringify(core.snapshot())).toBe(before);
    expect(notified).toBe(0);
  });

  it('answers a valid call from the app itself with a typed result', async () => {
    const { router } = startTestServices();
    const result = await router.invoke(channel, appSender, cases[method].valid);
    const expected = expectedFresh[method];
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, error: { code: expected, messageKey: `errors.${expected}` } });
  });
});

describe('router', () => {
  it('refuses an unknown channel', async () => {
    const { router } = startTestServices();
    expect(await router.invoke('fs:read', appSender, [])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('trims names, persists them and pushes one state:changed snapshot', async () => {
    const { router, core, dir } = startTestServices();
    const pushed: unknown[] = [];
    core.subscribe((snapshot) => pushed.push(snapshot.settings));
    const result = await router.invoke('settings:update', appSender, [{ practiceName: '  Praxis Dr. Öztürk ', userName: 'MÖ' }]);
    expect(result.ok).toBe(true);
    expect(pushed).toEqual([{ practiceName: 'Praxis Dr. Öztürk', userName: 'MÖ', language: 'de' }]);
    const again = startMainServices({
      userDataDir: dir,
      engine: confEngine,
      version: 't',
      logger: createFileLogger(join(dir, 'x.log')),
      packFile: BUNDLED_PACK_PATH,
      keysDir: KEYS_DIR,
    });
    expect(again.core.snapshot().settings.practiceName).toBe('Praxis Dr. Öztürk');
  });

  it('never writes a payload to the log file', async () => {
    const { dir } = startTestServices();
    const logFile = join(dir, 'logs', 'passwort-lotse.log');
    const services = startMainServices({
      userDataDir: dir,
      engine: confEngine,
      version: 't',
      logger: createFileLogger(logFile),
      packFile: BUNDLED_PACK_PATH,
      keysDir: KEYS_DIR,
    });
    await services.router.invoke('settings:update', appSender, [{ userName: 'Geheimnis-Eins' }]);
    await services.router.invoke('settings:update', appSender, [{ userName: 'Geheimnis-Zwei'.repeat(10) }]);
    await services.router.invoke('settings:update', { ...appSender, isMainFrame: false }, [{ userName: 'Geheimnis-Drei' }]);
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('ipc.invalid-arguments');
    expect(log).toContain('ipc.forbidden-sender');
    expect(log).not.toMatch(/Geheimnis/);
  });
});

describe('isTrustedSender', () => {
  it('accepts only the app origin in the app main frame', () => {
    expect(isTrustedSender(appSender, 'app://passwort-lotse')).toBe(true);
    expect(isTrustedSender({ ...appSender, frameUrl: 'app://user:pw@passwort-lotse/' }, 'app://passwort-lotse')).toBe(false);
    expect(isTrustedSender({ ...appSender, frameUrl: 'not a url' }, 'app://passwort-lotse')).toBe(false);
  });
});
