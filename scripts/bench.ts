/**
 * Speed and size figures: `npm run bench` prints a table, `npm run bench -- --json` one JSON object. Prints, never
 * asserts. Every floor is measured in the same run as the figure it is compared with. `-- --renderer-only` skips the
 * journal figures (the slow part) and measures the rest, the renderer's first load among it, as in a full run.
 */
import * as nodeFs from 'node:fs';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { packSchema } from '../shared/advisory/pack-schema';
import { defaultProfile, type Profile } from '../shared/domain/profile';
import { deriveTasks, type Task } from '../shared/domain/tasks';
import type { EventDraft } from '../shared/journal/events';
import { startMainServices } from '../electron/main/bootstrap';
import { createMemoryLogger } from '../electron/main/logger';
import { Journal, JOURNAL_DIR } from '../electron/main/journal/journal';
import { RecordService } from '../electron/main/services/record-service';
import { confEngine } from '../electron/main/store/conf-engine';
import { packWithXComfortUpdate, signPack } from '../electron/testing/pack-fixtures';
import { testTrustedKeys } from '../electron/testing/test-keys';
import { generateSigningKeys, trustedKeyFromPem, verifySignedPack } from '../electron/main/services/pack-signing';

const json = process.argv.includes('--json');
/** Only the renderer's and the other quick figures, without the slow journal runs. */
const rendererOnly = process.argv.includes('--renderer-only');
const root = join(import.meta.dirname, '..');
const packFile = join(root, 'assets', 'packs', 'medatixx-2021-11.json');
const keysDir = join(root, 'assets', 'keys');
const pack = packSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'pl-bench-'));
const lines: string[] = [];
const say = (line: string) => {
  if (!json) process.stdout.write(`${line}\n`);
  lines.push(line);
};
const round = (ms: number) => Math.round(ms * 1000) / 1000;
const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const p95 = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] as number;
};
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sampleRss, 5);

/** A practice with exactly `count` tasks: the usual answers plus as many workstations as it takes. */
function practiceWith(count: number): Profile {
  const base: Profile = {
    ...defaultProfile(),
    completed: true,
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'kocobox',
    remoteTools: ['teamviewer', 'vendor'],
    portals: ['email', 'kv-portal'],
    cardTerminals: [{ id: 'kt-orga-6141-online', model: 'ORGA 6141 online' }],
  };
  const fixed = deriveTasks(base, pack).length;
  // Up to 400 computers (the profile's limit), the rest card terminals.
  const pcs = Math.min(400, count - fixed);
  const computers = Array.from({ length: pcs }, (_, i) => ({
    id: `pc-arbeitsplatz-${i + 1}`,
    name: `Arbeitsplatz ${i + 1}`,
    server: i === 0,
  }));
  const terminals = Array.from({ length: count - fixed - pcs }, (_, i) => ({ id: `kt-terminal-${i + 2}`, model: `Terminal ${i + 2}` }));
  const profile = { ...base, computers, cardTerminals: [...base.cardTerminals, ...terminals] };
  if (deriveTasks(profile, pack).length !== count) throw new Error(`practice of ${count} tasks not reached`);
  return profile;
}

const INSTALLATION = '0b5e7a1c-3d2f-4e6a-9b8c-7d6e5f4a3b2c';

