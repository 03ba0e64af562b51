import type { Page } from '@playwright/test';
import { chooseRadio, press, tabTo } from './keyboard';
import { launchApp } from './launch-app';
import type { HostName } from './hosts';
import { expect, screenshot, seriousA11yViolations, test } from './support';

type Mode = 'mouse' | 'keyboard';

/** One control driven either by pointer or by keyboard alone. */
function driver(page: Page, mode: Mode) {
  return {
    click: async (name: string | RegExp, role: 'button' | 'link' = 'button') => {
      const target = page.getByRole(role, { name, exact: typeof name === 'string' });
      if (mode === 'mouse') await target.click();
      else await press(page, target, 'Enter');
    },
    check: async (label: string) => {
      const target = page.getByRole('checkbox', { name: label, exact: true });
      // Step checkboxes show main's state: they turn checked once main has recorded the check.
      if (mode === 'mouse') await target.click();
      else await press(page, target, 'Space');
      await expect(target).toBeChecked();
    },
    radio: async (label: string) => {
      const target = page.getByRole('radio', { name: label, exact: true });
      if (mode === 'mouse') await target.check();
      else await chooseRadio(page, target);
      await expect(target).toBeChecked();
    },
    fill: async (label: string, value: string) => {
      const target = page.getByRole('textbox', { name: label, exact: true });
      if (mode === 'mouse') await target.fill(value);
      else {
        await tabTo(page, target);
        await page.keyboard.type(value);
      }
    },
  };
}

async function expectClean(page: Page, host: HostName, name: string, take: boolean) {
  expect(await seriousA11yViolations(page), name).toEqual([]);
  if (take) await screenshot(page, host, name);
}

