import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordService } from '../electron/main/services/record-service';
import { defaultProfile } from '../shared/domain/profile';
import { launchApp } from './launch-app';
import { expect, screenshot, seriousA11yViolations, test } from './support';

const INSTALLATION = '7c1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4e';

/** A practice with x.comfort and a secunet connector, recorded on this PC before. */
function seed(userDataDir: string, language: 'de' | 'en', connectorModel: 'secunet' | 'unknown') {
  writeFileSync(
    join(userDataDir, 'passwort-lotse.json'),
    JSON.stringify({ schemaVersion: 3, installationId: INSTALLATION, settings: { userName: 'IT Müller', language } }),
  );
  const record = new RecordService({
    dir: join(userDataDir, 'journal'),
    installationId: INSTALLATION,
    osUser: 'it',
    clock: () => new Date(),
  });
  record.append({ kind: 'names-changed', by: 'IT Müller', data: { practice: { from: '', to: 'Praxis am Dom' } } });
  record.append({
    kind: 'profile-saved',
    by: 'IT Müller',
    data: { profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'yes', connectorModel }, changes: [] },
  });
  record.close();
}

test('a connector guide shows only the steps for the practice’s connector model (secunet), in German and English', async ({
  userDataDir,
  host,
}) => {
  seed(userDataDir, 'de', 'secunet');
  let app = await launchApp({ userDataDir });
  let page = app.page;
  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  await page.getByRole('button', { name: 'TI-Konnektor (Anleitung für x.comfort)' }).click();
  await expect(
    page.getByText('Diese Anleitung zeigt die Schritte für Ihren Konnektor: secunet konnektor.', { exact: false }),
  ).toBeVisible();
  const steps = page.locator('.step label');
  await expect(steps.filter({ hasText: 'secunet konnektor' })).toHaveCount(1);
  await expect(steps.filter({ hasText: 'KoCoBox' })).toHaveCount(0);
  await expect(steps.filter({ hasText: 'RISE-Konnektor' })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '80-konnektor-secunet');
  await app.close();

  const english = join(userDataDir, 'passwort-lotse.json');
  writeFileSync(
    english,
    JSON.stringify({ schemaVersion: 3, installationId: INSTALLATION, settings: { userName: 'IT Müller', language: 'en' } }),
  );
  app = await launchApp({ userDataDir });
  page = app.page;
  await page.getByRole('button', { name: 'Tasks', exact: true }).click();
  await page.getByRole('button', { name: 'TI connector (guide for x.comfort)' }).click();
  await expect(page.getByText('This guide shows the steps for your connector: secunet konnektor.', { exact: false })).toBeVisible();
  await expect(page.locator('.step label').filter({ hasText: 'KoCoBox' })).toHaveCount(0);
  // The bundled pack is English throughout: the steps are English and marked so, nothing falls back to German.
  await expect(page.locator('.step label').filter({ hasText: 'secunet konnektor' })).toHaveCount(1);
  await expect(page.locator('.step label').first()).toHaveAttribute('lang', 'en');
  await expect(page.locator('.step label').first()).toContainText(/the|your/);
  await expect(page.locator('.guide [lang="de"]')).toHaveCount(0);
  await expect(page.getByText('available in German only')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '81-connector-secunet-english');
  await app.close();
});

test('while the connector model is not known, every model’s steps are shown with how to find out', async ({ userDataDir }) => {
  seed(userDataDir, 'de', 'unknown');
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await page.getByRole('button', { name: 'Aufgaben', exact: true }).click();
  await page.getByRole('button', { name: 'TI-Konnektor (Anleitung für x.comfort)' }).click();
  await expect(page.getByText(/Das Modell steht auf dem Typenschild/)).toBeVisible();
  const steps = page.locator('.step label');
  await expect(steps.filter({ hasText: 'secunet konnektor' })).toHaveCount(1);
  await expect(steps.filter({ hasText: 'KoCoBox' })).toHaveCount(1);
  await app.close();
});
