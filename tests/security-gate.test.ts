import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSecurityGate, scanApp } from '../scripts/security-gate';

describe('security gate (Electronegativity, offline)', () => {
  it('finds nothing in electron/ and renderer/src that is not justified, and reads every file', async () => {
    const result = await scanApp();
    expect(result.checks.global + result.checks.atomic).toBeGreaterThan(30);
    expect(result.errors).toEqual([]);
    expect(result.unjustified).toEqual([]);
  }, 60_000);

  it('fails on a window that turns Node on and the sandbox off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-gate-'));
    mkdirSync(join(dir, 'main'));
    writeFileSync(
      join(dir, 'main', 'window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false } });\n",
    );
    const result = await runSecurityGate(dir);
    const ids = result.unjustified.map((finding) => finding.id);
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids).toContain('SANDBOX_JS_CHECK');
    // Nothing limits navigation or permissions in this tiny app either.
    expect(ids).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
  }, 60_000);
});