/** A user-data folder with a journal of `entries` events for a practice of `tasks` tasks, written in one go. */
function seedFolder(entries: number, tasks: number): string {
  // Names of the same length for every size: the folder's path is part of the payload.
  const dir = mkdtempSync(join(work, `j-${String(entries).padStart(6, '0')}-${String(tasks).padStart(3, '0')}-`));
  writeFileSync(
    join(dir, 'passwort-lotse.json'),
    JSON.stringify({ schemaVersion: 3, installationId: INSTALLATION, settings: { userName: 'Bench', language: 'de' } }),
  );
  const profile = practiceWith(tasks);
  const derived: Task[] = deriveTasks(profile, pack);
  let t = Date.parse('2026-11-28T08:00:00.000Z');
  const clock = () => new Date((t += 1000));
  const journal = new Journal({
    fs: nodeFs,
    dir: join(dir, JOURNAL_DIR),
    installationId: INSTALLATION,
    osUser: 'empfang',
    clock,
    segment: 1,
    prev: '',
    seq: 0,
  });
  mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  const drafts: EventDraft[] = [{ kind: 'profile-saved', by: 'Bench', data: { profile, changes: [] } }];
  const status = new Map<string, string>();
  const setStatus = (task: Task, to: 'in-progress' | 'done' | 'handed-to-it', by: string) => {
    const from = (status.get(task.id) ?? 'open') as 'open';
    status.set(task.id, to);
    drafts.push({
      kind: 'status-set',
      by,
      data: { taskId: task.id, area: task.area, from, to, guideId: task.guideId, guideVersion: versionOf(task) },
    });
  };
  const versionOf = (task: Task) => pack.guides.find((g) => g.id === task.guideId)?.version ?? '';
  // The last `tasks` events hand every task to the IT partner, so journals of every length end in a state of the same
  // shape (same statuses, no ticked steps) and the payloads can be compared byte for byte.
  const fill = entries - derived.length;
  for (let i = 1; i < entries; i += 1) {
    const task = derived[Math.floor(i / 4) % derived.length] as Task;
    if (i >= fill) {
      setStatus(derived[i - fill] as Task, 'handed-to-it', 'SY');
      continue;
    }
    const stepId = pack.guides.find((g) => g.id === task.guideId)?.steps[0]?.id;
    const by = i % 8 < 4 ? 'SY' : 'Dr. Weiß';
    if (i % 4 < 2 && stepId) {
      // A tick and its untick, so no step stays ticked.
      drafts.push({
        kind: 'step-checked',
        by,
        data: {
          taskId: task.id,
          area: task.area,
          stepId,
          checked: i % 4 === 0,
          guideId: task.guideId,
          guideVersion: versionOf(task),
          startsTask: false,
        },
      });
    } else {
      setStatus(task, status.get(task.id) === 'in-progress' ? 'done' : 'in-progress', by);
    }
  }
  journal.createWith(drafts);
  return dir;
}

/** Median of appending + fsyncing one 300-byte line to a file in the same folder as the journals. */
function appendFloor(runs: number): number {
  const file = join(work, 'floor.jsonl');
  const fd = openSync(file, 'a');
  const line = Buffer.from(`${'x'.repeat(299)}\n`);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    writeSync(fd, line);
    fsyncSync(fd);
    times.push(ms(start));
  }
  closeSync(fd);
  return median(times);
}

interface StatusChangeFigure {
  entries: number;
  tasks: number;
  medianMs: number;
  p95Ms: number;
  payloadBytes: number;
}

/** One status change through the handlers: the journal write and the state:changed payload built for a listener. */
function statusChange(entries: number, tasks: number, runs: number): { figure: StatusChangeFigure; dir: string } {
  const dir = seedFolder(entries, tasks);
  const services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: 'bench',
    logger: createMemoryLogger(),
    packFile,
    keysDir,
  });
  const { core } = services;
  let payload: unknown;
  core.subscribe((snapshot) => {
    payload = snapshot;
  });
  const taskIds = core.checklist.tasks().map((task) => task.id);
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const taskId = taskIds[i % taskIds.length] as string;
    const current = core.checklist.views().find((view) => view.id === taskId)?.status;
    const status = current === 'handed-to-it' ? 'in-progress' : 'handed-to-it';
    const start = process.hrtime.bigint();
    core.handlers.setTaskStatus({ taskId, status });
    times.push(ms(start));
    sampleRss();
  }
  const payloadBytes = Buffer.byteLength(JSON.stringify(payload));
  services.close();
  return { figure: { entries, tasks, medianMs: round(median(times)), p95Ms: round(p95(times)), payloadBytes }, dir };
}

/** Read + JSON.parse of every line: what no open can beat. */
function openFloor(dir: string): number {
  const start = process.hrtime.bigint();
  const text = readFileSync(join(dir, JOURNAL_DIR, `${INSTALLATION}.jsonl`), 'utf8');
  let n = 0;
  for (const line of text.split('\n')) if (line) n += JSON.parse(line) ? 1 : 0;
  if (n === 0) throw new Error('empty journal');
  return ms(start);
}

/** Open + verify + fold, as the app does at start. */
function openRecord(dir: string): number {
  const start = process.hrtime.bigint();
  const record = new RecordService({
    dir: join(dir, JOURNAL_DIR),
    installationId: INSTALLATION,
    osUser: 'empfang',
    clock: () => new Date(),
  });
  const took = ms(start);
  if (record.findings.length > 0) throw new Error('bench journal did not verify');
  record.close();
  return took;
}

