import { useEffect, useId, useRef } from 'react';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import type { ImportRefusal } from '../../../../shared/domain/constants';
import type { ImportPreviewResult } from '../../../../shared/ipc/contract';
import { formatDateTime } from '../../../../shared/format/date';
import type { Snapshot } from '../../../../shared/state/snapshot';
import { STATUS_KEYS, taskTitle } from '../tasks/task-text';

export type Preview = Extract<ImportPreviewResult, { status: 'ready' }>['preview'];
export type Refused = Extract<ImportPreviewResult, { status: 'refused' }>;

const REFUSAL_KEYS = {
  'too-large': 'exchange.refusals.too-large',
  'not-json': 'exchange.refusals.not-json',
  'hostile-keys': 'exchange.refusals.hostile-keys',
  'not-an-export': 'exchange.refusals.not-an-export',
  'newer-format': 'exchange.refusals.newer-format',
  invalid: 'exchange.refusals.invalid',
  'chain-broken': 'exchange.refusals.chain-broken',
  'own-installation-differs': 'exchange.refusals.own-installation-differs',
  'installation-differs': 'exchange.refusals.installation-differs',
  'future-dated': 'exchange.refusals.future-dated',
} as const satisfies Record<ImportRefusal, string>;

/**
 * What an import file turned out to be: why it was refused, or the preview to take over or cancel. Loaded with
 * the first file chosen (exchange-section.tsx), with its texts: the Übersicht shows none of it at start.
 */
export default function ImportResult({
  state,
  snapshot,
  confirmPractice,
  onConfirmPractice,
  onApply,
  onCancel,
}: {
  state: { kind: 'preview'; preview: Preview } | { kind: 'refused'; refused: Refused };
  snapshot: Snapshot;
  confirmPractice: boolean;
  onConfirmPractice: (confirmed: boolean) => void;
  onApply: (preview: Preview) => void;
  onCancel: (preview: Preview) => void;
}) {
  // Loaded already with the file (exchange-section.tsx); said here too, so this view never shows a missing text.
  useTexts('exchangeImport');
  const { t } = useTranslation();
  const id = useId();
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const language = snapshot.settings.language;

  // A new preview: focus goes to its heading, so a screen reader reads what the file holds.
  useEffect(() => {
    if (state.kind === 'preview') previewHeading.current?.focus();
  }, [state]);

  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, language) : '');
  const titleOf = (taskId: string) => {
    const task = snapshot.tasks.find((candidate) => candidate.id === taskId);
    return task ? taskTitle(t, task, snapshot) : taskId;
  };

  return (
    <>
      {state.kind === 'refused' && (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('exchange.refusedTitle')}</strong>
          </p>
          <p>
            {t(REFUSAL_KEYS[state.refused.refusal], {
              computer: state.refused.computer ?? '',
              line: state.refused.line ?? '',
              date: when(state.refused.at),
            })}
          </p>
          {state.refused.reason && (
            <p className="help">{t('exchange.reasonLabel', { reason: t(`exchange.reasons.${state.refused.reason}`) })}</p>
          )}
        </div>
      )}

      {state.kind === 'preview' && (
        <div className="preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`} ref={previewHeading} tabIndex={-1}>
            {t('exchange.previewTitle')}
          </h3>
          {state.preview.fromComputer && <p>{t('exchange.previewFrom', { computer: state.preview.fromComputer })}</p>}
          {state.preview.nothingNew ? (
            <p>{t('exchange.nothingNew')}</p>
          ) : (
            <ul>
              {state.preview.installations.map((installation) => (
                <li key={installation.installationId}>
                  {t(installation.people.length > 0 ? 'exchange.previewInstallation' : 'exchange.previewInstallationNoPeople', {
                    computer: installation.computer,
                    count: installation.newEvents,
                    people: installation.people.join(', '),
                    from: when(installation.firstAt),
                    to: when(installation.lastAt),
                  })}
                </li>
              ))}
            </ul>
          )}
          {state.preview.conflicts.length > 0 && (
            <>
              <h4>{t('exchange.conflictsTitle')}</h4>
              <p className="help">{t('exchange.conflictsIntro')}</p>
              <ul className="conflicts">
                {state.preview.conflicts.map((conflict) => (
                  <li key={conflict.taskId}>
                    {t('exchange.conflict', {
                      task: titleOf(conflict.taskId),
                      ours: t(STATUS_KEYS[conflict.ours.status]),
                      oursBy: conflict.ours.by,
                      oursAt: when(conflict.ours.at),
                      theirs: t(STATUS_KEYS[conflict.theirs.status]),
                      theirsBy: conflict.theirs.by,
                      theirsAt: when(conflict.theirs.at),
                      winner: t(STATUS_KEYS[conflict.winner === 'ours' ? conflict.ours.status : conflict.theirs.status]),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {state.preview.otherPractice !== undefined && (
            <div className="notice notice-warning">
              <p>{t('exchange.otherPractice', { name: state.preview.otherPractice, own: snapshot.settings.practiceName })}</p>
              <div className="checkbox">
                <input
                  id={`${id}-confirm`}
                  type="checkbox"
                  checked={confirmPractice}
                  onChange={(event) => onConfirmPractice(event.target.checked)}
                />
                <label htmlFor={`${id}-confirm`}>{t('exchange.confirmOtherPractice')}</label>
              </div>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              disabled={state.preview.otherPractice !== undefined && !confirmPractice}
              onClick={() => onApply(state.preview)}
            >
              {t('exchange.apply')}
            </button>
            <button type="button" className="button-secondary" onClick={() => onCancel(state.preview)}>
              {t('exchange.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
