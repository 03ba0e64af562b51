import { launchApp } from './launch-app';
import { seedPractice } from './seed';
import { expect, screenshot, seriousA11yViolations, test } from './support';

test('the Übersicht for two roles: the practice sees its own next task and hands an IT task over; the IT partner then sees it first', async ({
  userDataDir,
  host,
}) => {
  seedPractice(userDataDir);
  const app = await launchApp({ userDataDir });
  const { page } = app;
  const card = (name: string) => page.locator('section.card', { has: page.getByRole('heading', { name, exact: true }) });

  // The practice: its own most important task, never one for the IT partner.
  await expect(card('Ihre nächste Aufgabe')).toContainText('Vorsicht vor falschen Anrufen und E-Mails');
  await expect(card('Ihre nächste Aufgabe')).toContainText('Zuständig: Praxis');
  await expect(card('Beim IT-Partner')).toContainText('Noch ist nichts an den IT-Partner übergeben.');
  const toHand = card('Noch an den IT-Partner übergeben?');
  await expect(toHand).toContainText('TI-Konnektor (Anleitung für x.comfort)');

  // One click hands it over; it moves to "Beim IT-Partner", with who handed it over.
  await toHand.getByRole('button', { name: 'Übergeben: TI-Konnektor (Anleitung für x.comfort)' }).click();
  await expect(card('Beim IT-Partner')).toContainText('TI-Konnektor (Anleitung für x.comfort)');
  await expect(card('Beim IT-Partner')).toContainText('übergeben von Sabine Yilmaz');
  await expect(toHand).not.toContainText('TI-Konnektor (Anleitung für x.comfort)');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '95-uebersicht-praxis');

  // The IT partner (changed in the header, by keyboard): what was handed over comes first.
  const role = page.getByRole('combobox', { name: 'Ihre Rolle' });
  await role.focus();
  await role.selectOption('it-partner');
  await expect(card('Ihre nächste Aufgabe')).toContainText('TI-Konnektor (Anleitung für x.comfort)');
  await expect(card('Ihre nächste Aufgabe')).toContainText('Zuständig: IT-Partner');
  await expect(card('Noch an den IT-Partner übergeben?')).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '96-uebersicht-it-partner');

  // The role is kept across a restart.
  await app.close();
  const again = await launchApp({ userDataDir });
  await expect(again.page.getByRole('combobox', { name: 'Ihre Rolle' })).toHaveValue('it-partner');
  await again.close();
});
