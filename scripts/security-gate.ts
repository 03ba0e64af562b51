/**
 * The security gate: Electronegativity (Doyensec's scanner for Electron apps) over electron/ and renderer/,
 * offline, through its programmatic API. Fails on any finding that is not listed, with its reason, in
 * electronegativity.justified.json. Run in `npm test` (tests/security-gate.test.ts) and as `npx tsx scripts/security-gate.ts`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface GateFinding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
}

export interface GateResult {
  /** Checks the scanner ran (global and per file). */
  checks: { global: number; atomic: number };
  findings: GateFinding[];
  unjustified: GateFinding[];
  /** Files the scanner could not parse (a gate that cannot read a file must fail too). */
  errors: { file: string; message: string }[];
}

interface Justification {
  id: string;
  file: string;
  reason: string;
}

type Runner = (options: Record<string, unknown>) => Promise<{
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: { id: string; file: string; location?: { line?: number }; severity?: { name?: string }; confidence?: { name?: string } }[];
}>;

/** The scanner, with its translation download (its only network access) answered "offline" at once. */
function scanner(): Runner {
  const require = createRequire(join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));
  const gotPath = require.resolve('got');
  const offline = () => Promise.reject(new Error('offline: the security gate never uses the network'));
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { default: offline }),
  } as unknown as NodeJS.Module;
  const loaded = require('@doyensec/electronegativity') as Runner | { default: Runner };
  return typeof loaded === 'function' ? loaded : loaded.default;
}

/**
 * Scan `input` (a folder) and compare with the justifications. `AvailableSecurityFixesGlobalCheck` is left out: it
 * asks the network which Electron releases exist (the Electron version is kept current by the dependency policy).
 */
export async function runSecurityGate(
  input: string,
  justified: readonly Justification[] = (
    JSON.parse(readFileSync(join(root, 'electronegativity.justified.json'), 'utf8')) as { justified: Justification[] }
  ).justified,
): Promise<GateResult> {
  // The scanner prints a line when its (stubbed) translation download fails; keep the test output clean.
  // eslint-disable-next-line no-console -- silencing the scanner's own console output, and restoring it below
  const log = console.log;
  // eslint-disable-next-line no-console -- see above
  console.log = () => undefined;
  let result: Awaited<ReturnType<Runner>>;
  try {
    result = await scanner()({
      input,
      isRelative: true,
      electronVersionOverride: '45.0.0',
      customScan: [],
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    });
  } finally {
    // eslint-disable-next-line no-console -- restoring what was silenced above
    console.log = log;
  }
  const findings = result.issues.map((issue) => ({
    id: issue.id,
    file: issue.file,
    line: issue.location?.line ?? 0,
    severity: issue.severity?.name ?? '',
    confidence: issue.confidence?.name ?? '',
  }));
  const isJustified = (finding: GateFinding) => justified.some((j) => j.id === finding.id && j.file === finding.file);
  return {
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
    findings,
    unjustified: findings.filter((finding) => !isJustified(finding)),
    errors: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file, message })),
  };
}

/**
 * The app's own code as one input: electron/ (main, preload) and renderer/src side by side, so global checks
 * (e.g. "is navigation limited anywhere?") see the whole app. Tests are left out; they are not shipped.
 */
export async function scanApp(): Promise<GateResult> {
  const stage = mkdtempSync(join(tmpdir(), 'pl-security-gate-'));
  const notTest = (source: string) => !/\.test\.tsx?$/.test(source) && !source.includes(`${join('renderer', 'src', 'test')}`);
  try {
    cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true, filter: notTest });
    cpSync(join(root, 'renderer', 'src'), join(stage, 'renderer', 'src'), { recursive: true, filter: notTest });
    return await runSecurityGate(stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await scanApp();
  process.stdout.write(
    `electron/ + renderer/src: ${result.checks.global} global + ${result.checks.atomic} atomic checks, ${result.findings.length} findings, ${result.unjustified.length} not justified, ${result.errors.length} unreadable files\n`,
  );
  for (const finding of result.findings)
    process.stdout.write(
      `  ${result.unjustified.includes(finding) ? 'NOT JUSTIFIED' : 'justified'}: ${finding.id} ${finding.file}:${finding.line}\n`,
    );
  process.exitCode = result.unjustified.length > 0 || result.errors.length > 0 ? 1 : 0;
}
