import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('the renderer start', () => {
  it("imports early.ts first, so main's state is asked for before the other modules of the start chunk run", () => {
    const source = readFileSync(join(root, 'renderer', 'src', 'main.tsx'), 'utf8');
    const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gm)].map((m) => m[1]);
    expect(imports[0]).toBe('./early');
    // And early.ts itself pulls in nothing heavy before it asks: only the bridge and the language hint.
    const early = readFileSync(join(root, 'renderer', 'src', 'early.ts'), 'utf8');
    expect([...early.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]).sort()).toEqual(['./api', './language-hint']);
  });
});
