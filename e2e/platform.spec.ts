import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../electron/main/security/app-protocol';
import { contract } from '../shared/ipc/contract';
import { launchApp } from './launch-app';
import { expect, screenshot, seriousA11yViolations, test } from './support';

test('starts in German with the app frame', async ({ userDataDir, host }) => {
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  await expect(nav.getByRole('button')).toHaveText(['Übersicht', 'Aufgaben', 'Protokoll', 'Einstellungen']);
  // The first start opens the Einrichtung.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wie heißt Ihre Praxis?');
  await expect(page.getByText('Einrichtung · Frage 1 von 11')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '01-erster-start');
  await app.close();
});

test('practice name, user and language persist across a restart', async ({ userDataDir, host }) => {
  let app = await launchApp({ userDataDir });
  let page = app.page;
  await page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
  await page.getByLabel('Name der Praxis').fill('Praxis Dr. Weiß');
  await page.getByLabel('Wer nutzt Passwort-Lotse gerade?').fill('S. Yılmaz');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('Gespeichert.');
  await expect(page.locator('.practice-name')).toHaveText('Praxis Dr. Weiß');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, host, '02-einstellungen');
  // The radio shows main's state: it turns checked once main has saved the choice.
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await app.close();

  app = await launchApp({ userDataDir });
  page = app.page;
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is your practice called?');
  await expect(page.locator('.practice-name')).toHaveText('Praxis Dr. Weiß');
  await expect(page.locator('.user-name')).toHaveText('In use by: S. Yılmaz');
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Practice name')).toHaveValue('Praxis Dr. Weiß');
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await screenshot(page, host, '03-settings-english');
  await app.close();
});

test('a damaged store is set aside, restored from the last good copy, and the user is told in German', async ({ userDataDir, host }) => {
  let app = await launchApp({ userDataDir });
  await app.page.getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await app.page.getByLabel('Name der Praxis').fill('Praxis am Dom');
  await app.page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(app.page.getByRole('status')).toHaveText('Gespeichert.');
  await app.close();
  app = await launchApp({ userDataDir }); // this start keeps the good file as the last good copy
  await app.close();

  writeFileSync(join(userDataDir, 'passwort-lotse.json'), '{ "schemaVersion": 1, "settings": { "practiceName": ');
  app = await launchApp({ userDataDir });
  const notice = app.page.getByRole('alert');
  await expect(notice).toContainText(
    'Die gespeicherten Daten waren beschädigt und wurden aus der letzten funktionierenden Sicherung wiederhergestellt.',
  );
  const damaged = readdirSync(userDataDir).filter((name) => name.includes('.damaged-'));
  expect(damaged).toHaveLength(1);
  await expect(notice).toContainText(damaged[0] as string);
  await expect(app.page.locator('.practice-name')).toHaveText('Praxis am Dom');
  expect(await seriousA11yViolations(app.page)).toEqual([]);
  await screenshot(app.page, host, '04-wiederhergestellt');
  await notice.getByRole('button', { name: 'Hinweis schließen' }).click();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await app.close();
});

test('with no good copy the app starts afresh and says where the damaged file is', async ({ userDataDir }) => {
  writeFileSync(join(userDataDir, 'passwort-lotse.json'), 'das ist kein JSON');
  const app = await launchApp({ userDataDir });
  await expect(app.page.getByRole('alert')).toContainText('es gab keine funktionierende Sicherung');
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Wie heißt Ihre Praxis?');
  await app.close();
});

