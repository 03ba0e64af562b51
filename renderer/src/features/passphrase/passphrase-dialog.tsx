/**
 * "Vorschlag für ein neues Passwort" (issue 13): a button and the modal dialog it opens.
 *
 * Never kept: the suggestion is made here, in the renderer, from Web Crypto; it lives only in this dialog's state
 * and is gone when the dialog closes (the parent unmounts the whole dialog). It is never passed to getApi() (no
 * IPC, so never in the journal, settings, logs or exports) and never logged. Copying keeps it for 30 seconds in
 * clipboard.ts, only to clear the clipboard. Tests mask `[data-secret]` in their screenshots.
 *
 * A native <dialog> opened with showModal(): the browser traps focus and makes the page behind inert, Escape
 * closes it; focus then goes back to the button that opened it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n-react';
import { displayBits, MAX_WORDS, MIN_WORDS, SEPARATORS, DEFAULT_WORDS, type Separator } from '../../../../shared/passphrase';
import { useTexts } from '../../i18n';
import type { HelperTarget } from './passphrase-helper';
import { RadioGroup } from '../../ui/radio-group';
import { Field } from '../../ui/field';
import { useLiveStatus } from '../../ui/use-live-status';
import { copySecret } from './clipboard';
import { asksMaxLength, kindsFor, suggest, type SuggestionKind } from './suggest';
import './passphrase.css';

/** Text keys of the separators (a key may not contain a dot). */
const SEPARATOR_KEYS = { '-': 'hyphen', '.': 'dot', _: 'underscore', ' ': 'space' } as const satisfies Record<Separator, string>;

const WORD_COUNTS = Array.from({ length: MAX_WORDS - MIN_WORDS + 1 }, (_, i) => String(MIN_WORDS + i));

