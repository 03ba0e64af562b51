// Prints one count line per suite and host from the JSON reports of Vitest and Playwright.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const reports = join(import.meta.dirname, '..', 'test-results');
const lines = [];
const total = { passed: 0, failed: 0, skipped: 0 };
const add = (label, counts, note = '') => {
  for (const key of Object.keys(total)) total[key] += counts[key];
  lines.push(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${note}`);
};

const vitestFile = join(reports, 'vitest.json');
if (existsSync(vitestFile)) {
  const vitest = JSON.parse(readFileSync(vitestFile, 'utf8'));
  const bySuite = { unit: { passed: 0, failed: 0, skipped: 0 }, component: { passed: 0, failed: 0, skipped: 0 } };
  for (const file of vitest.testResults) {
    const suite = /\.test\.tsx$/.test(file.name) ? bySuite.component : bySuite.unit;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') suite.passed += 1;
      else if (test.status === 'failed') suite.failed += 1;
      else suite.skipped += 1;
    }
  }
  add('unit', bySuite.unit);
  add('component', bySuite.component);
}

const playwrightFile = join(reports, 'playwright.json');
if (existsSync(playwrightFile)) {
  const report = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  const byProject = new Map();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        const entry = byProject.get(test.projectName) ?? { passed: 0, failed: 0, skipped: 0, reasons: new Set() };
        if (test.status === 'expected' || test.status === 'flaky') entry.passed += 1;
        else if (test.status === 'skipped') {
          entry.skipped += 1;
          for (const a of test.annotations ?? []) if (a.type === 'skip' && a.description) entry.reasons.add(a.description);
        } else entry.failed += 1;
        byProject.set(test.projectName, entry);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  for (const [project, counts] of byProject) {
    const reasons = [...counts.reasons];
    add(`e2e ${project}`, counts, reasons.length ? `\n  skipped because: ${reasons.join('\n  skipped because: ')}` : '');
  }
}

process.stdout.write(`\n${lines.join('\n')}\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
process.exit(total.failed > 0 || lines.length === 0 ? 1 : 0);
