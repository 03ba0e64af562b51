import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import type { Language, SettingsPatch } from '../../../../shared/state/settings';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { UpdateSection } from '../advisory/update-section';
import { PresetSection } from './preset-section';
import type { Navigate } from '../../app/routes';
import { Field } from '../../ui/field';
import { PathText } from '../../ui/path-text';
import { RadioGroup } from '../../ui/radio-group';
import { useLiveStatus } from '../../ui/use-live-status';
import './settings.css';

const PRACTICE_NAME_MAX = 120;
const USER_NAME_MAX = 60;

/** Practice name, current user and language; plus where data and logs live, for the IT partner. */
export function SettingsScreen({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  useTexts('settings', 'setup');
  const id = useId();
  const [practiceName, setPracticeName] = useState(snapshot.settings.practiceName);
  const [userName, setUserName] = useState(snapshot.settings.userName);
  // The screen's one line of feedback; its errors were never shown in red (kept as it was).
  const status = useLiveStatus({ layout: 'line', plainErrors: true });

  const save = async (patch: SettingsPatch) => {
    const result = await getApi().updateSettings(patch);
    if (result.ok) status.saved('settings.saved');
    else status.error(result.error.messageKey);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const patch: SettingsPatch = {};
    if (practiceName.trim() !== snapshot.settings.practiceName) patch.practiceName = practiceName;
    if (userName.trim() !== snapshot.settings.userName) patch.userName = userName;
    if (Object.keys(patch).length === 0) {
      status.info('settings.unchanged');
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
        <Field id={`${id}-practice`} label={t('settings.practiceName.label')} help={t('settings.practiceName.help')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="organization"
              maxLength={PRACTICE_NAME_MAX}
              value={practiceName}
              onChange={(event) => setPracticeName(event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-user`} label={t('settings.userName.label')} help={t('settings.userName.help')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="name"
              maxLength={USER_NAME_MAX}
              value={userName}
              onChange={(event) => setUserName(event.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t('settings.save')}
          </button>
          {status.region}
        </div>
      </form>

      <RadioGroup
        name={`${id}-language`}
        className="field"
        legend={t('settings.language.label')}
        options={[
          { value: 'de', label: t('settings.language.de'), lang: 'de' },
          { value: 'en', label: t('settings.language.en'), lang: 'en' },
        ]}
        value={snapshot.settings.language}
        onChange={onLanguage}
      />

      <fieldset className="checkbox-group field reminders-setting">
        <legend>{t('reminders.setting')}</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={snapshot.settings.reminders !== false}
            aria-describedby={`${id}-reminders-help`}
            onChange={(event) => void save({ reminders: event.target.checked })}
          />
          <span>{t('reminders.settingLabel')}</span>
        </label>
        <p className="help" id={`${id}-reminders-help`}>
          {t('reminders.settingHelp')}
        </p>
      </fieldset>

      <section className="practice-details" aria-labelledby={`${id}-practice-details`}>
        <h2 id={`${id}-practice-details`}>{t('setup.title')}</h2>
        <p className="help">{t('setup.keepsStatus')}</p>
        <button type="button" className="button-secondary" onClick={() => onNavigate({ screen: 'setup' })}>
          {t('setup.edit')}
        </button>
      </section>

      <UpdateSection snapshot={snapshot} />

      <PresetSection snapshot={snapshot} />

      <section className="about" aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('settings.about.title')}</h2>
        <dl>
          <dt>{t('settings.about.version')}</dt>
          <dd>{snapshot.app.version}</dd>
          <dt>{t('settings.about.dataDir')}</dt>
          <dd className="path">
            <PathText path={snapshot.app.dataDir} />
            {snapshot.record.shared && <span className="path-note">{t('preset.sharedRecord')}</span>}
          </dd>
          <dt>{t('settings.about.logFile')}</dt>
          <dd className="path">
            <PathText path={snapshot.app.logFile} />
          </dd>
          <dt>{t('settings.about.journal')}</dt>
          <dd className="path">
            <PathText path={snapshot.record.file} />
          </dd>
          <dt>{t('settings.about.chainHead')}</dt>
          <dd className="path">
            {t('settings.about.chainHeadValue', { count: snapshot.record.count, head: snapshot.record.head || '–' })}
          </dd>
        </dl>
      </section>
    </section>
  );
}