/** The dialog, loaded (with the word list and its texts) only when a helper button is pressed; see passphrase-helper.tsx. */
export function PassphraseDialog({ target, onClose }: { target: HelperTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  useTexts('passphrase');
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const kinds = kindsFor(target === 'any' ? 'any' : target);
  const [kind, setKind] = useState<SuggestionKind>(kinds[0] ?? 'words');
  const [words, setWords] = useState(DEFAULT_WORDS);
  const [separator, setSeparator] = useState<Separator>('-');
  const [digit, setDigit] = useState(false);
  const [maxLengthText, setMaxLengthText] = useState('');
  const [spelling, setSpelling] = useState(false);
  /** Changed by "Neuer Vorschlag": a new draw with the same choices. */
  const [draw, setDraw] = useState(0);
  const copyStatus = useLiveStatus({ layout: 'line' });

  const parsedMax = maxLengthText.trim() === '' ? undefined : Number(maxLengthText.trim());
  const maxInvalid = parsedMax !== undefined && (!Number.isInteger(parsedMax) || parsedMax < 3);
  const maxLength = asksMaxLength({ kind }) && !maxInvalid ? parsedMax : undefined;
  const windows = kind === 'windows';

  const secret = useMemo(
    () => suggest({ kind, words, separator, digit: windows || digit, maxLength }),
    // `draw` asks for a new suggestion with the same choices.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [kind, words, separator, digit, windows, maxLength, draw],
  );

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // jsdom has no showModal; there the dialog is only marked open.
    if (typeof element.showModal === 'function') {
      if (!element.open) element.showModal();
    } else element.setAttribute('open', '');
  }, []);

  // A new suggestion makes an old "Kopiert" untrue.
  const { clear } = copyStatus;
  useEffect(() => clear(), [secret, clear]);

  const onCopy = async () => {
    const element = dialog.current;
    if (!element) return;
    if (await copySecret(secret.text, element)) copyStatus.saved('passphrase.copied');
    else copyStatus.error('passphrase.copyFailed');
  };

  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
  const bits = number.format(displayBits(secret.bits));

  return (
    <dialog
      ref={dialog}
      className="passphrase-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      onClose={onClose}
      onCancel={onClose}
    >
      <h2 id={`${id}-title`}>{t('passphrase.title')}</h2>
      <p id={`${id}-help`} className="help">
        {t('passphrase.help')}
      </p>
      <p className="passphrase-label">{t('passphrase.suggestionLabel')}</p>
      <p className="passphrase-text" data-secret="true" lang="de" translate="no">
        {secret.text}
      </p>
      <p className="passphrase-strength">
        {secret.strength ? (
          <>
            <strong>{t(`passphrase.strength.${secret.strength}`)}</strong>{' '}
            <span className="passphrase-bits">{t('passphrase.bits', { bits })}</span> ·{' '}
            <span className="passphrase-bits">{t('passphrase.length', { n: secret.length })}</span>
          </>
        ) : (
          t('passphrase.pinStrength', { bits })
        )}
      </p>
      {secret.fitted && (
        <p className="help">
          {secret.fitted.kind === 'shortened'
            ? t('passphrase.shortened', { max: secret.fitted.max, words: secret.fitted.words })
            : t('passphrase.characters', { max: secret.fitted.max })}
        </p>
      )}
      <div className="form-actions passphrase-actions">
        <button type="button" className="button-primary" onClick={() => void onCopy()}>
          {t('passphrase.copy')}
        </button>
        <button type="button" className="button-secondary" onClick={() => setDraw((n) => n + 1)}>
          {t('passphrase.again')}
        </button>
        <button type="button" className="button-secondary" aria-pressed={spelling} onClick={() => setSpelling((on) => !on)}>
          {t('passphrase.spell')}
        </button>
      </div>
      {copyStatus.region}
      {spelling && (
        <section aria-labelledby={`${id}-spell`} className="passphrase-spell">
          <h3 id={`${id}-spell`}>{t('passphrase.spellTitle')}</h3>
          <ol data-secret="true" lang="de" translate="no">
            {secret.parts.map((part, index) => (
              <li key={`${index}-${part}`}>{part}</li>
            ))}
          </ol>
        </section>
      )}
      <p className="help">{t('passphrase.readAloud')}</p>
      <div className="passphrase-options">
        {kinds.length > 1 && (
          <RadioGroup
            name={`${id}-kind`}
            legend={t('passphrase.kind')}
            options={kinds.map((value) => ({ value, label: t(`passphrase.kinds.${value}`) }))}
            value={kind}
            onChange={setKind}
          />
        )}
        {kind !== 'pin' && (
          <>
            <RadioGroup
              name={`${id}-words`}
              legend={t('passphrase.words')}
              horizontal
              options={WORD_COUNTS.map((value) => ({ value, label: value }))}
              value={secret.fitted?.kind === 'shortened' ? String(secret.fitted.words) : String(words)}
              onChange={(value) => setWords(Number(value))}
            />
            <RadioGroup
              name={`${id}-separator`}
              legend={t('passphrase.separator')}
              horizontal
              options={SEPARATORS.map((value) => ({ value, label: t(`passphrase.separators.${SEPARATOR_KEYS[value]}`) }))}
              value={separator}
              onChange={setSeparator}
            />
            <div className="checkbox">
              <input
                id={`${id}-digit`}
                type="checkbox"
                checked={windows || digit}
                disabled={windows}
                aria-describedby={windows ? `${id}-digit-help` : undefined}
                onChange={(event) => setDigit(event.target.checked)}
              />
              <label htmlFor={`${id}-digit`}>{t('passphrase.digit')}</label>
            </div>
            {windows && (
              <p id={`${id}-digit-help`} className="help">
                {t('passphrase.digitWindows')}
              </p>
            )}
          </>
        )}
        {asksMaxLength({ kind }) && (
          <Field
            id={`${id}-max`}
            label={t('passphrase.maxLength')}
            help={t('passphrase.maxLengthHelp')}
            error={maxInvalid ? t('passphrase.maxLengthInvalid') : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                size={5}
                className="passphrase-max"
                value={maxLengthText}
                onChange={(event) => setMaxLengthText(event.target.value)}
              />
            )}
          </Field>
        )}
      </div>
      <div className="form-actions passphrase-close">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('passphrase.close')}
        </button>
      </div>
    </dialog>
  );
}