// ---------------------------------------------------------------------------------------------------------------
say('Passwort-Lotse benchmark');
/** The only part of the payload that may grow: the number of entries in the Protokoll, a few digits longer. */
const COUNT_DIGITS = String(100_000 + 200).length - String(1_000 + 200).length;

/** The journal figures: append floor, status changes up to 100,000 entries, open + verify, memory. */
function journalFigures() {
  const appendFloorMs = round(appendFloor(300));
  say(`${'appendFloorMs: append + fsync one 300-byte line (median)'.padEnd(64)} ${appendFloorMs.toFixed(3).padStart(9)} ms`);

  const figures: StatusChangeFigure[] = [];
  let bigDir = '';
  say('');
  say('statusChange: one status change through the services (journal write + state:changed payload)');
  say(`${'entries'.padStart(9)} ${'tasks'.padStart(6)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(9)} ${'payload B'.padStart(10)}`);
  for (const entries of [1_000, 10_000, 100_000]) {
    for (const tasks of [50, 500]) {
      const { figure, dir } = statusChange(entries, tasks, 200);
      figures.push(figure);
      if (entries === 100_000 && tasks === 500) bigDir = dir;
      else rmSync(dir, { recursive: true, force: true });
      say(
        `${String(entries).padStart(9)} ${String(tasks).padStart(6)} ${figure.medianMs.toFixed(3).padStart(10)} ${figure.p95Ms.toFixed(3).padStart(9)} ${String(figure.payloadBytes).padStart(10)}`,
      );
    }
  }

  const openFloors: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    openFloors.push(openFloor(bigDir));
    opens.push(openRecord(bigDir));
    sampleRss();
  }
  const openFloorMs = round(median(openFloors));
  const openMs = round(median(opens));
  sampleRss();
  const peakRssMiB = Math.round((peakRss / 1024 / 1024) * 10) / 10;
  const journalMiB = Math.round((statSync(join(bigDir, JOURNAL_DIR, `${INSTALLATION}.jsonl`)).size / 1024 / 1024) * 10) / 10;
  say('');
  say(
    `${'openFloorMs: read + JSON.parse every line, 100,000 entries'.padEnd(64)} ${openFloorMs.toFixed(1).padStart(9)} ms  (${journalMiB} MiB)`,
  );
  say(`${'openMs: open + verify chain + fold, 100,000 entries'.padEnd(64)} ${openMs.toFixed(1).padStart(9)} ms`);
  say(`${'peakRssMiB during the runs up to 100,000 entries'.padEnd(64)} ${peakRssMiB.toFixed(1).padStart(9)} MiB`);

  const at = (entries: number) => figures.filter((f) => f.entries === entries);
  const flat = [...at(10_000), ...at(100_000)].every((f) => f.medianMs <= 5 * appendFloorMs);
  const payloadSame = [50, 500].map((tasks) => ({
    tasks,
    small: at(1_000).find((f) => f.tasks === tasks)?.payloadBytes ?? 0,
    large: at(100_000).find((f) => f.tasks === tasks)?.payloadBytes ?? 0,
  }));
  say('');
  say('targets');
  say(
    `  statusChange median at 10,000 and 100,000 entries <= 5 x appendFloorMs (${round(5 * appendFloorMs)} ms): ${flat ? 'holds' : 'MISSED'}`,
  );
  for (const p of payloadSame)
    say(
      `  payloadBytes at 1,000 vs 100,000 entries, ${p.tasks} tasks: ${p.small} vs ${p.large} B (${p.large - p.small} B; the Protokoll count "${1_000 + 200}" vs "${100_000 + 200}" differs by ${COUNT_DIGITS} digits): ${p.large - p.small <= COUNT_DIGITS ? 'holds' : 'MISSED'}`,
    );
  say(
    `  openMs <= 3 x openFloorMs (${round(3 * openFloorMs)} ms): ${openMs <= 3 * openFloorMs ? 'holds' : 'MISSED'} (${round(openMs / openFloorMs)} x)`,
  );
  rmSync(bigDir, { recursive: true, force: true });
  return { appendFloorMs, figures, openFloorMs, openMs, peakRssMiB, flat, payloadSame };
}
const journalRun = rendererOnly ? undefined : journalFigures();
clearInterval(sampler);

