import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../shared/domain/overview';
import { defaultProfile } from '../../../shared/domain/profile';
import { addWorkingDays } from '../../../shared/format/date';
import { invokeChannels } from '../../../shared/ipc/channels';
import { describeEntry } from '../../../shared/report/entry-text';
import { appSender, startTestServices } from '../../testing/test-support';

function practice() {
  const app = startTestServices();
  const call = (method: keyof typeof invokeChannels, ...args: unknown[]) => app.router.invoke(invokeChannels[method], appSender, args);
  app.core.handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: 'SY' });
  app.core.handlers.saveProfile({
    ...defaultProfile(),
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'kocobox',
    computers: [{ id: 'server', name: 'Server', server: true }],
  });
  return { ...app, call };
}

describe('Wiedervorlage of a hand-over', () => {
  it('suggests 3 working days, skipping the weekend', () => {
    expect(addWorkingDays('2026-11-26', 3)).toBe('2026-12-01'); // Thursday → Tuesday
    expect(addWorkingDays('2026-11-28', 3)).toBe('2026-12-02'); // Saturday → Wednesday
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('is recorded with the hand-over, moved as an event of its own, and both are in the Protokoll', async () => {
    const app = practice();
    expect(
      await app.call('setTaskStatus', { taskId: 'connector:x.comfort', status: 'handed-to-it', followUp: '2026-12-02' }),
    ).toMatchObject({
      ok: true,
    });
    let task = app.core.snapshot().tasks.find((candidate) => candidate.id === 'connector:x.comfort');
    expect(task?.record).toMatchObject({ status: 'handed-to-it', by: 'SY', followUp: '2026-12-02' });

    expect(await app.call('setFollowUp', { taskId: 'connector:x.comfort', followUp: '2026-12-09' })).toMatchObject({ ok: true });
    task = app.core.snapshot().tasks.find((candidate) => candidate.id === 'connector:x.comfort');
    expect(task?.record?.followUp).toBe('2026-12-09');

    const lines = readFileSync(app.core.record.file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; data: unknown });
    expect(lines.at(-2)).toMatchObject({ kind: 'status-set', data: { to: 'handed-to-it', followUp: '2026-12-02' } });
    expect(lines.at(-1)).toMatchObject({
      kind: 'follow-up-set',
      data: { taskId: 'connector:x.comfort', from: '2026-12-02', to: '2026-12-09' },
    });

    const [moved, handed] = app.core.record.state.protocol.slice(-2).reverse();
    const context = {
      t: (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`,
      language: 'de',
      taskTitle: (id: string) => id,
      guides: [],
    };
    expect(describeEntry(handed!, context)).toContain('protocol.entry.statusFollowUp');
    expect(describeEntry(handed!, context)).toContain('02.12.2026');
    expect(describeEntry(moved!, context)).toContain('protocol.entry.followUpMoved');
    expect(describeEntry(moved!, context)).toContain('09.12.2026');
  });

  it('is refused for a task that is not with the IT partner, and for the same day again; nothing is written', async () => {
    const app = practice();
    const before = readFileSync(app.core.record.file);
    expect(await app.call('setFollowUp', { taskId: 'team-briefing', followUp: '2026-12-02' })).toMatchObject({
      ok: false,
      error: { code: 'not-handed-over' },
    });
    expect(readFileSync(app.core.record.file)).toEqual(before);
    await app.call('setTaskStatus', { taskId: 'team-briefing', status: 'handed-to-it', followUp: '2026-12-02' });
    expect(await app.call('setFollowUp', { taskId: 'team-briefing', followUp: '2026-12-02' })).toMatchObject({
      ok: false,
      error: { code: 'same-status' },
    });
    expect(await app.call('setTaskStatus', { taskId: 'team-briefing', status: 'done', followUp: '2026-12-02' })).toMatchObject({
      ok: true,
    });
    // Done: no Wiedervorlage any more.
    expect(app.core.snapshot().tasks.find((task) => task.id === 'team-briefing')?.record?.followUp).toBeUndefined();
  });

  it('the Übersicht lists overdue hand-overs first, oldest first, then by day', async () => {
    const app = practice();
    await app.call('setTaskStatus', { taskId: 'team-briefing', status: 'handed-to-it', followUp: '2026-12-10' });
    await app.call('setTaskStatus', { taskId: 'connector:x.comfort', status: 'handed-to-it', followUp: '2026-11-20' });
    await app.call('setTaskStatus', { taskId: 'pvs:x.comfort', status: 'handed-to-it', followUp: '2026-11-25' });
    await app.call('setTaskStatus', { taskId: 'phishing-warning', status: 'handed-to-it' });
    const withIt = summarize(app.core.snapshot().tasks, 'praxis', '2026-11-29').withIt.map((task) => task.id);
    expect(withIt).toEqual(['connector:x.comfort', 'pvs:x.comfort', 'team-briefing', 'phishing-warning']);
  });
});
