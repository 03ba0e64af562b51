/** The kinds of journal events, without their schemas, so the renderer can name them without bundling zod. */
export const EVENT_KINDS = [
  'profile-saved',
  'names-changed',
  'status-set',
  'status-undone',
  'follow-up-set',
  'step-checked',
  'pack-applied',
  'pack-declined',
  'legacy-entry',
  'store-migrated',
  'chain-break',
] as const;