// Older figures: derivation, pack checks, bundle sizes.
const others: Record<string, number> = {};
function time(label: string, key: string, runs: number, fn: () => void): void {
  for (let i = 0; i < Math.min(20, runs); i += 1) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) fn();
  const perRun = ms(start) / runs;
  others[key] = round(perRun);
  say(`${label.padEnd(64)} ${perRun.toFixed(3).padStart(9)} ms/run  (${runs} runs)`);
}
say('');
const big = practiceWith(500);
time(`derive tasks, practice of ${deriveTasks(big, pack).length} tasks`, 'deriveTasksMs', 500, () => deriveTasks(big, pack));
time('validate the bundled pack (zod)', 'validatePackMs', 100, () => packSchema.parse(JSON.parse(readFileSync(packFile, 'utf8'))));
const keys = generateSigningKeys();
const signed = signPack(packWithXComfortUpdate(true), keys.privatePem);
const trusted = [trustedKeyFromPem(keys.publicPem)];
time('verify a signed update (Ed25519 + schema)', 'verifyUpdateMs', 100, () => verifySignedPack(signed, trusted));

const sizes: Record<string, { bytes: number; gzipBytes: number }> = {};
function size(label: string, file: string): void {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes).length;
  sizes[label] = { bytes: bytes.length, gzipBytes: gzip };
  say(`${label.padEnd(64)} ${(bytes.length / 1024).toFixed(1).padStart(9)} KiB  (gzip ${(gzip / 1024).toFixed(1)} KiB)`);
}
size('bundled advisory pack', packFile);
for (const [label, folder] of [
  ['renderer', join(root, 'out', 'renderer', 'assets')],
  ['main', join(root, 'out', 'main')],
  ['preload', join(root, 'out', 'preload')],
] as const) {
  try {
    for (const name of readdirSync(folder).filter((f) => /\.(js|cjs|mjs|css)$/.test(f) && statSync(join(folder, f)).isFile()))
      size(`${label} bundle ${name}`, join(folder, name));
  } catch {
    say(`${label} bundle: not built (run npm run build first)`);
  }
}
// The renderer's first load: JavaScript the first screen needs, beside React + ReactDOM alone, same build.
say('');
const rendererOut = join(root, 'out', 'renderer');
/** gzip KiB of the JavaScript an index.html loads before anything else: its entry script and modulepreloads. */
function initialJsGzipKiB(outDir: string): number {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0);
  return Math.round((bytes / 1024) * 10) / 10;
}
/** The two floor pages: React + ReactDOM with one button; the same with i18next (the stack the design card fixes). */
const FLOOR_MAIN = {
  react:
    'import { createRoot } from \'react-dom/client\';\ncreateRoot(document.getElementById(\'root\')!).render(<button type="button" id="ready">Hallo</button>);\n',
  i18next:
    "import i18next from 'i18next';\nimport { createRoot } from 'react-dom/client';\nconst i18n = i18next.createInstance();\nvoid i18n.init({ lng: 'de', resources: { de: { translation: { hallo: 'Hallo' } } }, initAsync: false });\ncreateRoot(document.getElementById('root')!).render(<button type=\"button\" id=\"ready\">{i18n.t('hallo')}</button>);\n",
} as const;
/**
 * A floor page built as the renderer is: through electron-vite's renderer build (its Chromium target for the
 * Electron in package.json, no modulepreload polyfill) with the same React plugin and minifier.
 */
async function floorBuild(kind: keyof typeof FLOOR_MAIN): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `pl-${kind}-floor-`));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="de"><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(join(dir, 'main.tsx'), FLOOR_MAIN[kind]);
  // electron-vite reads its settings only from a config file: one for this page, with the renderer's plugin.
  const modules = (name: string) => join(root, 'node_modules', name);
  const config = join(dir, 'electron.vite.config.mjs');
  writeFileSync(
    config,
    `import react from ${JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('@vitejs/plugin-react')).href)};
export default {
  renderer: {
    root: ${JSON.stringify(dir)},
    base: './',
    plugins: [react()],
    resolve: { alias: ${JSON.stringify({ react: modules('react'), 'react-dom': modules('react-dom'), i18next: modules('i18next') })} },
    build: { outDir: ${JSON.stringify(join(dir, 'out'))}, emptyOutDir: true, minify: true, rolldownOptions: { input: { index: ${JSON.stringify(join(dir, 'index.html'))} } } },
  },
};
`,
  );
  const { build } = await import('electron-vite');
  await build({ configFile: config, root: dir, logLevel: 'silent' });
  return join(dir, 'out');
}
const floorDir = await floorBuild('react');
const i18nextFloorDir = await floorBuild('i18next');
// Static estimates from each index.html (entry and modulepreloads); replaced below by what the browser really
// fetched before the first screen was ready, when Chromium is there.
let reactFloorGzipKiB = initialJsGzipKiB(floorDir);
let i18nextFloorGzipKiB = initialJsGzipKiB(i18nextFloorDir);
let initialKiB: number | undefined;
try {
  initialKiB = initialJsGzipKiB(rendererOut);
} catch {
  say('renderer: not built (run npm run build first)');
}

