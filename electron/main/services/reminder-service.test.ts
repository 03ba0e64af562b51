import { describe, expect, it, vi } from 'vitest';
import { defaultProfile } from '../../../shared/domain/profile';
import { startTestServices } from '../../testing/test-support';
import { reminderFor, startReminders, type Reminder } from './reminder-service';

function practice() {
  const app = startTestServices();
  app.core.handlers.updateSettings({ practiceName: 'Praxis am Dom', userName: 'SY' });
  app.core.handlers.saveProfile({
    ...defaultProfile(),
    products: ['x.comfort'],
    computers: [{ id: 'server', name: 'Server', server: true }],
  });
  return app;
}

describe('reminders (desktop notifications)', () => {
  it('count overdue hand-overs and the practice’s open tasks, in the UI language, naming no task and no secret', () => {
    const app = practice();
    app.core.handlers.setTaskStatus({ taskId: 'team-briefing', status: 'handed-to-it', followUp: '2026-11-20' });
    app.core.handlers.setTaskStatus({ taskId: 'phishing-warning', status: 'done' });
    const snapshot = app.core.snapshot();
    const open = snapshot.tasks.filter(
      (t) => t.audience === 'praxis' && !['done', 'not-applicable', 'handed-to-it'].includes(t.status),
    ).length;
    const german = reminderFor(snapshot, '2026-11-29');
    expect(german?.title).toBe('Passwort-Lotse: Passwortwechsel');
    expect(german?.body).toBe(
      `1 Aufgabe beim IT-Partner ist überfällig. ${open} Aufgaben der Praxis sind noch offen. Zum Öffnen der Übersicht hier klicken.`,
    );
    for (const task of snapshot.tasks) expect(german?.body).not.toContain(task.subject || '\u0000');
    app.core.handlers.updateSettings({ language: 'en' });
    expect(reminderFor(app.core.snapshot(), '2026-11-29')?.body).toMatch(
      /^1 task with the IT partner is overdue\. \d+ tasks of the practice are still open\./,
    );
    // The day itself is not overdue yet.
    expect(reminderFor(app.core.snapshot(), '2026-11-20')?.body).not.toContain('overdue');
  });

  it('none before the Einrichtung, none when switched off in Einstellungen (kept in the settings file)', () => {
    const fresh = startTestServices();
    expect(reminderFor(fresh.core.snapshot(), '2026-11-29')).toBeUndefined();
    const app = practice();
    expect(reminderFor(app.core.snapshot(), '2026-11-29')).toBeDefined();
    app.core.handlers.updateSettings({ reminders: false });
    expect(reminderFor(app.core.snapshot(), '2026-11-29')).toBeUndefined();
    const again = startTestServices(app.dir);
    expect(again.core.snapshot().settings.reminders).toBe(false);
  });

  it('at the start and once a day; a click asks the screens for the Übersicht', () => {
    vi.useFakeTimers();
    try {
      const app = practice();
      const shown: Reminder[] = [];
      let click: (() => void) | undefined;
      const reminders = startReminders({
        snapshot: app.core.snapshot,
        notify: (reminder, onClick) => {
          shown.push(reminder);
          click = onClick;
        },
        onClick: () => app.core.showOverview(),
        intervalMs: 1000,
      });
      expect(shown).toHaveLength(1);
      vi.advanceTimersByTime(999);
      expect(shown).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(shown).toHaveLength(2);
      expect(app.core.snapshot().openOverview).toBeUndefined();
      click?.();
      expect(app.core.snapshot().openOverview).toBe(1);
      reminders.stop();
      vi.advanceTimersByTime(5000);
      expect(shown).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
