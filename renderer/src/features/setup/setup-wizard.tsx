import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { looksLikeSecret } from '../../../../shared/domain/secret-check';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import type { Navigate } from '../../app/routes';
import { ComputersQuestion } from './questions/computers';
import { ConnectorQuestion } from './questions/connector';
import { FirewallQuestion } from './questions/firewall';
import { PortalsQuestion } from './questions/portals';
import { PracticeQuestion } from './questions/practice';
import { ProductsQuestion } from './questions/products';
import { answerId, draftOf, profileOf, type QuestionProps, type SetupDraft } from './questions/question';
import { RemoteQuestion } from './questions/remote';
import { SecurityQuestion } from './questions/security';
import { SummaryQuestion } from './questions/summary';
import { TerminalsQuestion } from './questions/terminals';
import { UserQuestion } from './questions/user';
import { WindowsAccountsQuestion } from './questions/windows-accounts';
import './setup.css';

const QUESTIONS = [
  'practice',
  'user',
  'products',
  'connector',
  'terminals',
  'computers',
  'remote',
  'firewall',
  'security',
  'portals',
  'summary',
] as const;
type Question = (typeof QUESTIONS)[number];

const QUESTION_KEYS = {
  practice: ['setup.practice.question', 'setup.practice.help'],
  user: ['setup.user.question', 'setup.user.help'],
  products: ['setup.products.question', 'setup.products.help'],
  connector: ['setup.connector.question', 'setup.connector.help'],
  terminals: ['setup.terminals.question', 'setup.terminals.help'],
  computers: ['setup.computers.question', 'setup.computers.help'],
  remote: ['setup.remote.question', 'setup.remote.help'],
  firewall: ['setup.firewall.question', 'setup.firewall.help'],
  security: ['setup.security.question', 'setup.security.help'],
  portals: ['setup.portals.question', 'setup.portals.help'],
  summary: ['setup.summary.question', 'setup.summary.help'],
} as const satisfies Record<Question, readonly [string, string]>;

/**
 * The Einrichtung: one question per screen (each in questions/); answers change tasks, never recorded statuses.
 * The wizard keeps the steps, checks an answer before going on, and saves: the names and role at their step,
 * the profile at the end.
 */