// Time until the Übersicht of the demo practice accepts a click, beside a blank React page, same browser and run.
let overviewInteractiveMs: number | undefined;
let blankReactMs: number | undefined;
let blankI18nextMs: number | undefined;
let blankReactPlainMs: number | undefined;
try {
  const { launchChromium, openBrowserHost, BROWSER_ORIGIN } = await import('../e2e/browser-host');
  const { createDemo } = await import('./record');
  const browser = await launchChromium();
  const demo = mkdtempSync(join(tmpdir(), 'pl-bench-demo-'));
  await createDemo(demo);
  // The demo's guide update is signed with the test key: trusted here as the demo is meant to be seen (with no
  // notice that its update could not be verified, which would load the notices before the Übersicht).
  const demoKeys = testTrustedKeys();
  const overview: number[] = [];
  const blank: number[] = [];
  // Measured inside the page, from the navigation's start (performance.now()) until the button is there and the
  // main thread is free again (the next task after it rendered): the time after which a click is handled.
  // (A string, not a function: the script runner would wrap a function in helpers the page does not have.)
  const readyWhen = (name: string) => `
    window.__ready = new Promise((resolve) => {
      const found = () => [...document.querySelectorAll('button')].some((b) => b.textContent === ${JSON.stringify(name)} && !b.disabled);
      const observer = new MutationObserver(() => {
        if (!found()) return;
        observer.disconnect();
        setTimeout(() => resolve(performance.now()), 0);
      });
      observer.observe(document, { subtree: true, childList: true });
    });`;
  const readyAt = (page: Page) => page.evaluate(() => (window as unknown as { __ready: Promise<number> }).__ready);
  /** gzip KiB of every JavaScript file the page fetched before it was ready (the first screen's whole need). */
  const jsBefore = (requested: string[], outDir: string) =>
    Math.round(([...new Set(requested)].reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0) / 1024) * 10) /
    10;
  /**
   * One floor page: opened through the same browser host as the app (its bridge, init scripts and file serving, in
   * a fresh context), so the ratio measures the app and not the host; or, `plain`, in a bare context as until
   * 2026-11-29 (kept as a reference). Its time until the button takes a click, and the JavaScript it fetched.
   */
  const openFloor = async (dir: string, plain = false) => {
    const host = plain
      ? undefined
      : await openBrowserHost({ browser, userDataDir: demo, navigate: false, pageDir: dir, extraTrustedKeys: demoKeys });
    const context = host ? undefined : await browser.newContext();
    if (context)
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        const file = join(dir, url.pathname === '/' ? 'index.html' : url.pathname);
        if (!file.startsWith(dir)) return route.abort();
        const type = file.endsWith('.js') ? 'text/javascript' : 'text/html';
        return route.fulfill({ status: 200, body: readFileSync(file), headers: { 'Content-Type': type } });
      });
    const page = host ? host.page : await (context as NonNullable<typeof context>).newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) fetched.push(path.slice(1));
    });
    await page.addInitScript(readyWhen('Hallo'));
    await page.goto(host ? `${BROWSER_ORIGIN}/index.html` : 'https://react-floor.test/index.html');
    const ms = await readyAt(page);
    await (host ? host.close() : context?.close());
    return { ms, kiB: jsBefore(fetched, dir) };
  };
  const blankPlain: number[] = [];
  const blankI18next: number[] = [];
  for (let run = 0; run < 10; run += 1) {
    const host = await openBrowserHost({ browser, userDataDir: demo, navigate: false, extraTrustedKeys: demoKeys });
    const requested: string[] = [];
    host.page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.endsWith('.js')) requested.push(path.slice(1));
    });
    await host.page.addInitScript(readyWhen('Nachweis erstellen (PDF)'));
    await host.page.goto(`${BROWSER_ORIGIN}/index.html`);
    overview.push(await readyAt(host.page));
    if (run === 0) initialKiB = jsBefore(requested, rendererOut);
    await host.close();
    const react = await openFloor(floorDir);
    blank.push(react.ms);
    if (run === 0) reactFloorGzipKiB = react.kiB;
    blankPlain.push((await openFloor(floorDir, true)).ms);
    const withI18next = await openFloor(i18nextFloorDir);
    blankI18next.push(withI18next.ms);
    if (run === 0) i18nextFloorGzipKiB = withI18next.kiB;
  }
  await browser.close();
  rmSync(demo, { recursive: true, force: true });
  overviewInteractiveMs = round(median(overview));
  blankReactMs = round(median(blank));
  blankI18nextMs = round(median(blankI18next));
  blankReactPlainMs = round(median(blankPlain));
  say(
    `overviewInteractiveMs ${overviewInteractiveMs} ms beside blankReactMs ${blankReactMs} ms (median of 10, Chromium, both through the browser host; ${round(overviewInteractiveMs / blankReactMs)} x)`,
  );
  say(
    `  for reference: blankReactPlainMs ${blankReactPlainMs} ms, the blank page in a bare context without the host's bridge and file serving (${round(overviewInteractiveMs / blankReactPlainMs)} x)`,
  );
  say(
    `  for reference: blankI18nextMs ${blankI18nextMs} ms, the blank page with i18next set up (${round(blankI18nextMs / blankReactMs)} x blankReactMs)`,
  );
} catch (error) {
  say(`overviewInteractiveMs: not measured (${error instanceof Error ? error.message.split('\n')[0] : 'no browser'})`);
}
rmSync(floorDir, { recursive: true, force: true });
rmSync(i18nextFloorDir, { recursive: true, force: true });
if (initialKiB !== undefined) {
  say(
    `initialJsGzipKiB ${initialKiB} KiB beside reactFloorGzipKiB ${reactFloorGzipKiB} KiB (${round(initialKiB / reactFloorGzipKiB)} x; all JavaScript fetched before the first screen was ready)`,
  );
  say(
    `  for reference: i18nextFloorGzipKiB ${i18nextFloorGzipKiB} KiB, the same page with i18next (${round(i18nextFloorGzipKiB / reactFloorGzipKiB)} x reactFloorGzipKiB); so about ${round(initialKiB - i18nextFloorGzipKiB)} KiB are the app's own first screen (separately compressed files, so an estimate)`,
  );
}
say('targets (renderer)');
if (initialKiB !== undefined)
  say(
    `  initialJsGzipKiB <= 1.35 x reactFloorGzipKiB (${round(1.35 * reactFloorGzipKiB)} KiB): ${initialKiB <= 1.35 * reactFloorGzipKiB ? 'holds' : 'MISSED'}`,
  );
