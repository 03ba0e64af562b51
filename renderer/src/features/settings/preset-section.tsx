import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n-react';
import type { ViewState } from '../../app/view-state';
import { getApi } from '../../api';
import { Field } from '../../ui/field';
import { RadioGroup } from '../../ui/radio-group';
import { pathMessage } from '../../ui/path-text';
import { useLiveStatus } from '../../ui/use-live-status';
import { PHONE_PATTERN } from '../../../../shared/preset/phone';

/**
 * "Vorgabe für weitere PCs speichern": the IT partner saves this PC's Einrichtung (with their name and phone, and
 * where the other PCs keep the record) as a file that pre-fills the Einrichtung on the practice's other PCs.
 */
export function PresetSection({ snapshot }: { snapshot: ViewState }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(snapshot.itPartner?.name ?? '');
  const [phone, setPhone] = useState(snapshot.itPartner?.phone ?? '');
  const [record, setRecord] = useState<'user' | 'machine'>(snapshot.record.shared ? 'machine' : 'user');
  const [phoneError, setPhoneError] = useState(false);
  const status = useLiveStatus({ focusable: true });
  const ready = snapshot.profile.completed && snapshot.settings.practiceName.trim() !== '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    status.clear();
    if (!PHONE_PATTERN.test(phone.trim())) {
      setPhoneError(true);
      document.getElementById(`${id}-phone`)?.focus();
      return;
    }
    setPhoneError(false);
    const itPartner = name.trim() !== '' || phone.trim() !== '' ? { name, phone } : undefined;
    const result = await getApi().savePreset({ record, ...(itPartner ? { itPartner } : {}) });
    if (!result.ok) return status.error(result.error.messageKey, { focus: true });
    const saved = result.value;
    if (saved.status === 'saved') status.saved(pathMessage('preset.save.saved', { file: saved.file }, ['file']), { focus: true });
    else status.info('preset.save.cancelled');
  };

  return (
    <section className="preset-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('preset.save.title')}</h2>
      <p className="help">{t('preset.save.help')}</p>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field id={`${id}-name`} label={t('preset.save.partnerName')}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              maxLength={80}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field
          id={`${id}-phone`}
          label={t('preset.save.partnerPhone')}
          help={t('preset.save.partnerPhoneHelp')}
          error={phoneError ? t('preset.save.partnerPhoneInvalid') : undefined}
        >
          {(control) => (
            <input
              {...control}
              type="tel"
              autoComplete="off"
              maxLength={40}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </Field>
        <RadioGroup
          name={`${id}-record`}
          className="field"
          legend={t('preset.save.record')}
          options={[
            { value: 'user', label: t('preset.save.recordUser') },
            { value: 'machine', label: t('preset.save.recordMachine') },
          ]}
          value={record}
          onChange={setRecord}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={!ready} aria-describedby={ready ? undefined : `${id}-incomplete`}>
            {t('preset.save.button')}
          </button>
          {!ready && (
            <p className="help" id={`${id}-incomplete`}>
              {t('preset.save.incomplete')}
            </p>
          )}
        </div>
        {status.region}
      </form>
    </section>
  );
}
