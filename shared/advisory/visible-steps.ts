import type { Profile } from '../domain/profile';

/** The part of a step that decides where it is shown. */
interface ModelStep {
  models?: readonly Profile['connectorModel'][] | undefined;
}

/**
 * The steps of a guide this practice needs: a step for certain connector models only when the practice has one of
 * them; every step while the model is not known („Weiß nicht“). Pure.
 */
export function visibleSteps<S extends ModelStep>(steps: readonly S[], connectorModel: Profile['connectorModel']): S[] {
  if (connectorModel === 'unknown') return [...steps];
  return steps.filter((step) => !step.models || step.models.includes(connectorModel));
}

/** Whether a guide has steps for particular connector models (then the guide says which model it is for). */
export const hasModelSteps = (steps: readonly ModelStep[]): boolean => steps.some((step) => step.models !== undefined);
