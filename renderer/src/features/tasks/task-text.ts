import type { TFunction } from 'i18next';
import type { Task } from '../../../../shared/domain/tasks';
import { taskTitle as sharedTaskTitle } from '../../../../shared/report/task-text';
import type { ViewState } from '../../app/view-state';

export { AREA_KEYS, AUDIENCE_KEYS, PORTAL_KEYS, REMOTE_KEYS, STATUS_KEYS } from '../../../../shared/report/task-text';

/** The task's title in the user's language (see shared/report/task-text.ts). */
export function taskTitle(t: TFunction, task: Task, snapshot?: Pick<ViewState, 'profile'>): string {
  return sharedTaskTitle((key, params) => t(key, params), task, snapshot?.profile);
}
