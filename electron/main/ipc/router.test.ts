import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import { startMainServices } from '../bootstrap';
import { createFileLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import { appSender, startTestServices } from '../test-support';
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
};

const foreignSenders: [string, SenderInfo | null][] = [
  ['no frame', null],
  ['a subframe', { ...appSender, isMainFrame: false }],
  ['another origin', { ...appSender, frameUrl: 'https://evil.example/index.html' }],
  ['file://', { ...appSender, frameUrl: 'file:///C:/index.html' }],
  ['a window the app did not create', { ...appSender, isAppWindow: false }],
  ['an app:// URL with another host', { ...appSender, frameUrl: 'app://evil/index.html' }],
];

describe.each(Object.entries(invokeChannels) as [ApiMethod, string][])('channel %s (%s)', (method, channel) => {
  it.each(foreignSenders)('rejects a call from %s before any side effect', async (_label, sender) => {
    const { router, core } = startTestServices();
    const before = JSON.stringify(core.snapshot());
    const result = await router.invoke(channel, sender, cases[method].valid);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', messageKey: 'errors.forbidden-sender' } });
    expect(JSON.stringify(core.snapshot())).toBe(before);
  });

  it('rejects every invalid payload before any side effect', async () => {
    const { router, core } = startTestServices();
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
    // dismissNotice of an unknown id is a typed not-found, everything else succeeds.
    if (method === 'dismissNotice') expect(result).toEqual({ ok: false, error: { code: 'not-found', messageKey: 'errors.not-found' } });
    else expect(result.ok).toBe(true);
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
    const again = startMainServices({ userDataDir: dir, engine: confEngine, version: 't', logger: createFileLogger(join(dir, 'x.log')) });
    expect(again.core.snapshot().settings.practiceName).toBe('Praxis Dr. Öztürk');
  });

  it('never writes a payload to the log file', async () => {
    const { dir } = startTestServices();
    const logFile = join(dir, 'logs', 'passwort-lotse.log');
    const services = startMainServices({ userDataDir: dir, engine: confEngine, version: 't', logger: createFileLogger(logFile) });
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