if (overviewInteractiveMs !== undefined && blankReactMs !== undefined)
  say(
    `  overviewInteractiveMs <= 1.5 x blankReactMs (${round(1.5 * blankReactMs)} ms): ${overviewInteractiveMs <= 1.5 * blankReactMs ? 'holds' : 'MISSED'}`,
  );
rmSync(work, { recursive: true, force: true });

if (json) {
  process.stdout.write(
    `${JSON.stringify({
      appendFloorMs: journalRun?.appendFloorMs ?? null,
      statusChange: journalRun?.figures ?? null,
      openFloorMs: journalRun?.openFloorMs ?? null,
      openMs: journalRun?.openMs ?? null,
      peakRssMiB: journalRun?.peakRssMiB ?? null,
      initialJsGzipKiB: initialKiB ?? null,
      reactFloorGzipKiB,
      i18nextFloorGzipKiB,
      overviewInteractiveMs: overviewInteractiveMs ?? null,
      blankReactMs: blankReactMs ?? null,
      blankI18nextMs: blankI18nextMs ?? null,
      blankReactPlainMs: blankReactPlainMs ?? null,
      targets: {
        initialJsWithin135xFloor: initialKiB !== undefined ? initialKiB <= 1.35 * reactFloorGzipKiB : null,
        overviewWithin15xBlank:
          overviewInteractiveMs !== undefined && blankReactMs !== undefined ? overviewInteractiveMs <= 1.5 * blankReactMs : null,
        statusChangeFlat: journalRun ? journalRun.flat : null,
        payloadSame: journalRun ? journalRun.payloadSame.every((p) => p.large - p.small <= COUNT_DIGITS) : null,
        openWithin3xFloor: journalRun ? journalRun.openMs <= 3 * journalRun.openFloorMs : null,
      },
      others,
      sizes,
    })}\n`,
  );
}