async function receptionistPass(page: Page, host: HostName, mode: Mode) {
  const ui = driver(page, mode);
  const shots = mode === 'mouse';
  const heading = page.getByRole('heading', { level: 1 });
  const next = () => ui.click('Weiter');

  // Einrichtung, one question per screen.
  await expect(heading).toHaveText('Wie heißt Ihre Praxis?');
  await ui.fill('Wie heißt Ihre Praxis?', 'Praxis Dr. Weiß');
  await next();
  await expect(heading).toHaveText('Wer nutzt Passwort-Lotse gerade?');
  await ui.fill('Wer nutzt Passwort-Lotse gerade?', 'S. Yılmaz');
  await next();
  await expect(heading).toHaveText('Welche Praxissoftware von medatixx nutzen Sie?');
  await expectClean(page, host, '10-einrichtung-praxissoftware', shots);
  await ui.check('x.comfort');
  await next();
  await expect(heading).toHaveText('Hat Ihre Praxis einen TI-Konnektor?');
  await ui.radio('Ja');
  await ui.radio('KoCoBox MED+');
  await expectClean(page, host, '11-einrichtung-konnektor', shots);
  await next();
  await expect(heading).toHaveText('Wie viele Kartenterminals hat die Praxis?');
  await next();
  await expect(heading).toHaveText('Welche Computer gibt es in der Praxis?');
  for (const [index, name] of ['Empfang 1', 'Sprechzimmer 2', 'Server'].entries()) {
    await ui.click('Computer hinzufügen');
    await ui.fill(`Name von Computer ${index + 1}`, name);
  }
  await ui.check('Computer 3 ist ein Server');
  await expectClean(page, host, '12-einrichtung-computer', shots);
  await next();
  await expect(heading).toHaveText('Welche Fernwartung wird genutzt?');
  await next();
  await expect(heading).toHaveText('Hat die Praxis eine eigene Firewall oder einen Router mit Verwaltungszugang?');
  await ui.radio('Nein');
  await next();
  await expect(heading).toHaveText('Gibt es ein IT-Sicherheitssystem mit eigener Verwaltung?');
  await ui.radio('Nein');
  await next();
  await expect(heading).toHaveText('Welche weiteren Zugänge nutzt die Praxis?');
  await next();
  await expect(heading).toHaveText('Stimmen diese Angaben?');
  await expect(page.getByText('Daraus ergeben sich 12 Aufgaben.')).toBeVisible();
  await expectClean(page, host, '13-einrichtung-zusammenfassung', shots);
  await ui.click('Aufgaben erstellen');

  // The tasks in priority order.
  await expect(heading).toHaveText('Aufgaben');
  const rows = page.locator('tbody tr th button');
  // First the warning never to give a password away; finding every remote access, the Windows administrator
  // accounts, the accounts at medatixx and the database logins always come; "Weiß nicht" about shared Windows
  // sign-ins adds that check.
  await expect(rows).toHaveText([
    'Vorsicht vor falschen Anrufen und E-Mails',
    'Alle Fernzugänge finden und absichern',
    'TI-Konnektor (Anleitung für x.comfort)',
    'Windows-Server „Server“',
    'Windows: Administrator-, Domänen- und Altkonten',
    'Zugänge bei medatixx (Kundenportal, Updates, Support)',
    'Praxissoftware x.comfort',
    'Datenbank-Zugänge der Praxissoftware',
    'Gemeinsam genutzte Windows-Anmeldung',
    'Windows-Arbeitsplatz „Empfang 1“',
    'Windows-Arbeitsplatz „Sprechzimmer 2“',
    'Team informieren',
  ]);
  await expectClean(page, host, '20-aufgaben', shots);

  // The connector guide: version and date as the vendor gave them; one step checked; handed to the IT partner.
  await ui.click('TI-Konnektor (Anleitung für x.comfort)');
  await expect(heading).toHaveText('TI-Konnektor (Anleitung für x.comfort)');
  // Our wording under our name; the vendor's short guide named as the source, with its version and date.
  await expect(page.locator('.guide-meta')).toContainText(
    'Text: Passwort-Lotse · Grundlage: Kurzanleitung von medatixx GmbH & Co. KG, „Passwortänderung am TI-Konnektor“ für x.comfort, Version 1.0 vom 08.11.2021',
  );
  await ui.check(await stepLabel(page, 1));
  await expect(page.locator('.status-panel .badge').first()).toHaveText('In Arbeit');
  await ui.radio('An IT-Partner übergeben');
  await ui.click('Status setzen');
  await expect(page.getByRole('status')).toHaveText('Status gespeichert: An IT-Partner übergeben.');
  await expect(page.locator('.record')).toContainText('An IT-Partner übergeben – S. Yılmaz');
  await expectClean(page, host, '30-anleitung-konnektor', shots);

  // The PVS guide: version 1.1 of 09.11.2021; every step checked; done.
  await ui.click('Zurück zu den Aufgaben');
  await ui.click('Praxissoftware x.comfort');
  await expect(page.locator('.guide-meta')).toContainText('Version 1.1 vom 09.11.2021');
  await expect(page.getByText('Was sich gegenüber Version 1.0 geändert hat, hat der Hersteller nicht veröffentlicht.')).toBeVisible();
  const steps = await page.locator('.step input[type="checkbox"]').count();
  for (let i = 1; i <= steps; i += 1) await ui.check(await stepLabel(page, i));
  await ui.radio('Erledigt');
  await ui.click('Status setzen');
  await expect(page.locator('.record')).toContainText(/Erledigt – S\. Yılmaz, \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr, Anleitung Version 1\.1/);
  await expectClean(page, host, '31-anleitung-praxissoftware', shots);

  // A mistaken change is undone; the Protokoll keeps both.
  await ui.radio('Offen');
  await ui.click('Status setzen');
  await ui.click('Letzte Statusänderung rückgängig machen');
  await expect(page.getByRole('status')).toHaveText('Rückgängig gemacht. Der Eintrag bleibt im Protokoll.');
  await expect(page.locator('.status-panel .badge').first()).toHaveText('Erledigt');

  await expectOverviewAndLog(page, host, mode, shots);
}

