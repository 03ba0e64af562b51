import { describe, expect, it } from 'vitest';
import { hasModelSteps, visibleSteps } from './visible-steps';

const steps = [
  { id: 'who' },
  { id: 'secunet', models: ['secunet' as const] },
  { id: 'kocobox', models: ['kocobox' as const] },
  { id: 'rise-cloud', models: ['rise' as const, 'cloud' as const] },
  { id: 'test' },
];
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('visibleSteps', () => {
  it.each([
    ['secunet', ['who', 'secunet', 'test']],
    ['kocobox', ['who', 'kocobox', 'test']],
    ['rise', ['who', 'rise-cloud', 'test']],
    ['cloud', ['who', 'rise-cloud', 'test']],
  ] as const)('a practice with a %s connector sees only its steps', (model, expected) => {
    expect(ids(visibleSteps(steps, model))).toEqual(expected);
  });

  it('shows every step while the model is not known', () => {
    expect(ids(visibleSteps(steps, 'unknown'))).toEqual(ids(steps));
  });

  it('leaves guides without model steps as they are', () => {
    const plain: { id: string; models?: ['secunet'] }[] = [{ id: 'a' }, { id: 'b' }];
    expect(ids(visibleSteps(plain, 'secunet'))).toEqual(['a', 'b']);
    expect(hasModelSteps(plain)).toBe(false);
    expect(hasModelSteps(steps)).toBe(true);
  });
});
