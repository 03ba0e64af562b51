import { useEffect, useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { loadPart } from '../../i18n';
import { MAX_RECORD_EXPORT_BYTES, type ImportRefusal } from '../../../../shared/domain/constants';
import type { ImportPreviewResult, Saved } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import { formatDateTime } from '../../../../shared/format/date';
import type { Snapshot } from '../../../../shared/state/snapshot';
import type { Language } from '../../../../shared/state/settings';
import { getApi } from '../../api';
import { STATUS_KEYS, taskTitle } from '../tasks/task-text';
import { Field } from '../../ui/field';
import { FilePicker } from '../../ui/file-picker';
import { useLiveStatus, type LiveFeedback } from '../../ui/use-live-status';
import './exchange.css';

type Preview = Extract<ImportPreviewResult, { status: 'ready' }>['preview'];
type Refused = Extract<ImportPreviewResult, { status: 'refused' }>;

/** What the section is doing besides its messages: working (buttons off), a preview to decide on, or a refusal. */
type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'preview'; preview: Preview } | { kind: 'refused'; refused: Refused };

const IDLE: State = { kind: 'idle' };

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
} as const satisfies Record<ImportRefusal, string>;

/**
 * "Nachweis und Austausch" on the Übersicht: the PDF Nachweis, the work sheet, the export for another PC and the
 * import from one. An import is checked first and shown as a preview; nothing changes until "Übernehmen".
 */
export function ExchangeSection({ snapshot }: { snapshot: Snapshot }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [state, setState] = useState<State>(IDLE);
  /** What became of the last action: saved where, nothing saved, taken over, cancelled, or an error. */
  const status = useLiveStatus();
  const [confirmPractice, setConfirmPractice] = useState(false);
  /** Whose open tasks go on the work sheet. */
  const [sheetFor, setSheetFor] = useState<'all' | 'praxis' | 'it-partner'>('all');
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const language = snapshot.settings.language;

  useEffect(() => {
    if (state.kind === 'preview') previewHeading.current?.focus();
  }, [state]);

  /** Busy, a preview or a refusal: what was said before goes. */
  const showState = (next: State) => {
    status.clear();
    setState(next);
  };
  /** Done (or failed): the buttons are back, the message says what happened. */
  const report = (feedback: LiveFeedback) => {
    setState(IDLE);
    status.show(feedback);
  };

  const saved = (result: IpcResult<Saved>, messageKey: 'exchange.saved' | 'exchange.exported') => {
    if (!result.ok) return report({ kind: 'error', message: result.error.messageKey });
    const { value } = result;
    report(
      value.status === 'saved'
        ? { kind: 'saved', message: (t: TFunction) => t(messageKey, { file: value.file }) }
        : { kind: 'info', message: 'exchange.notSaved' },
    );
  };

  /** The texts of the preview and the refusals, loaded with the first file chosen (the Übersicht shows none of them). */
  const importTexts = () => loadPart(i18n, i18n.language as Language, 'exchangeImport');

  const onFile = async (file: File) => {
    showState({ kind: 'busy' });
    try {
      await importTexts();
    } catch {
      return report({ kind: 'error', message: 'errors.internal' });
    }
    if (file.size > MAX_RECORD_EXPORT_BYTES) return showState({ kind: 'refused', refused: { status: 'refused', refusal: 'too-large' } });
    let content: string;
    try {
      content = await file.text();
    } catch {
      return report({ kind: 'error', message: 'exchange.readFailed' });
    }
    const result = await getApi().previewImport({ content });
    if (!result.ok) return report({ kind: 'error', message: result.error.messageKey });
    setConfirmPractice(false);
    showState(
      result.value.status === 'ready' ? { kind: 'preview', preview: result.value.preview } : { kind: 'refused', refused: result.value },
    );
  };

  const apply = async (preview: Preview) => {
    const result = await getApi().applyImport({ previewId: preview.previewId, confirmOtherPractice: confirmPractice });
    report(result.ok ? { kind: 'saved', message: 'exchange.applied' } : { kind: 'error', message: result.error.messageKey });
    importInput.current?.focus();
  };

  const cancel = async (preview: Preview) => {
    await getApi().cancelImport({ previewId: preview.previewId });
    report({ kind: 'info', message: 'exchange.cancelled' });
    importInput.current?.focus();
  };

  const when = (iso: string | undefined) => (iso ? formatDateTime(iso, language) : '');
  const titleOf = (taskId: string) => {
    const task = snapshot.tasks.find((candidate) => candidate.id === taskId);
    return task ? taskTitle(t, task, snapshot) : taskId;
  };

  return (
    <section className="card exchange" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('exchange.title')}</h2>
      <p className="help">{t('exchange.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button-primary"
          disabled={state.kind === 'busy'}
          onClick={() => {
            showState({ kind: 'busy' });
            void getApi()
              .createReport({ kind: 'nachweis' })
              .then((result) => saved(result, 'exchange.saved'));
          }}
        >
          {t('exchange.createPdf')}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={state.kind === 'busy'}
          aria-describedby={`${id}-worksheet-help`}
          onClick={() => {
            showState({ kind: 'busy' });
            void getApi()
              .createReport({ kind: 'worksheet', ...(sheetFor === 'all' ? {} : { audience: sheetFor }) })
              .then((result) => saved(result, 'exchange.saved'));
          }}
        >
          {t('exchange.worksheet')}
        </button>
      </div>
      <p id={`${id}-worksheet-help`} className="help">
        {t('exchange.worksheetHelp')}
      </p>
      <Field id={`${id}-sheet-for`} className="inline-field" label={t('exchange.worksheetFor')}>
        {(control) => (
          <select {...control} value={sheetFor} onChange={(event) => setSheetFor(event.target.value as typeof sheetFor)}>
            <option value="all">{t('exchange.worksheetAll')}</option>
            <option value="praxis">{t('exchange.worksheetPraxis')}</option>
            <option value="it-partner">{t('exchange.worksheetIt')}</option>
          </select>
        )}
      </Field>
      <div className="button-row">
        <button
          type="button"
          className="button-secondary"
          disabled={state.kind === 'busy'}
          onClick={() => {
            showState({ kind: 'busy' });
            void getApi()
              .exportRecord()
              .then((result) => saved(result, 'exchange.exported'));
          }}
        >
          {t('exchange.export')}
        </button>
        <FilePicker
          label={t('exchange.import')}
          accept=".json,application/json"
          inputRef={importInput}
          onFile={(file) => void onFile(file)}
        />
      </div>

      {status.region}

      {state.kind === 'refused' && (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('exchange.refusedTitle')}</strong>
          </p>
          <p>
            {t(REFUSAL_KEYS[state.refused.refusal], {
              computer: state.refused.computer ?? '',
              line: state.refused.line ?? '',
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
                  onChange={(event) => setConfirmPractice(event.target.checked)}
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
              onClick={() => void apply(state.preview)}
            >
              {t('exchange.apply')}
            </button>
            <button type="button" className="button-secondary" onClick={() => void cancel(state.preview)}>
              {t('exchange.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
