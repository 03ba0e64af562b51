import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AREAS } from '../../../../shared/domain/constants';
import type { Area, ProtocolEntry } from '../../../../shared/domain/log';
import { formatDateTime } from '../../../../shared/format/date';
import type { ProtocolPage } from '../../../../shared/state/snapshot';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { AREA_KEYS, STATUS_KEYS, taskTitle } from '../tasks/task-text';

const PAGE = 100;

const FIELD_KEYS = {
  products: 'protocol.profileFields.products',
  productsUnsure: 'protocol.profileFields.products',
  remoteTools: 'protocol.profileFields.remoteTools',
  portals: 'protocol.profileFields.portals',
  connector: 'protocol.profileFields.connector',
  connectorModel: 'protocol.profileFields.connectorModel',
  windowsAccounts: 'protocol.profileFields.windowsAccounts',
  firewall: 'protocol.profileFields.firewall',
  securitySystem: 'protocol.profileFields.securitySystem',
  computers: 'protocol.profileFields.computers',
  servers: 'protocol.profileFields.servers',
  cardTerminals: 'protocol.profileFields.cardTerminals',
} as const;

const isStatus = (value: string | undefined): value is keyof typeof STATUS_KEYS => value !== undefined && value in STATUS_KEYS;

/** The Protokoll: every change, newest first, filterable by area and person, read from main in pages. Read-only. */
export function ProtocolScreen({ snapshot }: { snapshot: ViewState }) {
  const { t } = useTranslation();
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

  const titleOf = (entry: ProtocolEntry) => {
    const task = snapshot.tasks.find((candidate) => candidate.id === entry.taskId);
    return task ? taskTitle(t, task, snapshot) : (entry.taskId ?? '');
  };
  const stepOf = (entry: ProtocolEntry) => {
    const guide = snapshot.guides.find((g) => g.id === entry.guideId);
    const index = guide?.steps.findIndex((s) => s.id === entry.stepId) ?? -1;
    return index >= 0 ? String(index + 1) : (entry.stepId ?? '');
  };
  const statusWord = (value: string | undefined) => (isStatus(value) ? t(STATUS_KEYS[value]) : (value ?? ''));
  const describe = (entry: ProtocolEntry): string => {
    const task = titleOf(entry);
    const from = statusWord(entry.from);
    const to = statusWord(entry.to);
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
        return entry.changes && entry.changes.length > 0
          ? t('protocol.entry.profileChanged', {
              fields: entry.changes
                .map((field) => (field in FIELD_KEYS ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : field))
                .join(', '),
            })
          : t('protocol.entry.profile');
      case 'guide-update':
        return t('protocol.entry.guideUpdate', {
          guide: snapshot.guides.find((g) => g.id === entry.guideId)?.title ?? entry.guideId ?? '',
          version: entry.guideVersion ?? '',
        });
      case 'practice':
        return entry.from
          ? t('protocol.entry.practice', { from: entry.from, to: entry.to })
          : t('protocol.entry.practiceSet', { to: entry.to });
      case 'user':
        return entry.from ? t('protocol.entry.user', { from: entry.from, to: entry.to }) : t('protocol.entry.userSet', { to: entry.to });
      case 'pack-declined':
        return t('protocol.entry.packDeclined', { revision: entry.to ?? '' });
      case 'migration':
        return t('protocol.entry.migration');
      case 'chain-break':
        return t('protocol.entry.chainBreak');
    }
  };
  const entries = page?.entries ?? [];
  const total = page?.total ?? 0;

  return (
    <section aria-labelledby="protocol-title" className="screen">
      <h1 id="protocol-title" tabIndex={-1}>
        {t('protocol.title')}
      </h1>
      <p className="lead">{t('protocol.intro')}</p>
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-area`}>{t('protocol.filterArea')}</label>
          <select
            id={`${id}-area`}
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
        </div>
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('protocol.filterPerson')}</label>
          <select
            id={`${id}-person`}
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
        </div>
      </div>
      {page && entries.length === 0 ? (
        <p>{t('protocol.empty')}</p>
      ) : (
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
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                <td className="nowrap">{entry.by || t('protocol.system')}</td>
                <td>
                  {describe(entry)}
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
