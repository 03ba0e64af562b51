import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMainServices } from '../electron/main/bootstrap';
import { BUNDLED_PACK_FILE } from '../electron/main/services/advisory-source';
import { confEngine } from '../electron/main/store/conf-engine';
import { defaultProfile, type ProfileInput } from '../shared/domain/profile';
import { launchApp } from './launch-app';
import { pdfText } from './pdf-text';
import { expect, expectNoOverflow, NARROW, screenshot, seriousA11yViolations, test, WIDE } from './support';

const root = join(import.meta.dirname, '..');
const PROFILE: ProfileInput = {
  ...defaultProfile(),
  completed: true,
  products: ['x.comfort'],
  connector: 'yes',
  connectorModel: 'kocobox',
  computers: [
    { id: 'empfang-1', name: 'Empfang 1', server: false },
    { id: 'server', name: 'Server', server: true },
  ],
  windowsAccounts: 'personal',
};

/** One PC's record, written through the app's own services with a clock the test sets. */
async function seedPc(dir: string, computer: string, user: string, actions: (act: Act) => Promise<void>) {
  let now = Date.parse('2021-11-08T13:00:00.000Z');
  const services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: '0.1.0-e2e',
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
    clock: () => new Date(now),
    files: { computer, chooseSavePath: () => Promise.resolve(undefined) },
  });
  const { handlers, checklist } = services.core;
  const act: Act = {
    at: (iso) => (now = Date.parse(iso)),
    status: async (taskId, status, reason) => {
      const result = await handlers.setTaskStatus({ taskId, status, ...(reason ? { reason } : {}) });
      expect(result).toHaveProperty('head');
    },
    taskId: (kind, subject) => {
      const task = checklist.views().find((t) => t.kind === kind && (subject === undefined || t.subject === subject));
      if (!task) throw new Error(`no task ${kind}`);
      return task.id;
    },
  };
  handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: user });
  handlers.saveProfile(PROFILE);
  await actions(act);
  const exported = services.core.exchange.exportRecord();
  services.close();
  return exported;
}

interface Act {
  at(iso: string): void;
  status(taskId: string, status: 'done' | 'not-applicable' | 'in-progress' | 'handed-to-it', reason?: string): Promise<void>;
  taskId(kind: string, subject?: string): string;
}