/** The accessible name of step n of the open guide. */
async function stepLabel(page: Page, n: number): Promise<string> {
  return (
    await page
      .locator('.step label')
      .nth(n - 1)
      .innerText()
  ).trim();
}

async function expectOverviewAndLog(page: Page, host: HostName, mode: Mode, shots: boolean) {
  const ui = driver(page, mode);
  await ui.click('Übersicht');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Praxis Dr. Weiß');
  await expect(page.getByText('1 von 12 Aufgaben erledigt')).toBeVisible();
  // Handed over (with who and when) apart from what could still be handed over.
  const it = page.locator('section.card', { has: page.getByRole('heading', { name: 'Beim IT-Partner' }) });
  await expect(it).toContainText('TI-Konnektor (Anleitung für x.comfort)');
  await expect(it).toContainText('übergeben von S. Yılmaz');
  await expect(it).not.toContainText('Windows-Server „Server“');
  const toHand = page.locator('section.card', { has: page.getByRole('heading', { name: 'Noch an den IT-Partner übergeben?' }) });
  await expect(toHand).toContainText('Windows-Server „Server“');
  const next = page.locator('section.card', { has: page.getByRole('heading', { name: 'Ihre nächste Aufgabe' }) });
  // The most important open task, with who must do it: the warning about fake calls, for the practice.
  await expect(next).toContainText('Vorsicht vor falschen Anrufen und E-Mails');
  await expect(next).toContainText('Praxis');
  await expectClean(page, host, '40-uebersicht', shots);

  await ui.click('Protokoll');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Protokoll');
  const rows = page.locator('.log-table tbody tr');
  await expect(rows.first()).toContainText('Praxissoftware x.comfort: Statusänderung rückgängig gemacht (Offen → Erledigt)');
  await expect(rows.first()).toContainText('S. Yılmaz');
  await expect(page.locator('.log-table')).toContainText('TI-Konnektor (Anleitung für x.comfort): In Arbeit → An IT-Partner übergeben');
  await expect(page.locator('.log-table')).toContainText('Version 1.1');
  await expectClean(page, host, '50-protokoll', shots);
  const total = await rows.count();
  const area = page.getByRole('combobox', { name: 'Bereich' });
  if (mode === 'mouse') await area.selectOption({ label: 'TI-Konnektor' });
  else {
    await tabTo(page, area);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
  }
  await expect(area).toHaveValue('connector');
  await expect(rows).not.toHaveCount(total);
  for (const text of await rows.allInnerTexts()) expect(text).toContain('TI-Konnektor');
  if (mode === 'mouse') await area.selectOption({ label: 'Alle' });
  else {
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
  }
  await expect(rows).toHaveCount(total);
  return total;
}

for (const mode of ['mouse', 'keyboard'] as const) {
  test(`a receptionist's whole pass (${mode === 'mouse' ? 'with the mouse' : 'with the keyboard alone'})`, async ({
    userDataDir,
    host,
  }) => {
    let app = await launchApp({ userDataDir });
    await receptionistPass(app.page, host, mode);
    const logBefore = await app.page.locator('.log-table tbody tr').allTextContents();
    expect(logBefore.length).toBeGreaterThan(10);
    await app.close();

    // After a restart on the same folder, progress and the Protokoll are intact.
    app = await launchApp({ userDataDir });
    const page = app.page;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen, Praxis Dr. Weiß');
    await expect(page.getByText('1 von 12 Aufgaben erledigt')).toBeVisible();
    await driver(page, mode).click('Protokoll');
    await expect(page.locator('.log-table tbody tr')).toHaveText(logBefore);
    await driver(page, mode).click('Aufgaben');
    await expect(page.locator('tr[data-task-id="connector:x.comfort"]')).toContainText('An IT-Partner übergeben');
    await expect(page.locator('tr[data-task-id="pvs:x.comfort"]')).toContainText('Erledigt');
    await app.close();
  });
}
