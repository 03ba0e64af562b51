import { appendFileSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSelfTest } from '../electron/main/self-test';
import { createDemo } from '../scripts/record';
import { runSelfTestCli } from '../scripts/selbsttest';

const root = join(import.meta.dirname, '..');
const packDir = join(root, 'assets', 'packs');

describe('--selbsttest', () => {
  it('passes (exit 0) on a demo practice and names every check, in German or English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-selftest-'));
    await createDemo(dir);
    const lines: string[] = [];
    expect(runSelfTestCli([dir], (line) => lines.push(line))).toBe(0);
    expect(lines.filter((line) => line.startsWith('OK – Protokoll'))).toHaveLength(3);
    expect(lines).toContain('Selbsttest bestanden.');
    expect(lines.some((line) => line.startsWith('OK – Mitgelieferte Anleitungen unverändert (medatixx-2021-11'))).toBe(true);
    const english = runSelfTest({ userDataDir: dir, packDir, language: 'en' });
    expect(english.lines.at(-1)).toBe('Self-test passed.');
  }, 30_000);

  it('fails (exit 1) on a changed journal line and names it, without changing the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-selftest-'));
    await createDemo(dir);
    const journal = join(dir, 'journal');
    const file = join(journal, readdirSync(journal).find((name) => name.endsWith('.jsonl')) ?? '');
    const changed = readFileSync(file, 'utf8').replace('"to":"done"', '"to":"open"');
    writeFileSync(file, changed);
    const lines: string[] = [];
    expect(runSelfTestCli([dir, '--lang', 'de'], (line) => lines.push(line))).toBe(1);
    expect(lines.some((line) => /^FEHLER – Protokoll [0-9a-f-]{36}: nicht lückenlos ab Zeile \d+$/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('Selbsttest nicht bestanden. Bitte prüfen Sie die Zeilen mit FEHLER.');
    expect(readFileSync(file, 'utf8')).toBe(changed);
  }, 30_000);

  it('fails on a changed bundled pack and on a data folder that cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-selftest-'));
    const packs = mkdtempSync(join(tmpdir(), 'pl-selftest-packs-'));
    copyFileSync(join(packDir, 'medatixx-2021-11.json'), join(packs, 'medatixx-2021-11.json'));
    appendFileSync(join(packs, 'medatixx-2021-11.json'), ' ');
    const result = runSelfTest({ userDataDir: dir, packDir: packs, language: 'de' });
    expect(result.ok).toBe(false);
    expect(result.lines.some((line) => line.startsWith('FEHLER – Mitgelieferte Anleitungen fehlen oder wurden verändert'))).toBe(true);

    if (process.getuid?.() !== 0) {
      // (root may write anywhere, so this part only runs as a normal user)
      const locked = join(mkdtempSync(join(tmpdir(), 'pl-selftest-ro-')), 'data');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
      const readOnly = runSelfTest({ userDataDir: locked, packDir, language: 'de' });
      expect(readOnly.ok).toBe(false);
      expect(readOnly.lines[0]).toMatch(/^FEHLER – Datenordner fehlt oder ist nicht beschreibbar/);
    }
  });

  it('reads the preset as the app would: checks the record folder it chooses, and fails on a broken one', () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'pl-selftest-'));
    const machineDir = mkdtempSync(join(tmpdir(), 'pl-selftest-machine-'));
    const machine = { presetDir: machineDir, dataDir: join(machineDir, 'data') };
    const preset = {
      format: 'passwort-lotse-vorgabe',
      version: 1,
      practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a4f', name: 'Praxis Dr. Muster' },
      einrichtung: {
        products: ['x.comfort'],
        connector: 'yes',
        connectorModel: 'secunet',
        cardTerminals: [],
        computers: [],
        windowsAccounts: 'personal',
        remoteTools: [],
        firewall: 'yes',
        securitySystem: 'unsure',
        portals: [],
      },
      record: 'machine',
    };
    writeFileSync(join(machineDir, 'passwort-lotse-vorgabe.json'), JSON.stringify(preset));
    const good = runSelfTest({ userDataDir, packDir, language: 'de', machine });
    expect(good.ok).toBe(true);
    expect(good.lines).toContain(`OK – Vorgabe gelesen: ${join(machineDir, 'passwort-lotse-vorgabe.json')} (Praxis „Praxis Dr. Muster“)`);
    expect(good.lines).toContain(`OK – Datenordner vorhanden und beschreibbar: ${machine.dataDir}`);

    writeFileSync(join(machineDir, 'passwort-lotse-vorgabe.json'), JSON.stringify({ ...preset, unknown: true }));
    const bad = runSelfTest({ userDataDir, packDir, language: 'en', machine });
    expect(bad.ok).toBe(false);
    expect(bad.lines.some((line) => line.startsWith('FAILED – Preset invalid and not used:'))).toBe(true);
    // The record stays where it was: this user's folder.
    expect(bad.lines).toContain(`OK – Data folder present and writable: ${userDataDir}`);
  });
});
