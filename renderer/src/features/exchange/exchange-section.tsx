import { lazy, Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n-react';
import { loadPart } from '../../i18n';
import { MAX_RECORD_EXPORT_BYTES } from '../../../../shared/domain/constants';
import type { Saved } from '../../../../shared/ipc/contract';
import type { IpcResult } from '../../../../shared/ipc/result';
import type { Snapshot } from '../../../../shared/state/snapshot';
import type { Language } from '../../../../shared/state/settings';
import { getApi } from '../../api';
import { Field } from '../../ui/field';
import { FilePicker, readChosenFile } from '../../ui/file-picker';
import { pathMessage } from '../../ui/path-text';
import { useLiveStatus, type LiveFeedback } from '../../ui/use-live-status';
import type { Preview, Refused } from './import-result';
import './exchange.css';

/** What the section is doing besides its messages: working (buttons off), a preview to decide on, or a refusal. */
type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'preview'; preview: Preview } | { kind: 'refused'; refused: Refused };

const IDLE: State = { kind: 'idle' };

/** The refusal or preview view, loaded with the first file chosen. */
const loadImportResult = () => import('./import-result');
const ImportResult = lazy(loadImportResult);

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
  const importInput = useRef<HTMLInputElement>(null);

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
        ? { kind: 'saved', message: pathMessage(messageKey, { file: value.file }, ['file']) }
        : { kind: 'info', message: 'exchange.notSaved' },
    );
  };

  /** The texts of the preview and the refusals, loaded with the first file chosen (the Übersicht shows none of them). */
  const importTexts = () => Promise.all([loadPart(i18n, i18n.language as Language, 'exchangeImport'), loadImportResult()]);

  const onFile = async (file: File) => {
    showState({ kind: 'busy' });
    try {
      await importTexts();
    } catch {
      return report({ kind: 'error', message: 'errors.internal' });
    }
    if (file.size > MAX_RECORD_EXPORT_BYTES) return showState({ kind: 'refused', refused: { status: 'refused', refusal: 'too-large' } });
    const read = await readChosenFile(file);
    if (read === 'unreadable') return report({ kind: 'error', message: 'exchange.readFailed' });
    // An export file is UTF-8: other bytes are a damaged or a wrong file.
    if (read === 'not-utf8') return showState({ kind: 'refused', refused: { status: 'refused', refusal: 'not-json' } });
    const result = await getApi().previewImport({ content: read.text });
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
      </div>
      {/* The work sheet: what it is, whose tasks go on it, then its button. */}
      <div className="worksheet">
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
      </div>
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

      {(state.kind === 'refused' || state.kind === 'preview') && (
        <Suspense fallback={null}>
          <ImportResult
            state={state}
            snapshot={snapshot}
            confirmPractice={confirmPractice}
            onConfirmPractice={setConfirmPractice}
            onApply={(preview) => void apply(preview)}
            onCancel={(preview) => void cancel(preview)}
          />
        </Suspense>
      )}
    </section>
  );
}
