/**
 * Names of every IPC channel, without schemas.
 *
 * The sandboxed preload imports only this file (it cannot load npm packages); `contract.ts` attaches a zod
 * schema to each name, and a type check there makes sure both list the same methods.
 */
export const invokeChannels = {
  getState: 'state:get',
  updateSettings: 'settings:update',
  dismissNotice: 'notice:dismiss',
  saveProfile: 'profile:save',
  setTaskStatus: 'task:set-status',
  setFollowUp: 'task:set-follow-up',
  undoTaskStatus: 'task:undo-status',
  checkStep: 'task:check-step',
  previewAdvisory: 'advisory:preview',
  applyAdvisory: 'advisory:apply',
  cancelAdvisory: 'advisory:cancel',
  getAdvisory: 'advisory:get',
  getProtocol: 'protocol:page',
  createReport: 'record:report',
  exportRecord: 'record:export',
  previewImport: 'record:import-preview',
  applyImport: 'record:import-apply',
  cancelImport: 'record:import-cancel',
  savePreset: 'preset:save',
} as const;

export type ApiMethod = keyof typeof invokeChannels;

/** Channels main pushes to the renderer. */
export const eventChannels = {
  stateChanged: 'state:changed',
} as const;
