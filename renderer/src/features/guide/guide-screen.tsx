import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { USER_STATUSES, type Status } from '../../../../shared/domain/constants';
import { hasModelSteps, visibleSteps } from '../../../../shared/advisory/visible-steps';
import { looksLikeSecret } from '../../../../shared/domain/secret-check';
import { addWorkingDays, formatDateTime, formatDay, localDay } from '../../../../shared/format/date';
import { isOverdue } from '../../../../shared/domain/overview';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import type { Navigate } from '../../app/routes';
import { StatusBadge } from '../tasks/status-badge';
import { AUDIENCE_KEYS, STATUS_KEYS, taskTitle } from '../tasks/task-text';
import { StepText } from './step-text';
import { PackText } from './pack-text';
import { fallsBackToGerman, guideTexts } from '../../../../shared/advisory/local-text';
import { Field } from '../../ui/field';
import { RadioGroup } from '../../ui/radio-group';
import { pathMessage } from '../../ui/path-text';
import { useLiveStatus } from '../../ui/use-live-status';
import { helperTarget, NEW_SECRET_STEP_IDS, PassphraseHelper } from '../passphrase/passphrase-helper';
import './guide.css';

/** „Status gespeichert: …“ in the current language. */
const savedAs = (status: Status) => (t: TFunction) => t('guide.saved', { status: t(STATUS_KEYS[status]) });
/** „Gespeichert: <file>“ in the current language. */
const savedTo = (file: string) => pathMessage('exchange.saved', { file }, ['file']);

const MODEL_KEYS = {
  secunet: 'setup.connector.models.secunet',
  kocobox: 'setup.connector.models.kocobox',
  rise: 'setup.connector.models.rise',
  cloud: 'setup.connector.models.cloud',
} as const;

