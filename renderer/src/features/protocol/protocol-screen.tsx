import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS } from '../../../../shared/domain/constants';
import type { Area, LogEntry } from '../../../../shared/domain/log';
import { filterLog, peopleInLog } from '../../../../shared/domain/log-filter';
import { formatDateTime } from '../../../../shared/format/date';
import type { Snapshot } from '../../../../shared/state/snapshot';
import { AREA_KEYS, STATUS_KEYS, taskTitle } from '../tasks/task-text';

/** The Protokoll: every change, newest first, filterable by area and person. Read-only. */
export function ProtocolScreen({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const id = useId();
  const [area, setArea] = useState<Area | ''>('');
  const [person, setPerson] = useState('');
  const entries = filterLog(snapshot.log, { area, by: person });
  const language = snapshot.settings.language;

  const titleOf = (entry: LogEntry) => {
    const task = snapshot.tasks.find((candidate) => candidate.id === entry.taskId);
    return task ? taskTitle(t, task, snapshot) : (entry.taskId ?? '');
  };
  const stepOf = (entry: LogEntry) => {
    const guide = snapshot.guides.find((g) => g.id === entry.guideId);
    const index = guide?.steps.findIndex((s) => s.id === entry.stepId) ?? -1;
    return index >= 0 ? String(index + 1) : (entry.stepId ?? '');
  };
  const describe = (entry: LogEntry): string => {
    const task = titleOf(entry);
    const from = entry.from ? t(STATUS_KEYS[entry.from]) : '';
    const to = entry.to ? t(STATUS_KEYS[entry.to]) : '';
    switch (entry.kind) {
      case 'status':
        return t('protocol.entry.status', { task, from, to });
      case 'undo':
        return t('protocol.entry.undo', { task, from, to });
      case 'step':
        return entry.checked
          ? t('protocol.entry.stepChecked', { task, step: stepOf(entry) })
          : t('protocol.entry.stepUnchecked', { task, step: stepOf(entry) });
      case 'profile':
        return t('protocol.entry.profile');
      case 'guide-update':
        return t('protocol.entry.guideUpdate', {
          guide: snapshot.guides.find((g) => g.id === entry.guideId)?.title ?? entry.guideId ?? '',
          version: entry.guideVersion ?? '',
        });
    }
  };

  return (
    <section aria-labelledby="protocol-title" className="screen">
      <h1 id="protocol-title" tabIndex={-1}>
        {t('protocol.title')}
      </h1>
      <p className="lead">{t('protocol.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-area`}>{t('protocol.filterArea')}</label>
          <select id={`${id}-area`} value={area} onChange={(event) => setArea(event.target.value as Area | '')}>
            <option value="">{t('protocol.all')}</option>
            {AREAS.map((value) => (
              <option key={value} value={value}>
                {t(AREA_KEYS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('protocol.filterPerson')}</label>
          <select id={`${id}-person`} value={person} onChange={(event) => setPerson(event.target.value)}>
            <option value="">{t('protocol.all')}</option>
            {peopleInLog(snapshot.log).map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {entries.length === 0 ? (
        <p>{t('protocol.empty')}</p>
      ) : (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t('protocol.columns.when')}</th>
              <th scope="col">{t('protocol.columns.who')}</th>
              <th scope="col">{t('protocol.columns.what')}</th>
              <th scope="col">{t('protocol.columns.guide')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq}>
                <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                <td className="nowrap">{entry.by}</td>
                <td>
                  {describe(entry)}
                  {entry.reason && (
                    <>
                      <br />
                      <span className="help">{t('protocol.reason', { reason: entry.reason })}</span>
                    </>
                  )}
                </td>
                <td className="nowrap">{entry.guideVersion ? t('protocol.guideVersion', { version: entry.guideVersion }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
