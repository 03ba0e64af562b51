import { useMemo } from 'react';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { formatDay } from '../../../../shared/format/date';
import type { TaskKind } from '../../../../shared/domain/tasks';
import type { ViewState } from '../../app/view-state';
import type { Navigate } from '../../app/routes';
import { AudienceBadge, StatusBadge } from './status-badge';
import { AREA_KEYS, taskTitle } from './task-text';
import { PackText } from '../guide/pack-text';
import { TableScroll } from '../../ui/table-scroll';
import './tasks.css';

/**
 * Tasks whose title names one computer while their guide serves every computer of that kind: only there does the
 * guide's title say more than the task's. Elsewhere it rewords the title (e.g. „Praxissoftware x.comfort“ and
 * „Passwortänderung in der Praxissoftware x.comfort“), so the line under the title gives just version and date.
 */
const GUIDE_TITLE_KINDS: ReadonlySet<TaskKind> = new Set<TaskKind>(['windows-server', 'windows-workstation']);

/** All tasks in priority order, each with area, who does it and its status. */
export function TasksScreen({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  useTexts('tasks');
  const { tasks, guides, profile } = snapshot;
  /** Each task with its title and guide; worked out again only when the tasks, guides or answers change. */
  const rows = useMemo(
    () =>
      tasks.map((task) => ({
        task,
        title: taskTitle(t, task, { profile }),
        guide: guides.find((g) => g.id === task.guideId),
      })),
    [tasks, guides, profile, t],
  );
  return (
    <section aria-labelledby="tasks-title" className="screen">
      <h1 id="tasks-title" tabIndex={-1}>
        {t('tasks.title')}
      </h1>
      {snapshot.tasks.length === 0 ? (
        <div className="callout">
          <p>{t('tasks.empty')}</p>
          <button type="button" className="button-primary" onClick={() => onNavigate({ screen: 'setup' })}>
            {t('overview.startSetup')}
          </button>
        </div>
      ) : (
        <>
          <p className="lead">{t('tasks.intro')}</p>
          <TableScroll labelledBy="tasks-title">
            <table className="task-table">
              <thead>
                <tr>
                  <th scope="col">{t('tasks.columns.task')}</th>
                  <th scope="col">{t('tasks.columns.area')}</th>
                  <th scope="col">{t('tasks.columns.who')}</th>
                  <th scope="col">{t('tasks.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ task, title, guide }) => (
                  <tr key={task.id} data-task-id={task.id}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => onNavigate({ screen: 'task', taskId: task.id })}>
                        {title}
                      </button>
                      {guide &&
                        (GUIDE_TITLE_KINDS.has(task.kind) ? (
                          <span className="task-guide">
                            {t('tasks.guidePrefix')} <PackText value={guide.title} language={snapshot.settings.language} />
                            {t('tasks.guideVersion', { version: guide.version, date: formatDay(guide.date, snapshot.settings.language) })}
                          </span>
                        ) : (
                          <span className="task-guide">
                            {t('tasks.guideVersionOnly', {
                              version: guide.version,
                              date: formatDay(guide.date, snapshot.settings.language),
                            })}
                          </span>
                        ))}
                    </th>
                    <td>{t(AREA_KEYS[task.area])}</td>
                    <td>
                      <AudienceBadge audience={task.audience} />
                    </td>
                    <td>
                      <StatusBadge status={task.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
