import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONNECTOR_MODELS, PORTALS, PRODUCTS, REMOTE_TOOLS } from '../../../../shared/domain/constants';
import type { Profile, TriState } from '../../../../shared/domain/profile';
import type { Role } from '../../../../shared/state/settings';
import { looksLikeSecret } from '../../../../shared/domain/secret-check';
import { deriveTasks } from '../../../../shared/domain/tasks';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import type { Navigate } from '../../app/routes';
import { PORTAL_KEYS, REMOTE_KEYS } from '../tasks/task-text';

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

const MODEL_KEYS = {
  secunet: 'setup.connector.models.secunet',
  kocobox: 'setup.connector.models.kocobox',
  rise: 'setup.connector.models.rise',
  cloud: 'setup.connector.models.cloud',
  unknown: 'setup.connector.models.unknown',
} as const;
const ACCOUNT_KEYS = {
  personal: 'setup.computers.accounts.personal',
  shared: 'setup.computers.accounts.shared',
  unsure: 'setup.computers.accounts.unsure',
} as const;
const TRI_KEYS = { yes: 'setup.yes', no: 'setup.no', unsure: 'setup.unsure' } as const;

const newId = () => crypto.randomUUID();
const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

/** The Einrichtung: one question per screen; answers change tasks, never recorded statuses. */
export function SetupWizard({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  const id = useId();
  const [index, setIndex] = useState(0);
  const [practiceName, setPracticeName] = useState(snapshot.settings.practiceName);
  const [userName, setUserName] = useState(snapshot.settings.userName);
  const [role, setRole] = useState<Role>(snapshot.settings.role ?? 'praxis');
  const [draft, setDraft] = useState<Profile>(snapshot.profile);
  const [error, setError] = useState<string | null>(null);
  /** Names the user was warned about once (they looked like a PIN or password); going on with them again is allowed. */
  const [warnedNames, setWarnedNames] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addComputerRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the computer list has changed: a name field's id, or „Computer hinzufügen“. */
  const focusAfterChange = useRef<string | null>(null);
  const question = QUESTIONS[index] ?? 'summary';
  const [questionKey, helpKey] = QUESTION_KEYS[question];
  const firstRun = !snapshot.profile.completed;

  const mounted = useRef(false);
  useEffect(() => {
    // Every step change (also back to the first question) puts focus on the new question.
    if (mounted.current) headingRef.current?.focus();
    mounted.current = true;
  }, [index]);

  const computerField = (computerId: string) => `${id}-computer-${computerId}`;
  useEffect(() => {
    const target = focusAfterChange.current;
    if (target === null) return;
    focusAfterChange.current = null;
    (target === 'add' ? addComputerRef.current : document.getElementById(target))?.focus();
  }, [draft.computers]);

  const update = (patch: Partial<Profile>) => setDraft((current) => ({ ...current, ...patch }));
  const addComputer = () => {
    const computer = { id: newId(), name: '', server: false };
    focusAfterChange.current = computerField(computer.id);
    update({ computers: [...draft.computers, computer] });
  };
  /** Focus goes on to the next computer's name, else the previous one's, else „Computer hinzufügen“. */
  const removeComputer = (computerId: string) => {
    const at = draft.computers.findIndex((c) => c.id === computerId);
    const neighbour = draft.computers[at + 1] ?? draft.computers[at - 1];
    focusAfterChange.current = neighbour ? computerField(neighbour.id) : 'add';
    update({ computers: draft.computers.filter((c) => c.id !== computerId) });
  };
  /** A name field that was warned about is marked invalid and tied to the message. */
  const secretFlag = (value: string) =>
    warnedNames !== null && error && looksLikeSecret(value) ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};

  const next = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
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
      const result = await getApi().saveProfile({ ...draft, computers: draft.computers.filter((c) => c.name.trim() !== '') });
      if (!result.ok) return setError(t(result.error.messageKey));
      return onNavigate({ screen: firstRun ? 'tasks' : 'overview' });
    }
    setIndex((i) => Math.min(i + 1, QUESTIONS.length - 1));
  };

  const tri = (name: 'connector' | 'firewall' | 'securitySystem') => (
    <fieldset className="radio-group">
      <legend className="visually-hidden">{t(questionKey)}</legend>
      {(['yes', 'no', 'unsure'] as const).map((value: TriState) => (
        <label key={value} className="radio">
          <input type="radio" name={`${id}-${name}`} checked={draft[name] === value} onChange={() => update({ [name]: value })} />
          <span>{t(TRI_KEYS[value])}</span>
        </label>
      ))}
    </fieldset>
  );

  const checkboxes = <T extends string>(
    values: readonly T[],
    selected: readonly T[],
    label: (v: T) => string,
    onChange: (v: T, on: boolean) => void,
  ): ReactNode => (
    <fieldset className="checkbox-group">
      <legend className="visually-hidden">{t(questionKey)}</legend>
      {values.map((value) => (
        <label key={value} className="checkbox">
          <input type="checkbox" checked={selected.includes(value)} onChange={(event) => onChange(value, event.target.checked)} />
          <span>{label(value)}</span>
        </label>
      ))}
    </fieldset>
  );

  const body = (): ReactNode => {
    switch (question) {
      case 'practice':
        return (
          <>
            <input
              id={`${id}-answer`}
              type="text"
              autoComplete="organization"
              maxLength={120}
              value={practiceName}
              onChange={(e) => setPracticeName(e.target.value)}
            />
            {firstRun && (
              // A PC of a practice already set up elsewhere takes over that PC's record instead of answering again.
              <p className="help">
                {t('setup.practice.fromOtherPc')}{' '}
                <button type="button" className="link-button" onClick={() => onNavigate({ screen: 'overview' })}>
                  {t('setup.practice.toImport')}
                </button>
              </p>
            )}
          </>
        );
      case 'user':
        return (
          <>
            <input
              id={`${id}-answer`}
              type="text"
              autoComplete="name"
              maxLength={60}
              value={userName}
              onChange={(e) => setUserName(e.target.value)}
              {...(error && question === 'user' ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
            />
            <fieldset className="radio-group role-choice">
              <legend>{t('roles.question')}</legend>
              <p className="help">{t('roles.help')}</p>
              {(['praxis', 'it-partner'] as const).map((value) => (
                <label key={value} className="radio">
                  <input type="radio" name={`${id}-role`} checked={role === value} onChange={() => setRole(value)} />
                  <span>{t(value === 'praxis' ? 'roles.optionPraxis' : 'roles.optionIt')}</span>
                </label>
              ))}
            </fieldset>
          </>
        );
      case 'products':
        // The six products, then „Weiß nicht“: the software is found out first (a task of its own).
        return checkboxes(
          [...PRODUCTS, 'unsure' as const],
          [...draft.products, ...(draft.productsUnsure ? (['unsure'] as const) : [])],
          (p) => (p === 'unsure' ? t('setup.unsure') : p),
          (p, on) =>
            p === 'unsure'
              ? update({ productsUnsure: on })
              : update({ products: PRODUCTS.filter((x) => (x === p ? on : draft.products.includes(x))) }),
        );
      case 'connector':
        return (
          <>
            {tri('connector')}
            {draft.connector !== 'no' && (
              <fieldset className="radio-group">
                <legend>{t('setup.connector.modelQuestion')}</legend>
                {CONNECTOR_MODELS.map((model) => (
                  <label key={model} className="radio">
                    <input
                      type="radio"
                      name={`${id}-model`}
                      checked={draft.connectorModel === model}
                      onChange={() => update({ connectorModel: model })}
                    />
                    <span>{t(MODEL_KEYS[model])}</span>
                  </label>
                ))}
              </fieldset>
            )}
          </>
        );
      case 'terminals':
        return (
          <>
            <div className="field">
              <label htmlFor={`${id}-count`}>{t('setup.terminals.count')}</label>
              <input
                id={`${id}-count`}
                type="number"
                min={0}
                max={20}
                value={draft.cardTerminals.length}
                onChange={(e) => {
                  const count = Math.max(0, Math.min(20, Number.parseInt(e.target.value, 10) || 0));
                  const list = draft.cardTerminals.slice(0, count);
                  while (list.length < count) list.push({ id: newId(), model: '' });
                  update({ cardTerminals: list });
                }}
              />
            </div>
            {draft.cardTerminals.length > 0 && (
              <ul className="device-list">
                {draft.cardTerminals.map((terminal, i) => (
                  <li key={terminal.id} className="device-row">
                    <div className="field">
                      <label htmlFor={`${id}-terminal-${terminal.id}`}>{t('setup.terminals.model', { number: i + 1 })}</label>
                      <input
                        id={`${id}-terminal-${terminal.id}`}
                        type="text"
                        maxLength={60}
                        value={terminal.model}
                        {...secretFlag(terminal.model)}
                        onChange={(e) =>
                          update({
                            cardTerminals: draft.cardTerminals.map((c) => (c.id === terminal.id ? { ...c, model: e.target.value } : c)),
                          })
                        }
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      case 'computers':
        return (
          <>
            {/* Every row alike: name, „Ist ein Server“ and „Entfernen“ in fixed columns; the full words are the controls' names. */}
            <ul className="device-list">
              {draft.computers.map((computer, i) => (
                <li key={computer.id} className="device-row">
                  <div className="field">
                    <label htmlFor={computerField(computer.id)}>{t('setup.computers.name', { number: i + 1 })}</label>
                    <input
                      id={computerField(computer.id)}
                      type="text"
                      maxLength={60}
                      value={computer.name}
                      {...secretFlag(computer.name)}
                      onChange={(e) =>
                        update({ computers: draft.computers.map((c) => (c.id === computer.id ? { ...c, name: e.target.value } : c)) })
                      }
                    />
                  </div>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      aria-label={t('setup.computers.server', { number: i + 1 })}
                      checked={computer.server}
                      onChange={(e) =>
                        update({ computers: draft.computers.map((c) => (c.id === computer.id ? { ...c, server: e.target.checked } : c)) })
                      }
                    />
                    <span>{t('setup.computers.serverShort')}</span>
                  </label>
                  <button
                    type="button"
                    className="button-secondary"
                    aria-label={
                      computer.name
                        ? t('setup.computers.remove', { name: computer.name })
                        : t('setup.computers.removeUnnamed', { number: i + 1 })
                    }
                    onClick={() => removeComputer(computer.id)}
                  >
                    {t('setup.computers.removeShort')}
                  </button>
                </li>
              ))}
            </ul>
            <button type="button" className="button-secondary" ref={addComputerRef} onClick={addComputer}>
              {t('setup.computers.add')}
            </button>
            <fieldset className="radio-group">
              <legend>{t('setup.computers.accountsQuestion')}</legend>
              {(['personal', 'shared', 'unsure'] as const).map((value) => (
                <label key={value} className="radio">
                  <input
                    type="radio"
                    name={`${id}-accounts`}
                    checked={draft.windowsAccounts === value}
                    onChange={() => update({ windowsAccounts: value })}
                  />
                  <span>{t(ACCOUNT_KEYS[value])}</span>
                </label>
              ))}
            </fieldset>
          </>
        );
      case 'remote':
        return checkboxes(
          REMOTE_TOOLS,
          draft.remoteTools,
          (v) => t(REMOTE_KEYS[v]),
          (v, on) => update({ remoteTools: toggle(draft.remoteTools, v, on) }),
        );
      case 'firewall':
        return tri('firewall');
      case 'security':
        return tri('securitySystem');
      case 'portals':
        return checkboxes(
          PORTALS,
          draft.portals,
          (v) => t(PORTAL_KEYS[v]),
          (v, on) => update({ portals: toggle(draft.portals, v, on) }),
        );
      case 'summary': {
        const count = deriveTasks(
          { ...draft, computers: draft.computers.filter((c) => c.name.trim() !== '') },
          { guides: snapshot.guides },
        ).length;
        const none = t('setup.summary.none');
        const list = (values: string[]) => (values.length ? values.join(', ') : none);
        // Which computer is the server matters (it gets a task of its own), so workstations and servers are named apart.
        const computersSummary = () => {
          const named = draft.computers.filter((c) => c.name.trim());
          if (named.length === 0) return none;
          const workstations = named.filter((c) => !c.server).map((c) => c.name);
          const servers = named.filter((c) => c.server).map((c) => c.name);
          return (
            <>
              <span className="summary-line">
                {t('setup.summary.workstations', {
                  count: workstations.length,
                  names: workstations.length ? workstations.join(', ') : t('setup.summary.noWorkstation'),
                })}
              </span>
              <span className="summary-line">
                {t('setup.summary.servers', {
                  count: servers.length,
                  names: servers.length ? servers.join(', ') : t('setup.summary.noServer'),
                })}
              </span>
            </>
          );
        };
        return (
          <>
            <dl className="summary">
              <dt>{t('setup.practice.question')}</dt>
              <dd>{practiceName || none}</dd>
              <dt>{t('setup.user.question')}</dt>
              <dd>{userName}</dd>
              <dt>{t('setup.products.question')}</dt>
              <dd>{list([...draft.products, ...(draft.productsUnsure ? [t('setup.unsure')] : [])])}</dd>
              <dt>{t('setup.connector.question')}</dt>
              <dd>
                {t(TRI_KEYS[draft.connector])}
                {draft.connector !== 'no' && ` – ${t(MODEL_KEYS[draft.connectorModel])}`}
              </dd>
              <dt>{t('setup.terminals.question')}</dt>
              <dd>{draft.cardTerminals.length}</dd>
              <dt>{t('setup.computers.question')}</dt>
              <dd>{computersSummary()}</dd>
              <dt>{t('setup.remote.question')}</dt>
              <dd>{list(draft.remoteTools.map((v) => t(REMOTE_KEYS[v])))}</dd>
              <dt>{t('setup.firewall.question')}</dt>
              <dd>{t(TRI_KEYS[draft.firewall])}</dd>
              <dt>{t('setup.security.question')}</dt>
              <dd>{t(TRI_KEYS[draft.securitySystem])}</dd>
              <dt>{t('setup.portals.question')}</dt>
              <dd>{list(draft.portals.map((v) => t(PORTAL_KEYS[v])))}</dd>
            </dl>
            <p className="lead">{t('setup.summary.tasks', { count })}</p>
            {!firstRun && <p className="help">{t('setup.keepsStatus')}</p>}
          </>
        );
      }
    }
  };

  const labelled = question === 'practice' || question === 'user';
  return (
    <section aria-labelledby={`${id}-question`} className="screen setup">
      <p className="setup-progress">
        {t('setup.title')} · {t('setup.progress', { current: index + 1, total: QUESTIONS.length })}
      </p>
      <h1 id={`${id}-question`} ref={headingRef} tabIndex={-1}>
        {labelled ? <label htmlFor={`${id}-answer`}>{t(questionKey)}</label> : t(questionKey)}
      </h1>
      <p className="help" id={`${id}-help`}>
        {t(helpKey)}
      </p>
      <form className="form" onSubmit={(event) => void next(event)} noValidate aria-describedby={`${id}-help`}>
        {body()}
        {error && (
          <p className="status status-error" role="alert" id={`${id}-error`}>
            {error}
          </p>
        )}
        {/* Always in view, also at 200 % scaling with a long list above it. */}
        <div className="form-actions sticky-actions">
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
