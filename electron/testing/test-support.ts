import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ORIGIN, startMainServices } from '../main/bootstrap';
import { createMemoryLogger } from '../main/logger';
import type { SenderInfo } from '../main/ipc/router';
import { confEngine } from '../main/store/conf-engine';
import { BUNDLED_PACK_FILE } from '../main/services/advisory-source';
import type { TrustedKey } from '../main/services/pack-signing';

export const BUNDLED_PACK_PATH = join(import.meta.dirname, '..', '..', 'assets', 'packs', BUNDLED_PACK_FILE);
export const KEYS_DIR = join(import.meta.dirname, '..', '..', 'assets', 'keys');

/** The app's own main frame, as the Electron adapter would describe it. */
export const appSender: SenderInfo = { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true, isAppWindow: true };

/**
 * Every main service on a real conf store in a fresh temp folder, with an in-memory logger. `more` adds options of
 * startMainServices (a clock, the PC's name and files).
 */
export function startTestServices(
  dir = mkdtempSync(join(tmpdir(), 'pl-main-')),
  extraTrustedKeys: readonly TrustedKey[] = [],
  more: Partial<Parameters<typeof startMainServices>[0]> = {},
) {
  const logger = createMemoryLogger();
  const services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: '0.0.0-test',
    logger,
    packFile: BUNDLED_PACK_PATH,
    keysDir: KEYS_DIR,
    extraTrustedKeys,
    ...more,
  });
  return { ...services, logger, dir };
}

/** One clock for all PCs of a test, moved on by a minute before every action, so no two actions share a time. */
export function testClock(start = '2021-11-08T13:00:00.000Z') {
  let now = Date.parse(start);
  return { clock: () => new Date(now), tick: () => (now += 60_000) };
}
export type TestClock = ReturnType<typeof testClock>;

/**
 * One practice PC in a test: every main service on a real conf store in `dir`, named `computer`, on the test's
 * clock, with an in-memory logger; `act` does something a minute after the last action.
 */
export function startTestPc(
  computer: string,
  time: TestClock,
  dir = mkdtempSync(join(tmpdir(), 'pl-pc-')),
  extraTrustedKeys: readonly TrustedKey[] = [],
) {
  const services = startTestServices(dir, extraTrustedKeys, {
    clock: time.clock,
    osUser: `PRAXIS\\${computer.toLowerCase()}`,
    files: { computer, chooseSavePath: () => Promise.resolve(undefined) },
  });
  const { core } = services;
  const act = <T>(call: () => T): T => {
    time.tick();
    return call();
  };
  const view = (taskId: string) => core.checklist.views().find((t) => t.id === taskId);
  const status = (taskId: string) => view(taskId)?.status;
  const exportText = () => JSON.stringify(core.exchange.exportRecord());
  return { ...services, act, status, view, exportText, id: core.record.installationId };
}
export type TestPc = ReturnType<typeof startTestPc>;
