import { useId, useState } from 'react';
import { useTranslation } from '../../i18n-react';
import { issueText, type PackIssue } from '../../../../shared/advisory/issue-text';
import { textIn } from '../../../../shared/advisory/local-text';
import { MAX_PACK_BYTES, type PackRefusal } from '../../../../shared/domain/constants';
import type { PreviewResult } from '../../../../shared/ipc/contract';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { FilePicker, readChosenFile } from '../../ui/file-picker';
import { useLiveStatus } from '../../ui/use-live-status';
import './advisory.css';

const REFUSAL_KEYS = {
  'too-large': 'advisory.errors.too-large',
  unreadable: 'advisory.errors.unreadable',
  unsigned: 'advisory.errors.unsigned',
  'foreign-key': 'advisory.errors.foreign-key',
  tampered: 'advisory.errors.tampered',
  invalid: 'advisory.errors.invalid',
  'other-advisory': 'advisory.errors.other-advisory',
  'not-newer': 'advisory.errors.not-newer',
  'unversioned-change': 'advisory.errors.unversioned-change',
  'version-lowered': 'advisory.errors.version-lowered',
  'rolled-back': 'advisory.errors.rolled-back',
} as const satisfies Record<PackRefusal, string>;

/** What the section shows besides its messages: a preview to decide on, or why a file was refused. */
type State =
  | { kind: 'idle' }
  | { kind: 'preview'; preview: Extract<PreviewResult, { status: 'ready' }> }
  | { kind: 'refused'; refusal: PackRefusal; issues: PackIssue[] };

const IDLE: State = { kind: 'idle' };

/** Einstellungen → Anleitungen aktualisieren: choose a signed file, see what changes, then apply. */
export function UpdateSection({ snapshot }: { snapshot: ViewState }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [state, setState] = useState<State>(IDLE);
  /** „Prüfe …“ and what became of a file; an outcome of „Aktualisierung übernehmen“ or „Abbrechen“ takes focus. */
  const status = useLiveStatus({ focusable: true });
  /** Show a preview or a refusal; what was said before goes. */
  const showState = (next: State) => {
    status.clear();
    setState(next);
  };

  const onFile = async (file: File) => {
    if (file.size > MAX_PACK_BYTES) return showState({ kind: 'refused', refusal: 'too-large', issues: [] });
    setState(IDLE);
    status.info('advisory.checking');
    const read = await readChosenFile(file);
    // Removed or locked since it was chosen: say so instead of checking for good.
    if (read === 'unreadable') return status.error('advisory.readFailed');
    // A signed pack is UTF-8 (its envelope even ASCII): other bytes are no pack.
    if (read === 'not-utf8') return showState({ kind: 'refused', refusal: 'unreadable', issues: [] });
    const result = await getApi().previewAdvisory({ content: read.text });
    if (!result.ok) return status.error(result.error.messageKey);
    const preview = result.value;
    showState(
      preview.status === 'ready' ? { kind: 'preview', preview } : { kind: 'refused', refusal: preview.refusal, issues: preview.issues },
    );
  };

  // „Aktualisierung übernehmen“ and „Abbrechen“ vanish with the preview, so focus moves to what happened.
  const apply = async (previewId: string) => {
    const result = await getApi().applyAdvisory({ previewId });
    setState(IDLE);
    if (result.ok) status.saved('advisory.applied', { focus: true });
    else status.error(result.error.messageKey, { focus: true });
  };

  const cancel = async (previewId: string) => {
    // The decision not to apply an update is recorded too; the preview is forgotten either way.
    const result = await getApi().cancelAdvisory({ previewId });
    setState(IDLE);
    if (result.ok || result.error.code === 'not-found') status.saved('advisory.cancelled', { focus: true });
    else status.error(result.error.messageKey, { focus: true });
  };

  return (
    <section className="update-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('advisory.title')}
      </h2>
      <p className="help">{t('advisory.intro')}</p>
      <p>
        {t('advisory.installed', {
          id: snapshot.pack.id,
          revision: snapshot.pack.revision,
          source: snapshot.pack.source === 'bundled' ? t('advisory.sourceBundled') : t('advisory.sourceImported'),
        })}
      </p>
      <FilePicker label={t('advisory.chooseFile')} accept=".json,application/json" onFile={(file) => void onFile(file)} />
      {status.region}
      {state.kind === 'refused' && (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('advisory.refusedTitle')}</strong>
          </p>
          <p>{t(REFUSAL_KEYS[state.refusal])}</p>
          {state.issues.length > 0 && (
            <ul className="issues">
              {state.issues.map((issue, index) => (
                // Each issue in German or English from its code and path; the message is never the checker's own words.
                <li key={`${index}-${issue.path}-${issue.code}`}>{issueText(issue, t, i18n.language)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.kind === 'preview' && (
        <div className="preview card" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('advisory.previewTitle', { from: state.preview.fromRevision, to: state.preview.toRevision })}</h3>
          <ul>
            {state.preview.diff.changedGuides.map((change) => (
              <li key={change.guideId}>
                {t('advisory.changedGuide', { title: textIn(change.title, i18n.language), old: change.oldVersion, new: change.newVersion })}
                {change.changedSteps.length > 0 && ` – ${t('advisory.changedSteps', { count: change.changedSteps.length })}`}
              </li>
            ))}
            {state.preview.diff.newGuides.map((guide) => (
              <li key={guide.guideId}>{t('advisory.newGuide', { title: textIn(guide.title, i18n.language), version: guide.version })}</li>
            ))}
            {state.preview.diff.removedGuides.map((guide) => (
              <li key={guide.guideId}>{t('advisory.removedGuide', { title: textIn(guide.title, i18n.language) })}</li>
            ))}
            {state.preview.diff.newProducts.length > 0 && (
              <li>{t('advisory.newProducts', { products: state.preview.diff.newProducts.join(', ') })}</li>
            )}
          </ul>
          {state.preview.diff.changedGuides.length + state.preview.diff.newGuides.length + state.preview.diff.removedGuides.length ===
            0 && <p>{t('advisory.nothingChanged')}</p>}
          <p className="help">{t('advisory.redoHint')}</p>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => void apply(state.preview.previewId)}>
              {t('advisory.apply')}
            </button>
            <button type="button" className="button-secondary" onClick={() => void cancel(state.preview.previewId)}>
              {t('advisory.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