export function SetupWizard({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  useTexts('setup');
  const id = useId();
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<SetupDraft>(() => draftOf(snapshot.profile, snapshot.settings, snapshot.preset));
  const [error, setError] = useState<string | null>(null);
  /** Names the user was warned about once (they looked like a PIN or password); going on with them again is allowed. */
  const [warnedNames, setWarnedNames] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The Weiter/Zurück bar: the page keeps its height free at the bottom when scrolling to a control. */
  const stickyBar = useRef<HTMLDivElement>(null);
  useStickyBarRoom(stickyBar);
  const question = QUESTIONS[index] ?? 'summary';
  const [questionKey, helpKey] = QUESTION_KEYS[question];
  const firstRun = !snapshot.profile.completed;
  const errorId = `${id}-error`;

  const mounted = useRef(false);
  useEffect(() => {
    // Every step change (also back to the first question) puts focus on the new question.
    if (mounted.current) headingRef.current?.focus();
    mounted.current = true;
  }, [index]);

  const update = useCallback((patch: Partial<SetupDraft>) => setDraft((current) => ({ ...current, ...patch })), []);
  /** A name field that was warned about is marked invalid and tied to the message. */
  const flaggedBy = (name: string) => (warnedNames !== null && error && looksLikeSecret(name) ? errorId : undefined);

  const next = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { practiceName, userName, role } = draft;
    if (question === 'user' && userName.trim() === '') return setError(t('setup.user.required'));
    if (question === 'products' && draft.products.length === 0 && !draft.productsUnsure) return setError(t('setup.products.none'));
    if (question === 'terminals' || question === 'computers') {
      const names = question === 'terminals' ? draft.cardTerminals.map((c) => c.model) : draft.computers.map((c) => c.name);
      const suspicious = names.filter(looksLikeSecret).join('\n');
      if (suspicious && suspicious !== warnedNames) {
        setWarnedNames(suspicious);
        return setError(t('setup.looksSecret'));
      }
    }
    if (question === 'practice' && practiceName.trim() !== snapshot.settings.practiceName) {
      const result = await getApi().updateSettings({ practiceName });
      if (!result.ok) return setError(t(result.error.messageKey));
    }
    if (question === 'user' && (userName.trim() !== snapshot.settings.userName || role !== snapshot.settings.role)) {
      const result = await getApi().updateSettings({
        ...(userName.trim() !== snapshot.settings.userName ? { userName } : {}),
        ...(role !== snapshot.settings.role ? { role } : {}),
      });
      if (!result.ok) return setError(t(result.error.messageKey));
    }
    if (question === 'summary') {
      const result = await getApi().saveProfile({ ...profileOf(draft), computers: draft.computers.filter((c) => c.name.trim() !== '') });
      if (!result.ok) return setError(t(result.error.messageKey));
      return onNavigate({ screen: firstRun ? 'tasks' : 'overview' });
    }
    setIndex((i) => Math.min(i + 1, QUESTIONS.length - 1));
  };

  const answers: QuestionProps = { id, draft, update };
  const body = (): ReactNode => {
    switch (question) {
      case 'practice':
        return <PracticeQuestion {...answers} firstRun={firstRun} onNavigate={onNavigate} />;
      case 'user':
        return <UserQuestion {...answers} errorId={error ? errorId : undefined} />;
      case 'products':
        return <ProductsQuestion {...answers} />;
      case 'connector':
        return <ConnectorQuestion {...answers} />;
      case 'terminals':
        return <TerminalsQuestion {...answers} flaggedBy={flaggedBy} />;
      case 'computers':
        // The Windows accounts are asked on the same screen, under the computers.
        return (
          <>
            <ComputersQuestion {...answers} flaggedBy={flaggedBy} />
            <WindowsAccountsQuestion {...answers} />
          </>
        );
      case 'remote':
        return <RemoteQuestion {...answers} />;
      case 'firewall':
        return <FirewallQuestion {...answers} />;
      case 'security':
        return <SecurityQuestion {...answers} />;
      case 'portals':
        return <PortalsQuestion {...answers} />;
      case 'summary':
        return <SummaryQuestion draft={draft} guides={snapshot.guides} firstRun={firstRun} />;
    }
  };

  const labelled = question === 'practice' || question === 'user';
  return (
    <section aria-labelledby={`${id}-question`} className="screen setup">
      <p className="setup-progress">
        {t('setup.title')} · {t('setup.progress', { current: index + 1, total: QUESTIONS.length })}
      </p>
      {snapshot.preset && index === 0 && (
        <p className="setup-preset" role="note">
          {t('preset.banner', { file: snapshot.preset.file.split(/[\\/]/).pop() ?? snapshot.preset.file })}
        </p>
      )}
      <h1 id={`${id}-question`} ref={headingRef} tabIndex={-1}>
        {labelled ? <label htmlFor={answerId(id)}>{t(questionKey)}</label> : t(questionKey)}
      </h1>
      <p className="help" id={`${id}-help`}>
        {t(helpKey)}
      </p>
      <form className="form" onSubmit={(event) => void next(event)} noValidate aria-describedby={`${id}-help`}>
        {body()}
        {error && (
          <p className="status status-error" role="alert" id={errorId}>
            {error}
          </p>
        )}
        {/* Always in view, also at 200 % scaling with a long list above it. */}
        <div className="form-actions sticky-actions" ref={stickyBar}>
          {index > 0 && (
            <button type="button" className="button-secondary" onClick={() => setIndex((i) => Math.max(0, i - 1))}>
              {t('setup.back')}
            </button>
          )}
          <button type="submit" className="button-primary">
            {question === 'summary' ? (firstRun ? t('setup.finish') : t('setup.saveChanges')) : t('setup.next')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * While the bar is there, `--sticky-bar-height` on the root holds its height as laid out (one line, or two where
 * its buttons wrap at a narrow window or a large font), so scroll-padding keeps exactly that much room.
 */
function useStickyBarRoom(bar: { current: HTMLElement | null }): void {
  useEffect(() => {
    const element = bar.current;
    const root = document.documentElement;
    if (!element) return;
    const measure = () => root.style.setProperty('--sticky-bar-height', `${element.getBoundingClientRect().height}px`);
    measure();
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.removeProperty('--sticky-bar-height');
    };
  }, [bar]);
}
