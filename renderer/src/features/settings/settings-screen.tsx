import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, SettingsPatch } from '../../../../shared/state/settings';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { UpdateSection } from '../advisory/update-section';
import type { Navigate } from '../../app/routes';

const PRACTICE_NAME_MAX = 120;
const USER_NAME_MAX = 60;

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'unchanged' } | { kind: 'error'; messageKey: string };

/** Practice name, current user and language; plus where data and logs live, for the IT partner. */
export function SettingsScreen({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  const id = useId();
  const [practiceName, setPracticeName] = useState(snapshot.settings.practiceName);
  const [userName, setUserName] = useState(snapshot.settings.userName);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const save = async (patch: SettingsPatch) => {
    const result = await getApi().updateSettings(patch);
    setStatus(result.ok ? { kind: 'saved' } : { kind: 'error', messageKey: result.error.messageKey });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: SettingsPatch = {};
    if (practiceName.trim() !== snapshot.settings.practiceName) patch.practiceName = practiceName;
    if (userName.trim() !== snapshot.settings.userName) patch.userName = userName;
    if (Object.keys(patch).length === 0) {
      setStatus({ kind: 'unchanged' });
      return;
    }
    void save(patch);
  };

  const onLanguage = (language: Language) => {
    if (language !== snapshot.settings.language) void save({ language });
  };

  return (
    <section aria-labelledby="settings-title" className="screen">
      <h1 id="settings-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-practice`}>{t('settings.practiceName.label')}</label>
          <p className="help" id={`${id}-practice-help`}>
            {t('settings.practiceName.help')}
          </p>
          <input
            id={`${id}-practice`}
            type="text"
            autoComplete="organization"
            maxLength={PRACTICE_NAME_MAX}
            value={practiceName}
            aria-describedby={`${id}-practice-help`}
            onChange={(event) => setPracticeName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('settings.userName.label')}</label>
          <p className="help" id={`${id}-user-help`}>
            {t('settings.userName.help')}
          </p>
          <input
            id={`${id}-user`}
            type="text"
            autoComplete="name"
            maxLength={USER_NAME_MAX}
            value={userName}
            aria-describedby={`${id}-user-help`}
            onChange={(event) => setUserName(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t('settings.save')}
          </button>
          <p className="status" role="status" aria-live="polite">
            {status.kind === 'saved' && t('settings.saved')}
            {status.kind === 'unchanged' && t('settings.unchanged')}
            {status.kind === 'error' && t(status.messageKey)}
          </p>
        </div>
      </form>

      <fieldset className="field radio-group">
        <legend>{t('settings.language.label')}</legend>
        {(['de', 'en'] as const).map((language) => (
          <label key={language} className="radio">
            <input
              type="radio"
              name={`${id}-language`}
              value={language}
              checked={snapshot.settings.language === language}
              onChange={() => onLanguage(language)}
            />
            <span lang={language}>{language === 'de' ? t('settings.language.de') : t('settings.language.en')}</span>
          </label>
        ))}
      </fieldset>

      <section className="practice-details" aria-labelledby={`${id}-practice-details`}>
        <h2 id={`${id}-practice-details`}>{t('setup.title')}</h2>
        <p className="help">{t('setup.keepsStatus')}</p>
        <button type="button" className="button-secondary" onClick={() => onNavigate({ screen: 'setup' })}>
          {t('setup.edit')}
        </button>
      </section>

      <UpdateSection snapshot={snapshot} />

      <section className="about" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('settings.about.title')}</h2>
        <dl>
          <dt>{t('settings.about.version')}</dt>
          <dd>{snapshot.app.version}</dd>
          <dt>{t('settings.about.dataDir')}</dt>
          <dd className="path">{snapshot.app.dataDir}</dd>
          <dt>{t('settings.about.logFile')}</dt>
          <dd className="path">{snapshot.app.logFile}</dd>
          <dt>{t('settings.about.journal')}</dt>
          <dd className="path">{snapshot.record.file}</dd>
          <dt>{t('settings.about.chainHead')}</dt>
          <dd className="path">
            {t('settings.about.chainHeadValue', { count: snapshot.record.count, head: snapshot.record.head || '–' })}
          </dd>
        </dl>
      </section>
    </section>
  );
}