/** One task's guide: title, version and date as the issuer gave them, checkable steps with sources, status. */
/** A day as the date field gives it (YYYY-MM-DD); empty or partial while the person is typing. */
const VALID_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function GuideScreen({ snapshot, taskId, onNavigate }: { snapshot: ViewState; taskId: string; onNavigate: Navigate }) {
  const { t } = useTranslation();
  useTexts('guide', 'setup', 'settings');
  const id = useId();
  const task = snapshot.tasks.find((candidate) => candidate.id === taskId);
  const guide = snapshot.guides.find((candidate) => candidate.id === task?.guideId);
  const [selected, setSelected] = useState<Status | null>(null);
  const [reason, setReason] = useState('');
  const today = localDay(new Date());
  /** The Wiedervorlage a hand-over asks for; suggested: in 3 working days. */
  const [followUp, setFollowUp] = useState(() => addWorkingDays(today, 3));
  const [followUpInvalid, setFollowUpInvalid] = useState(false);
  /** Moving the Wiedervorlage of a task that is with the IT partner. */
  const [movedTo, setMovedTo] = useState<string | null>(null);
  /** What became of the last status change: saved, undone, or an error. */
  const feedback = useLiveStatus({ layout: 'line' });
  /** What became of "Anleitung drucken": the file it was saved to, nothing chosen, or an error. */
  const printed = useLiveStatus();
  /** The reason text the user was warned about once (it looked like a password); saving it again goes through. */
  const [warnedReason, setWarnedReason] = useState<string | null>(null);
  /** "Erledigt" was chosen with steps still open: asked once before saving. */
  const [confirmDone, setConfirmDone] = useState<'form' | 'reconfirm' | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const language = snapshot.settings.language;
  /** Another session holds the record: everything is shown, nothing can be recorded (main refuses it too). */
  const readOnly = snapshot.record.readOnly;
  useEffect(() => {
    if (confirmDone) confirmRef.current?.focus();
  }, [confirmDone]);

  if (!task || !guide) {
    return (
      <section className="screen">
        <h1 tabIndex={-1}>{t('errors.not-found')}</h1>
        <button type="button" className="button-secondary" onClick={() => onNavigate({ screen: 'tasks' })}>
          {t('guide.back')}
        </button>
      </section>
    );
  }

  const title = taskTitle(t, task, snapshot);
  // "Erneut prüfen" is no choice of its own: nothing is pre-selected then, so the user must decide.
  const choice = selected ?? (USER_STATUSES.includes(task.status as (typeof USER_STATUSES)[number]) ? task.status : null);

  const onStep = async (stepId: string, checked: boolean) => {
    const result = await getApi().checkStep({ taskId, stepId, checked });
    if (!result.ok) feedback.error(result.error.messageKey);
  };

  // A connector guide shows the steps for the practice's connector model; all of them while it is not known.
  const model = snapshot.profile.connectorModel;
  const steps = visibleSteps(guide.steps, model);
  const tailored = hasModelSteps(guide.steps);
  // Pack texts come in the UI language; where a pack has no English, German is shown, marked, with one notice.
  const germanFallback = fallsBackToGerman(guideTexts(guide), language);
  const openSteps = steps.filter((step) => !task.checkedSteps.includes(step.id)).length;
  const reasonLooksSecret = choice === 'not-applicable' && warnedReason !== null && warnedReason === reason;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return feedback.error('guide.chooseStatus');
    const status = choice as (typeof USER_STATUSES)[number];
    if (status === 'not-applicable' && looksLikeSecret(reason) && warnedReason !== reason) {
      setWarnedReason(reason);
      return document.getElementById(`${id}-reason`)?.focus();
    }
    if (status === 'handed-to-it' && !VALID_DAY.test(followUp)) {
      setFollowUpInvalid(true);
      return document.getElementById(`${id}-follow-up`)?.focus();
    }
    setFollowUpInvalid(false);
    if (status === 'done' && openSteps > 0 && confirmDone === null) return setConfirmDone('form');
    await save(status);
  };

  const save = async (status: (typeof USER_STATUSES)[number]) => {
    setConfirmDone(null);
    const result = await getApi().setTaskStatus({
      taskId,
      status,
      ...(status === 'not-applicable' ? { reason } : {}),
      ...(status === 'handed-to-it' ? { followUp } : {}),
    });
    if (result.ok) {
      feedback.saved(savedAs(status));
      setSelected(null);
      setReason('');
    } else feedback.error(result.error.messageKey);
  };

  const reconfirm = async () => {
    if (openSteps > 0 && confirmDone === null) return setConfirmDone('reconfirm');
    setConfirmDone(null);
    const result = await getApi().setTaskStatus({ taskId, status: 'done' });
    if (result.ok) feedback.saved(savedAs('done'));
    else feedback.error(result.error.messageKey);
  };

  const onMoveFollowUp = async (event: FormEvent) => {
    event.preventDefault();
    const day = movedTo ?? task.record?.followUp ?? '';
    if (!VALID_DAY.test(day)) {
      setFollowUpInvalid(true);
      return document.getElementById(`${id}-move-follow-up`)?.focus();
    }
    setFollowUpInvalid(false);
    const result = await getApi().setFollowUp({ taskId, followUp: day });
    if (result.ok) {
      feedback.saved((tr) => tr('guide.followUpMoved', { day: formatDay(day, language) }));
      setMovedTo(null);
    } else feedback.error(result.error.messageKey);
  };

  const onUndo = async () => {
    const result = await getApi().undoTaskStatus({ taskId });
    if (result.ok) feedback.saved('guide.undone');
    else feedback.error(result.error.messageKey);
    setSelected(null);
  };

  return (
    <article aria-labelledby={`${id}-title`} className="screen guide">
      <button type="button" className="link-button back" onClick={() => onNavigate({ screen: 'tasks' })}>
        <span aria-hidden="true">← </span>
        {t('guide.back')}
      </button>
      <h1 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h1>
      {/* The status comes first, so it is in reach without scrolling through every step (also at 200 %). */}
      <section aria-labelledby={`${id}-status`} className="status-panel">
        <div className="status-head">
          <h2 id={`${id}-status`}>{t('guide.statusTitle')}</h2>
          <p>
            {t('guide.currentStatus')} <StatusBadge status={task.status} />
          </p>
        </div>
        {task.record && (
          <p className="record">
            {t('guide.recordedBy', {
              status: t(STATUS_KEYS[task.record.status]),
              by: task.record.by,
              at: formatDateTime(task.record.at, language),
              version: task.record.guideVersion,
            })}
            {task.record.reason && (
              <>
                <br />
                <span>{t('guide.reasonRecorded', { reason: task.record.reason })}</span>
              </>
            )}
            {task.status === 'handed-to-it' && task.record.followUp && (
              <>
                <br />
                <span>{t('guide.followUpRecorded', { day: formatDay(task.record.followUp, language) })}</span>
                {isOverdue(task, today) && <strong className="overdue"> {t('guide.followUpOverdue')}</strong>}
              </>
            )}
          </p>
        )}
        {readOnly ? (
          <p id={`${id}-read-only`} className="notice read-only-note">
            {t('guide.readOnly')}
          </p>
        ) : (
          <>
            {task.status === 'handed-to-it' && (
              <form className="form follow-up-move" onSubmit={(event) => void onMoveFollowUp(event)} noValidate>
                <Field
                  id={`${id}-move-follow-up`}
                  label={t('guide.moveFollowUp')}
                  error={followUpInvalid ? t('guide.followUpInvalid') : undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      value={movedTo ?? task.record?.followUp ?? ''}
                      onChange={(event) => setMovedTo(event.target.value)}
                    />
                  )}
                </Field>
                <button type="submit" className="button-secondary">
                  {t('guide.moveFollowUp')}
                </button>
              </form>
            )}
            <form onSubmit={(event) => void onSubmit(event)} className="form" noValidate>
              <RadioGroup
                name={`${id}-status-choice`}
                legend={t('guide.changeStatus')}
                horizontal
                options={USER_STATUSES.map((status) => ({ value: status, label: t(STATUS_KEYS[status]) }))}
                value={choice}
                onChange={setSelected}
              />
              {choice === 'not-applicable' && (
                <Field
                  id={`${id}-reason`}
                  label={t('guide.reasonLabel')}
                  help={t('guide.reasonHelp')}
                  error={reasonLooksSecret ? t('guide.reasonLooksSecret') : undefined}
                >
                  {(control) => (
                    <textarea {...control} rows={2} maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
                  )}
                </Field>
              )}
              {choice === 'handed-to-it' && task.status !== 'handed-to-it' && (
                <Field
                  id={`${id}-follow-up`}
                  label={t('guide.followUpLabel')}
                  help={t('guide.followUpHelp')}
                  error={followUpInvalid ? t('guide.followUpInvalid') : undefined}
                >
                  {(control) => <input {...control} type="date" value={followUp} onChange={(event) => setFollowUp(event.target.value)} />}
                </Field>
              )}
              <div className="form-actions">
                <button type="submit" className="button-primary">
                  {t('guide.setStatus')}
                </button>
                <button type="button" className="button-secondary" disabled={!task.canUndo} onClick={() => void onUndo()}>
                  {t('guide.undo')}
                </button>
              </div>
              {confirmDone && (
                <div className="notice notice-warning" role="alert">
                  <p>{t('guide.confirmDone', { count: openSteps })}</p>
                  <div className="form-actions">
                    <button
                      ref={confirmRef}
                      type="button"
                      className="button-primary"
                      onClick={() => void (confirmDone === 'form' ? save('done') : reconfirm())}
                    >
                      {t('guide.confirmDoneYes')}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => setConfirmDone(null)}>
                      {t('guide.confirmDoneNo')}
                    </button>
                  </div>
                </div>
              )}
              {feedback.region}
            </form>
          </>
        )}
      </section>
      <div className="guide-meta">
        <PackText as="p" className="guide-title" value={guide.title} language={language} />
        {germanFallback && <p className="help">{t('guide.germanOnly')}</p>}
        {/* Our wording with our name; a vendor appears only as the document it refers to (name, version, date). */}
        {guide.vendorDocument ? (
          <p>
            {t('guide.followsVendor', { author: guide.issuer, vendor: snapshot.advisory.issuer })}{' '}
            <PackText value={guide.vendorDocument} language={language} />
          </p>
        ) : (
          <p>{t('guide.meta', { issuer: guide.issuer, version: guide.version, date: formatDay(guide.date, language) })}</p>
        )}
        <p>
          {t('guide.who', { audience: t(AUDIENCE_KEYS[guide.audience]) })} · {t('guide.minutes', { minutes: guide.minutes })}
        </p>
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              void getApi()
                .createReport({ kind: 'worksheet', taskIds: [taskId] })
                .then((result) => {
                  if (!result.ok) printed.error(result.error.messageKey);
                  else if (result.value.status === 'saved') printed.info(savedTo(result.value.file));
                  else printed.info('exchange.notSaved');
                })
            }
          >
            {t('exchange.printGuide')}
          </button>
        </p>
        {printed.region}
      </div>
      {task.outdated && task.record && (
        <div className="notice notice-warning">
          <p>{t('guide.outdated', { old: task.record.guideVersion, current: task.guideVersion })}</p>
          <button type="button" className="button-secondary" onClick={() => void reconfirm()}>
            {t('guide.reconfirm')}
          </button>
        </div>
      )}

      <h2>{t('guide.stepsTitle')}</h2>
      {tailored && (
        <p className="help">{model === 'unknown' ? t('guide.modelUnknown') : t('guide.modelShown', { model: t(MODEL_KEYS[model]) })}</p>
      )}
      <ol className="steps">
        {steps.map((step) => {
          const checkboxId = `${id}-step-${step.id}`;
          return (
            <li key={step.id} className="step">
              {step.warning && (
                <div className="step-warning" role="note">
                  <strong>{t('guide.warning')}: </strong>
                  <PackText value={step.warning} language={language} />
                </div>
              )}
              <div className="checkbox">
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={task.checkedSteps.includes(step.id)}
                  disabled={readOnly}
                  {...(readOnly ? { 'aria-describedby': `${id}-read-only` } : {})}
                  onChange={(event) => void onStep(step.id, event.target.checked)}
                />
                <PackText
                  as="label"
                  value={step.text}
                  language={language}
                  render={(text) => <StepText text={text} />}
                  htmlFor={checkboxId}
                />
              </div>
              <p className="source">
                {t('guide.sourceLabel')} <PackText value={step.source} language={language} />
              </p>
              {/* The steps where a guide asks for a new password or PIN (ids in the pack, see NEW_SECRET_STEP_IDS). */}
              {NEW_SECRET_STEP_IDS.has(step.id) && (
                <div className="step-helper">
                  <PassphraseHelper target={helperTarget(guide.target)} />
                </div>
              )}
            </li>
          );
        })}
      </ol>

      {guide.changelog.length > 0 && (
        <section aria-labelledby={`${id}-changelog`}>
          <h2 id={`${id}-changelog`}>{t('guide.changelogTitle')}</h2>
          <ul>
            {guide.changelog.map((entry) => (
              <li key={entry.version}>
                {t('guide.changelogVersion', { version: entry.version, date: formatDay(entry.date, language) })}{' '}
                <PackText value={entry.note} language={language} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
