import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { AREAS } from '../../../../shared/domain/constants';
import type { Area, ProtocolEntry } from '../../../../shared/domain/log';
import { formatDateTime } from '../../../../shared/format/date';
import type { ProtocolPage } from '../../../../shared/state/snapshot';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { describeEntry } from '../../../../shared/report/entry-text';
import { AREA_KEYS, taskTitle } from '../tasks/task-text';
import { Field } from '../../ui/field';
import { TableScroll } from '../../ui/table-scroll';
import './protocol.css';

const PAGE = 100;

/** The Protokoll: every change, newest first, filterable by area and person, read from main in pages. Read-only. */
export function ProtocolScreen({ snapshot }: { snapshot: ViewState }) {
  const { t } = useTranslation();
  useTexts('protocol', 'settings');
  const id = useId();
  const [area, setArea] = useState<Area | ''>('');
  const [person, setPerson] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [page, setPage] = useState<ProtocolPage | null>(null);
  const language = snapshot.settings.language;
  const count = snapshot.record.count;

  useEffect(() => {
    let active = true;
    void getApi()
      .getProtocol({ ...(area ? { area } : {}), ...(person ? { by: person } : {}), offset: 0, limit: Math.min(limit, 200) })
      .then(async (first) => {
        if (!first.ok) return;
        // More than one page was asked for: fetch the rest in pages of the contract's size.
        const entries = [...first.value.entries];
        while (entries.length < Math.min(limit, first.value.total)) {
          const next = await getApi().getProtocol({
            ...(area ? { area } : {}),
            ...(person ? { by: person } : {}),
            offset: entries.length,
            limit: Math.min(200, limit - entries.length),
          });
          if (!next.ok || next.value.entries.length === 0) break;
          entries.push(...next.value.entries);
        }
        if (active) setPage({ ...first.value, entries });
      });
    return () => {
      active = false;
    };
  }, [area, person, limit, count]);

  const { computers } = snapshot.record;
  const { tasks, profile, guides } = snapshot;
  /** Each line in words, with the other PC it was recorded on; worked out again only when the page or they change. */
  const rows = useMemo(() => {
    /** The other PC a line was recorded on, when the record holds merged PCs; nothing for this PC's own lines. */
    const foreignComputer = (entry: ProtocolEntry): string => {
      const installationId = entry.id.split(':')[0];
      const computer = computers.find((c) => c.installationId === installationId);
      return computer && !computer.own ? computer.computer || installationId?.slice(0, 8) || '' : '';
    };
    const describe = (entry: ProtocolEntry): string =>
      describeEntry(entry, {
        t: (key, params) => t(key, params),
        language,
        taskTitle: (taskId) => {
          const task = tasks.find((candidate) => candidate.id === taskId);
          return task ? taskTitle(t, task, { profile }) : taskId;
        },
        guides,
      });
    return (page?.entries ?? []).map((entry) => ({ entry, computer: foreignComputer(entry), text: describe(entry) }));
  }, [page, computers, tasks, profile, guides, t, language]);
  const entries = page?.entries ?? [];
  const total = page?.total ?? 0;

  return (
    <section aria-labelledby="protocol-title" className="screen">
      <h1 id="protocol-title" tabIndex={-1}>
        {t('protocol.title')}
      </h1>
      <p className="lead">{t('protocol.intro')}</p>
      <div className="filters">
        <Field id={`${id}-area`} label={t('protocol.filterArea')}>
          {(control) => (
            <select
              {...control}
              value={area}
              onChange={(event) => {
                setArea(event.target.value as Area | '');
                setLimit(PAGE);
              }}
            >
              <option value="">{t('protocol.all')}</option>
              {AREAS.map((value) => (
                <option key={value} value={value}>
                  {t(AREA_KEYS[value])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-person`} label={t('protocol.filterPerson')}>
          {(control) => (
            <select
              {...control}
              value={person}
              onChange={(event) => {
                setPerson(event.target.value);
                setLimit(PAGE);
              }}
            >
              <option value="">{t('protocol.all')}</option>
              {(page?.people ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {page && entries.length === 0 ? (
        <p>{t('protocol.empty')}</p>
      ) : (
        <TableScroll labelledBy="protocol-title">
          <table className="log-table" aria-busy={page === null}>
            <thead>
              <tr>
                <th scope="col">{t('protocol.columns.when')}</th>
                <th scope="col">{t('protocol.columns.who')}</th>
                <th scope="col">{t('protocol.columns.what')}</th>
                <th scope="col">{t('protocol.columns.guide')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry, computer, text }) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                  <td className="nowrap">
                    {entry.by || t('protocol.system')}
                    {computer && <span className="entry-computer">{t('protocol.onComputer', { computer })}</span>}
                  </td>
                  <td>
                    {text}
                    {entry.reason && entry.kind !== 'chain-break' && (
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
        </TableScroll>
      )}
      {page && entries.length > 0 && (
        <p className="help" role="status">
          {t('protocol.shown', { shown: entries.length, total })}
        </p>
      )}
      {entries.length < total && (
        <button type="button" className="button-secondary" onClick={() => setLimit((current) => current + PAGE)}>
          {t('protocol.more')}
        </button>
      )}
      <p className="help">{t('protocol.chain', { count: snapshot.record.count, head: snapshot.record.head.slice(0, 16) || '–' })}</p>
    </section>
  );
}
