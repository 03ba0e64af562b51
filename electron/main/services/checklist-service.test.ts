import { describe, expect, it } from 'vitest';
import { defaultProfile, type Profile } from '../../../shared/domain/profile';
import { startMainServices } from '../bootstrap';
import { createMemoryLogger } from '../logger';
import { confEngine } from '../store/conf-engine';
import { BUNDLED_PACK_PATH, KEYS_DIR, startTestServices } from '../../testing/test-support';

const practice: Profile = {
  ...defaultProfile(),
  products: ['x.comfort'],
  connector: 'yes',
  connectorModel: 'kocobox',
  computers: [
    { id: 'pc-empfang-1', name: 'Empfang 1', server: false },
    { id: 'pc-sprechzimmer-2', name: 'Sprechzimmer 2', server: false },
    { id: 'pc-server', name: 'Server', server: true },
  ],
};

function setUp() {
  const services = startTestServices();
  const { core } = services;
  core.handlers.updateSettings({ userName: 'SY' });
  core.handlers.saveProfile(practice);
  return services;
}

describe('ChecklistService on a real conf store', () => {
  it('records who, when and the guide version for "Erledigt"', () => {
    const { core } = setUp();
    core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY');
    const task = core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort');
    expect(task?.status).toBe('done');
    expect(task?.record).toMatchObject({ status: 'done', by: 'SY', guideVersion: '1.1' });
    expect(Date.parse(task?.record?.at ?? '')).not.toBeNaN();
  });

  it('refuses "Nicht zutreffend" without a reason and records the reason when given', () => {
    const { core } = setUp();
    expect(() => core.checklist.setStatus('firewall', 'not-applicable', '', 'SY')).toThrow('reason-required');
    core.checklist.setStatus('firewall', 'not-applicable', 'Router gehört dem Vermieter', 'SY');
    expect(core.snapshot().tasks.find((t) => t.id === 'firewall')?.record?.reason).toBe('Router gehört dem Vermieter');
    expect(core.record.state.protocol.at(-1)).toMatchObject({
      kind: 'status',
      to: 'not-applicable',
      reason: 'Router gehört dem Vermieter',
    });
  });

  it('undoes a status change, records the undo and erases nothing from the Protokoll', () => {
    const { core } = setUp();
    core.checklist.setStatus('connector:x.comfort', 'handed-to-it', undefined, 'SY');
    core.checklist.setStatus('connector:x.comfort', 'done', undefined, 'SY');
    const before = [...core.record.state.protocol];
    core.checklist.undo('connector:x.comfort', 'Dr. Weiß');
    const after = core.snapshot();
    expect(after.tasks.find((t) => t.id === 'connector:x.comfort')?.status).toBe('handed-to-it');
    expect(core.record.state.protocol.slice(0, before.length)).toEqual(before);
    expect(core.record.state.protocol.at(-1)).toMatchObject({
      kind: 'undo',
      by: 'Dr. Weiß',
      from: 'done',
      to: 'handed-to-it',
      taskId: 'connector:x.comfort',
    });
  });

  it('refuses an undo when there is nothing to undo', () => {
    const { core } = setUp();
    expect(() => core.checklist.undo('team-briefing', 'SY')).toThrow('nothing-to-undo');
  });

  it('checks steps, puts an open task "In Arbeit" on the first check, and logs each', () => {
    const { core } = setUp();
    core.checklist.checkStep('pvs:x.comfort', 'vendor-guide', true, 'SY');
    core.checklist.checkStep('pvs:x.comfort', 'admin-first', true, 'SY');
    core.checklist.checkStep('pvs:x.comfort', 'admin-first', true, 'SY'); // no change, no entry
    const task = core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort');
    expect(task?.checkedSteps).toEqual(['vendor-guide', 'admin-first']);
    expect(task?.status).toBe('in-progress');
    expect(core.record.state.protocol.filter((e) => e.taskId === 'pvs:x.comfort').map((e) => e.kind)).toEqual(['step', 'status', 'step']);
    expect(() => core.checklist.checkStep('pvs:x.comfort', 'no-such-step', true, 'SY')).toThrow('not-found');
  });

  it('refuses any change without a person', () => {
    const { core } = startTestServices();
    expect(() => core.handlers.saveProfile(practice)).toThrow('no-user');
    core.handlers.updateSettings({ userName: 'SY' });
    core.handlers.saveProfile(practice);
    core.handlers.updateSettings({ userName: '' });
    expect(() => core.checklist.setStatus('pvs:x.comfort', 'done', undefined, '')).toThrow('no-user');
    expect(() => core.checklist.checkStep('pvs:x.comfort', 'vendor-guide', true, '')).toThrow('no-user');
  });

  it('keeps every recorded status when the answers change', () => {
    const { core } = setUp();
    core.checklist.setStatus('windows:pc-empfang-1', 'done', undefined, 'SY');
    core.checklist.setStatus('windows:pc-sprechzimmer-2', 'handed-to-it', undefined, 'SY');
    // One more workstation, one removed, connector now "no".
    core.handlers.saveProfile({
      ...practice,
      connector: 'no',
      computers: [practice.computers[0]!, practice.computers[2]!, { id: 'pc-labor', name: 'Labor', server: false }],
    });
    let tasks = core.snapshot().tasks;
    expect(tasks.find((t) => t.id === 'windows:pc-empfang-1')?.status).toBe('done');
    expect(tasks.find((t) => t.id === 'windows:pc-labor')?.status).toBe('open');
    expect(tasks.some((t) => t.id === 'connector:x.comfort')).toBe(false);
    // Back again: the removed computer's state was kept.
    core.handlers.saveProfile(practice);
    tasks = core.snapshot().tasks;
    expect(tasks.find((t) => t.id === 'windows:pc-sprechzimmer-2')?.status).toBe('handed-to-it');
  });

  it('survives a restart on the same folder', () => {
    const { core, dir } = setUp();
    core.checklist.setStatus('pvs:x.comfort', 'done', undefined, 'SY');
    const again = startMainServices({
      userDataDir: dir,
      engine: confEngine,
      version: 't',
      logger: createMemoryLogger(),
      packFile: BUNDLED_PACK_PATH,
      keysDir: KEYS_DIR,
    });
    expect(again.core.snapshot().tasks.find((t) => t.id === 'pvs:x.comfort')?.status).toBe('done');
    expect(again.core.record.state.protocol).toEqual(core.record.state.protocol);
    // The second start in this process takes the record over (as after a crash); the first instance now only reads.
    expect(again.core.snapshot().record).toEqual({ ...core.snapshot().record, readOnly: false });
    expect(core.snapshot().record.readOnly).toBe(true);
  });
});