test('two PCs: export from one, preview and merge in the other, then the Übersicht, the Protokoll and the PDF show both', async ({
  userDataDir,
  host,
}) => {
  test.skip(host === 'electron', 'the native save dialog cannot be driven here; the browser host stands in a folder for it');
  const empfang = userDataDir;
  const server = mkdtempSync(join(tmpdir(), 'pl-e2e-pc2-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'pl-e2e-files-'));

  // Empfang 1 finishes the phishing warning and the Windows server; the server PC finishes x.comfort and later marks
  // the Windows server "Nicht zutreffend" (changed on both sides: the later change wins).
  await seedPc(empfang, 'EMPFANG-1', 'Sabine Yilmaz', async (act) => {
    act.at('2021-11-08T13:10:00.000Z');
    await act.status(act.taskId('phishing-warning'), 'done');
    act.at('2021-11-08T13:30:00.000Z');
    await act.status(act.taskId('windows-server', 'Server'), 'done');
  });
  await seedPc(server, 'SERVER', 'Tobias Müller', async (act) => {
    act.at('2021-11-09T08:00:00.000Z');
    await act.status(act.taskId('pvs'), 'done');
    act.at('2021-11-09T08:20:00.000Z');
    await act.status(
      act.taskId('windows-server', 'Server'),
      'not-applicable',
      'Der Server wird am 10.11. gegen ein neues Gerät getauscht.',
    );
  });

  // The server PC exports its record through the app.
  let app = await launchApp({ userDataDir: server, computer: 'SERVER', saveDir });
  let page = app.page;
  await page.getByRole('button', { name: 'Für anderen PC exportieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exportiert:' })).toBeVisible();
  const exportFile = readdirSync(saveDir).find((name) => name.endsWith('.json'));
  expect(exportFile).toMatch(/^Passwort-Lotse Export Praxis am Dom SERVER \d{4}-\d{2}-\d{2}\.json$/);
  await app.close();

  // Empfang 1 reads it: a preview first, nothing changes until "Übernehmen".
  app = await launchApp({ userDataDir: empfang, computer: 'EMPFANG-1', saveDir });
  page = app.page;
  await expect(page.getByText('0 von')).toHaveCount(0);
  await page
    .locator('input[type="file"]')
    .last()
    .setInputFiles(join(saveDir, exportFile ?? ''));
  const preview = page.locator('.exchange .preview');
  await expect(preview.getByRole('heading', { name: 'Vorschau: Was die Datei mitbringt' })).toBeFocused();
  await expect(preview).toContainText('Exportiert am Computer „SERVER“.');
  await expect(preview).toContainText('Computer „SERVER“:');
  await expect(preview).toContainText('von Tobias Müller');
  await expect(preview.getByRole('heading', { name: 'Auf beiden Computern geändert' })).toBeVisible();
  await expect(preview).toContainText(
    'Windows-Server „Server“: hier „Erledigt“ (Sabine Yilmaz, 08.11.2021, 14:30 Uhr), in der Datei „Nicht zutreffend“ (Tobias Müller, 09.11.2021, 09:20 Uhr). Es gilt: „Nicht zutreffend“.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, app.host, '90-import-vorschau');
  // At 200 % scaling and at 320 px: nothing wider than the window, and the preview's buttons can be reached.
  for (const [size, name] of [
    [NARROW, '90-import-vorschau-200'],
    [{ width: 320, height: 568 }, '90-import-vorschau-320'],
  ] as const) {
    await page.setViewportSize(size);
    await expectNoOverflow(page, `import preview at ${size.width} px`);
    await preview.getByRole('button', { name: 'Übernehmen' }).scrollIntoViewIfNeeded();
    await screenshot(page, app.host, name, { fullPage: false });
  }
  await page.setViewportSize(WIDE);
  await preview.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Übernommen.' })).toBeVisible();

  // The Aufgaben and the Protokoll show both PCs' work.
  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  const row = (name: string) => page.locator('tr', { has: page.getByRole('button', { name, exact: true }) });
  await expect(row('Praxissoftware x.comfort')).toContainText('Erledigt');
  await expect(row('Vorsicht vor falschen Anrufen und E-Mails')).toContainText('Erledigt');
  await expect(row('Windows-Server „Server“')).toContainText('Nicht zutreffend');
  await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
  await expect(page.getByRole('cell', { name: /Tobias Müller\s*am Computer SERVER/ }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sabine Yilmaz', exact: true }).first()).toBeVisible();
  await screenshot(page, app.host, '91-protokoll-zwei-pcs');

  // The Nachweis names both PCs, every person and the reason.
  await page.getByRole('button', { name: 'Übersicht', exact: true }).click();
  await page.getByRole('button', { name: 'Nachweis erstellen (PDF)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gespeichert:' })).toBeVisible();
  const pdf = readdirSync(saveDir).find((name) => name.endsWith('.pdf'));
  expect(pdf).toMatch(/^Nachweis Passwortänderungen Praxis am Dom \d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(join(saveDir, pdf ?? ''));
  expect(text).toContain('Nachweis der Passwortänderungen nach dem Cyberangriff auf');
  expect(text).toContain('EMPFANG-1 (dieser Computer)');
  expect(text).toContain('SERVER');
  expect(text).toContain('Tobias Müller');
  expect(text).toContain('Sabine Yilmaz');
  expect(text.replace(/\s+/g, ' ')).toContain('Begründung: Der Server wird am 10.11. gegen ein neues Gerät getauscht.');

  // The same file again changes nothing.
  await page
    .locator('input[type="file"]')
    .last()
    .setInputFiles(join(saveDir, exportFile ?? ''));
  await expect(preview).toContainText('Die Datei enthält nichts Neues.');
  await preview.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Abgebrochen.' })).toBeVisible();
  await app.close();
});

test('a file that is no export, or was changed after the export, is refused in German and changes nothing', async ({
  userDataDir,
  host,
}) => {
  test.skip(host === 'electron', 'needs the browser host (files are handed to the page directly)');
  const saveDir = mkdtempSync(join(tmpdir(), 'pl-e2e-files-'));
  await seedPc(userDataDir, 'EMPFANG-1', 'Sabine Yilmaz', async () => undefined);
  const other = await seedPc(mkdtempSync(join(tmpdir(), 'pl-e2e-pc2-')), 'SERVER', 'Tobias Müller', async (act) => {
    await act.status(act.taskId('pvs'), 'done');
  });
  // One recorded status changed after the export: its line no longer matches its check value.
  const lines = other.installations[0]?.lines ?? [];
  const changed = lines.map((line) => line.replace('"to":"done"', '"to":"not-applicable"'));
  expect(changed).not.toEqual(lines);
  const tampered = { ...other, installations: [{ ...other.installations[0], lines: changed }] };
  const before = journalFiles(userDataDir);
  const app = await launchApp({ userDataDir, saveDir });
  const { page } = app;
  const input = page.locator('input[type="file"]').last();
  await input.setInputFiles({ name: 'geaendert.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(page.getByRole('alert')).toContainText(
    'Das Protokoll des Computers „SERVER“ in der Datei ist ab Zeile 3 nicht mehr lückenlos. Die Datei wurde nach dem Export verändert oder ist beschädigt.',
  );
  await input.setInputFiles({
    name: 'kaputt.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"passwort-lotse-record",'),
  });
  await expect(page.getByRole('alert')).toContainText('Die Datei ist beschädigt oder keine Exportdatei von Passwort-Lotse.');
  await input.setInputFiles({
    name: 'boese.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"passwort-lotse-record","formatVersion":1,"__proto__":{"admin":true}}'),
  });
  await expect(page.getByRole('alert')).toContainText('unzulässige Feldnamen');
  await input.setInputFiles({
    name: 'neu.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"passwort-lotse-record","formatVersion":7}'),
  });
  await expect(page.getByRole('alert')).toContainText('neueren Version von Passwort-Lotse');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await app.close();
  // Nothing recorded was changed by any of them.
  expect(journalFiles(userDataDir)).toEqual(before);
});

/** Every file of a user-data folder's journal with its text, to prove an import changed nothing recorded. */
function journalFiles(userDataDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(path, 'utf8');
    }
  };
  walk(join(userDataDir, 'journal'), '');
  return files;
}
