import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchApp } from './launch-app';
import { expect, expectPathWrapsAtSeparators, NARROW, renderedLines, screenshot, seriousA11yViolations, test, WIDE } from './support';

/** What the IT partner set up on the first PC: the same answers the receptionist pass types by hand. */
const PRESET = {
  format: 'passwort-lotse-vorgabe',
  version: 1,
  practice: { id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5', name: 'Praxis Dr. Weiß' },
  einrichtung: {
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'kocobox',
    cardTerminals: [],
    computers: [
      { name: 'Empfang 1', server: false },
      { name: 'Sprechzimmer 2', server: false },
      { name: 'Server', server: true },
    ],
    windowsAccounts: 'unsure',
    remoteTools: [],
    firewall: 'no',
    securitySystem: 'no',
    portals: [],
  },
  itPartner: { name: 'IT-Service Nord', phone: '040 123456-0' },
  record: 'user',
};

const machineFolder = (content?: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-e2e-machine-'));
  if (content !== undefined) writeFileSync(join(dir, 'passwort-lotse-vorgabe.json'), content);
  return dir;
};

const taskTitles = (page: Page) => page.locator('tbody tr th button').allTextContents();

test('a machine-wide preset pre-fills the Einrichtung; confirming it gives the same tasks as typing the answers by hand', async ({
  userDataDir,
  host,
}) => {
  // By hand, as the receptionist pass does it.
  const byHand = await launchApp({ userDataDir: mkdtempSync(join(tmpdir(), 'pl-e2e-hand-')) });
  {
    const page = byHand.page;
    const next = () => page.getByRole('button', { name: 'Weiter', exact: true }).click();
    await page.getByRole('textbox', { name: 'Wie heißt Ihre Praxis?' }).fill('Praxis Dr. Weiß');
    await next();
    await page.getByRole('textbox', { name: 'Wer nutzt Passwort-Lotse gerade?' }).fill('S. Yılmaz');
    await next();
    await page.getByRole('checkbox', { name: 'x.comfort', exact: true }).check();
    await next();
    await page.getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByRole('radio', { name: 'KoCoBox MED+', exact: true }).check();
    await next();
    await next();
    for (const [index, name] of ['Empfang 1', 'Sprechzimmer 2', 'Server'].entries()) {
      await page.getByRole('button', { name: 'Computer hinzufügen' }).click();
      await page.getByRole('textbox', { name: `Name von Computer ${index + 1}` }).fill(name);
    }
    await page.getByRole('checkbox', { name: 'Computer 3 ist ein Server' }).check();
    await next();
    await next();
    await page.getByRole('radio', { name: 'Nein', exact: true }).check();
    await next();
    await page.getByRole('radio', { name: 'Nein', exact: true }).check();
    await next();
    await next();
    await page.getByRole('button', { name: 'Aufgaben erstellen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aufgaben');
  }
  const expected = await taskTitles(byHand.page);
  await byHand.close();
  expect(expected.length).toBeGreaterThan(10);

  // From the preset: only the name of the person at this PC is typed; every other answer is confirmed.
  const machineDir = machineFolder(JSON.stringify(PRESET));
  const app = await launchApp({ userDataDir, machineDir, saveDir: mkdtempSync(join(tmpdir(), 'pl-e2e-save-')) });
  const { page } = app;
  const heading = page.getByRole('heading', { level: 1 });
  const weiter = page.getByRole('button', { name: 'Weiter', exact: true });
  /** Confirm a question: on to the next one (its heading replaces this one's). */
  const next = {
    click: async () => {
      const before = await heading.textContent();
      await weiter.click();
      await expect(heading).not.toHaveText(before ?? '');
    },
  };
  await expect(heading).toHaveText('Wie heißt Ihre Praxis?');
  await expect(page.getByRole('note')).toContainText('Ihr IT-Partner hat diese Einrichtung vorbereitet');
  await expect(page.getByRole('textbox', { name: 'Wie heißt Ihre Praxis?' })).toHaveValue('Praxis Dr. Weiß');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '90-vorgabe-einrichtung');

  // At 200 % scaling the note must not push the primary action out of view.
  await page.setViewportSize(NARROW);
  await expect(weiter).toBeInViewport();
  await screenshot(page, host, '91-vorgabe-einrichtung-200');
  await page.setViewportSize({ width: 1366, height: 768 });

  await next.click();
  await page.getByRole('textbox', { name: 'Wer nutzt Passwort-Lotse gerade?' }).fill('S. Yılmaz');
  await next.click();
  await expect(page.getByRole('checkbox', { name: 'x.comfort', exact: true })).toBeChecked();
  await next.click();
  await expect(page.getByRole('radio', { name: 'KoCoBox MED+', exact: true })).toBeChecked();
  await next.click();
  await next.click();
  await expect(page.getByRole('textbox', { name: 'Name von Computer 2' })).toHaveValue('Sprechzimmer 2');
  await expect(page.getByRole('checkbox', { name: 'Computer 3 ist ein Server' })).toBeChecked();
  for (let i = 0; i < 5; i += 1) await next.click();
  await expect(heading).toHaveText('Stimmen diese Angaben?');
  await page.getByRole('button', { name: 'Aufgaben erstellen' }).click();
  await expect(heading).toHaveText('Aufgaben');
  expect(await taskTitles(page)).toEqual(expected);

  // The Übersicht names the IT partner; the preset is gone from the Einrichtung once it is completed.
  await page.getByRole('button', { name: 'Übersicht', exact: true }).click();
  await expect(page.locator('.it-contact')).toHaveText('Ihr IT-Partner: IT-Service Nord · Telefon: 040 123456-0');

  // And this PC can pass it on: "Vorgabe für weitere PCs speichern".
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name des IT-Partners' })).toHaveValue('IT-Service Nord');
  await page.getByRole('radio', { name: /Gemeinsam für alle Windows-Konten/ }).check();
  await page.getByRole('button', { name: 'Vorgabe für weitere PCs speichern' }).click();
  await expect(page.getByText(/^Vorgabe gespeichert: .*passwort-lotse-vorgabe\.json$/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '92-vorgabe-speichern');
  // The file's path in the message breaks only after a separator: in a window narrow enough that it must break.
  await page.setViewportSize({ width: 360, height: 640 });
  const savedPath = page.getByRole('status').filter({ hasText: 'Vorgabe gespeichert' }).locator('.path-text');
  expect((await renderedLines(savedPath)).length, 'the path takes more than one line').toBeGreaterThan(1);
  await expectPathWrapsAtSeparators(savedPath, 'Vorgabe gespeichert');
  await page.setViewportSize(WIDE);
  if (host === 'browser') {
    const saved = (await page.getByText(/^Vorgabe gespeichert: /).textContent())?.replace('Vorgabe gespeichert: ', '') ?? '';
    const written = JSON.parse(readFileSync(saved, 'utf8')) as typeof PRESET;
    expect(written.practice).toEqual(PRESET.practice);
    expect(written.record).toBe('machine');
    expect(written.einrichtung.computers).toEqual(PRESET.einrichtung.computers);
  }
  await app.close();
});

test('a broken preset shows its German message; the Einrichtung starts empty and the app stays usable', async ({ userDataDir, host }) => {
  const broken = { ...PRESET, einrichtung: { ...PRESET.einrichtung, firewall: 'vielleicht' } };
  const machineDir = machineFolder(JSON.stringify(broken));
  const app = await launchApp({ userDataDir, machineDir });
  const { page } = app;
  const alert = page.locator('.notices [role="alert"]');
  await expect(alert).toContainText('wurde nicht verwendet: Der Eintrag „einrichtung.firewall“ ist ungültig oder unbekannt.');
  await expect(alert).toContainText('nichts Eingetragenes wurde geändert');
  await expect(page.getByRole('textbox', { name: 'Wie heißt Ihre Praxis?' })).toHaveValue('');
  await expect(page.getByRole('note')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '93-vorgabe-fehlerhaft');
  // Usable: the first answer is taken.
  await page.getByRole('textbox', { name: 'Wie heißt Ihre Praxis?' }).fill('Praxis Dr. Weiß');
  await page.getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wer nutzt Passwort-Lotse gerade?');
  await app.close();
});
