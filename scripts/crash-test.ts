/**
 * `npm run crash-test -- --kills N [--seed S] [--verbose] [--unsafe]`: kill a child that acts through the real
 * services N times (default 200) and check the journal after each kill (scripts/crash-test-lib.ts). Prints
 * `kills: N, acknowledged: A, present: P, lost: L, torn tails repaired: T`; exits non-zero when an acknowledged
 * action was lost or the chain broke. --unsafe runs the child on a journal that acknowledges before writing, to see
 * the check fail.
 */
import { parseArgs } from 'node:util';
import { runCrashTest } from './crash-test-lib';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '200' },
    seed: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    unsafe: { type: 'boolean', default: false },
  },
});
const kills = Number(values.kills);
const seed = values.seed === undefined ? undefined : Number(values.seed);
if (!Number.isInteger(kills) || kills < 1 || (seed !== undefined && !Number.isInteger(seed))) {
  process.stderr.write('usage: npm run crash-test -- [--kills N] [--seed S] [--verbose] [--unsafe]\n');
  process.exit(2);
}

const result = await runCrashTest({
  kills,
  ...(seed === undefined ? {} : { seed }),
  unsafe: values.unsafe,
  ...(values.verbose ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});
process.stdout.write(
  `kills: ${result.kills}, acknowledged: ${result.acknowledged}, present: ${result.present}, lost: ${result.lost}, torn tails repaired: ${result.tornTailsRepaired}\n`,
);
if (result.lost > 0 || result.breaks > 0) {
  process.stderr.write(`seed ${result.seed}, ${result.breaks} break(s), user data kept in ${result.dir}\n`);
  for (const problem of result.problems) process.stderr.write(`${problem}\n`);
  process.exitCode = 1;
}