test('the page runs under the strict content security policy from the response header', async ({ userDataDir }) => {
  const app = await launchApp({ userDataDir });
  const url = app.page.url();
  // Each attempt below is one the policy must refuse, with the directive that refuses it.
  const expected = [
    'base-uri',
    'connect-src',
    'font-src',
    'frame-src',
    'img-src',
    'object-src',
    'script-src',
    'script-src-elem',
    'style-src-attr',
    'style-src-elem',
  ];
  const probe = await app.page.evaluate(async (expected) => {
    const seen: { directive: string; disposition: string; policy: string }[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, disposition: event.disposition, policy: event.originalPolicy }),
    );
    const w = window as unknown as Record<string, unknown>;
    const errorName = (run: () => unknown) => {
      try {
        run();
        return 'ran';
      } catch (error) {
        return error instanceof Error ? error.name : 'thrown';
      }
    };
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.head.append(inline);
    // From a task of the page's own: code evaluated by DevTools (as page.evaluate is) may eval despite the policy.
    const inTask = <T>(run: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(run()), 0));
    const evalError = await inTask(() => errorName(() => (0, eval)('1 + 1')));
    const functionError = await inTask(() => errorName(() => new Function('return 1')()));
    const target = document.createElement('div');
    target.id = 'csp-probe';
    document.body.append(target);
    const style = document.createElement('style');
    style.textContent = '#csp-probe { width: 123px; }';
    document.head.append(style);
    const styled = document.createElement('div');
    styled.setAttribute('style', 'width: 77px');
    document.body.append(styled);
    const img = document.createElement('img');
    img.src = 'https://example.org/pixel.png';
    document.body.append(img);
    const fetched = await fetch('https://example.org/').then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'refused'),
    );
    const font = await new FontFace('Probe', 'url(https://example.org/probe.woff2)').load().then(
      () => 'loaded',
      () => 'refused',
    );
    const frame = document.createElement('iframe');
    frame.src = 'https://example.org/';
    document.body.append(frame);
    const object = document.createElement('object');
    object.data = 'https://example.org/file.pdf';
    document.body.append(object);
    const base = document.createElement('base');
    base.href = 'https://example.org/';
    document.head.append(base);
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline && !expected.every((directive) => seen.some((v) => v.directive === directive))) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = {
      inlineRan: w['__inlineRan'] === true,
      evalError,
      functionError,
      styleWidth: getComputedStyle(target).width,
      attributeWidth: getComputedStyle(styled).width,
      fetched,
      font,
      baseURI: document.baseURI,
      metaPolicies: document.querySelectorAll('meta[http-equiv]').length,
      directives: [...new Set(seen.map((v) => v.directive))].sort(),
      dispositions: [...new Set(seen.map((v) => v.disposition))],
      policies: [...new Set(seen.map((v) => v.policy))],
    };
    for (const element of [inline, target, style, styled, img, frame, object, base]) element.remove();
    return result;
  }, expected);
  expect(probe).toEqual({
    inlineRan: false,
    evalError: 'EvalError',
    functionError: 'EvalError',
    styleWidth: expect.not.stringMatching(/^123px$/) as unknown as string,
    attributeWidth: expect.not.stringMatching(/^77px$/) as unknown as string,
    fetched: 'TypeError',
    font: 'refused',
    baseURI: url,
    // No <meta> policy: what the page enforces came with the response, exactly as the app scheme sends it.
    metaPolicies: 0,
    directives: expected,
    dispositions: ['enforce'],
    policies: [CONTENT_SECURITY_POLICY],
  });
  // A form may not send anywhere: the submission is refused and the app stays where it was. (Asked of the page
  // itself: Playwright's locators would wait for the navigation it saw requested, which never finishes.)
  const submitted = await app.page.evaluate(async () => {
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => refused.push(event.effectiveDirective));
    const form = document.createElement('form');
    form.action = 'https://example.org/submit';
    form.method = 'post';
    document.body.append(form);
    form.submit();
    await new Promise((resolve) => setTimeout(resolve, 300));
    form.remove();
    return { refused, href: location.href, ready: document.querySelector('main[data-ready="true"]') !== null };
  });
  expect(submitted).toEqual({ refused: ['form-action'], href: url, ready: true });
  await app.close();
});

test("the page has no require, process or ipcRenderer, and window.api has exactly the contract's functions", async ({ userDataDir }) => {
  const app = await launchApp({ userDataDir });
  const probe = await app.page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const nodeOrElectron = [
      'require',
      'process',
      'module',
      'exports',
      'Buffer',
      'global',
      'setImmediate',
      '__dirname',
      '__filename',
      'ipcRenderer',
      'electron',
    ];
    // Anything on window that looks like an IPC endpoint (ipcRenderer under another name).
    const ipcLike = Object.getOwnPropertyNames(window).filter((name) => {
      let value: unknown;
      try {
        value = w[name];
      } catch {
        return false;
      }
      if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
      const v = value as Record<string, unknown>;
      return ['invoke', 'send', 'sendSync', 'postMessage', 'on'].filter((key) => typeof v[key] === 'function').length >= 2 && 'invoke' in v;
    });
    const api = w['api'] as Record<string, unknown>;
    const received: unknown[][] = [];
    const unsubscribe = (api['onStateChanged'] as (listener: (...args: unknown[]) => void) => () => void)((...args) => received.push(args));
    await (api['updateSettings'] as (patch: unknown) => Promise<unknown>)({ userName: 'Probe' });
    const deadline = Date.now() + 3_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    const first = received[0] ?? [];
    return {
      present: nodeOrElectron.filter((name) => name in window),
      ipcLike,
      api: Object.keys(api).sort(),
      apiTypes: [...new Set(Object.values(api).map((value) => typeof value))],
      apiFrozen: Object.isFrozen(api),
      // The state stream hands the page the snapshot only, never the IPC event (whose sender reaches ipcRenderer).
      listenerArgs: first.length,
      snapshotUser: (first[0] as { settings?: { userName?: unknown } } | undefined)?.settings?.userName,
    };
  });
  expect(probe).toEqual({
    present: [],
    ipcLike: [],
    api: [...Object.keys(contract), 'onStateChanged'].sort(),
    apiTypes: ['function'],
    apiFrozen: true,
    listenerArgs: 1,
    snapshotUser: 'Probe',
  });
  await app.close();
});

test('keyboard alone reaches every screen with a visible focus ring', async ({ userDataDir }) => {
  const app = await launchApp({ userDataDir });
  const { page } = app;
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  // The role in the header comes before the navigation.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Ihre Rolle' })).toBeFocused();
  for (const name of ['Übersicht', 'Aufgaben', 'Protokoll', 'Einstellungen']) {
    await page.keyboard.press('Tab');
    const button = page.getByRole('button', { name, exact: true });
    await expect(button).toBeFocused();
    const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeFocused();
  await app.close();
});
