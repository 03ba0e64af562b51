import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../scripts/crash-test-lib';

// A child process acts through the real services and the real journal; it is killed with SIGKILL at random moments
// and the journal is checked after every kill (scripts/crash-test-lib.ts). `npm run crash-test -- --kills N` runs more.
describe('crash safety of the journal', () => {
  it('keeps every acknowledged action through 200 kills, with an intact chain and torn tails repaired', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const result = await runCrashTest({ kills: 200, seed });
    const context = `seed ${seed}: ${JSON.stringify({ ...result, problems: result.problems.slice(0, 5) })}`;
    expect(result.kills, context).toBe(200);
    expect(result.acknowledged, context).toBeGreaterThan(0);
    expect(result.lost, context).toBe(0);
    expect(result.present, context).toBe(result.acknowledged);
    expect(result.breaks, context).toBe(0);
    expect(result.tornTailsRepaired, context).toBeGreaterThan(0);
  }, 240_000);

  it('fails when actions are acknowledged before they are on disk', async () => {
    // The child writes the journal through an fs that skips fsync and holds writes back: the check must notice.
    const dir = mkdtempSync(join(tmpdir(), 'pl-crash-unsafe-'));
    try {
      const result = await runCrashTest({ kills: 5, seed: 1, dir, unsafe: true });
      expect(result.acknowledged).toBeGreaterThan(0);
      expect(result.lost).toBeGreaterThan(0);
      expect(result.present).toBeLessThan(result.acknowledged);
      expect(result.breaks).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
