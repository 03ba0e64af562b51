/**
 * The button "Vorschlag für ein neues Passwort" (issue 13). It is all that the Übersicht and the guides carry: the
 * dialog, the word list (7,776 words) and the dialog's texts are loaded only when it is pressed, so the first screen
 * stays small. See passphrase-dialog.tsx for what the dialog does and why nothing of a suggestion is kept.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n-react';
import type { GuideTarget } from '../../../../shared/advisory/pack-schema';

const PassphraseDialog = lazy(() => import('./passphrase-dialog').then((module) => ({ default: module.PassphraseDialog })));

/** Step ids in the advisory pack where a guide asks for a new secret ("Wählen Sie … ein neues Passwort"). */
export const NEW_SECRET_STEP_IDS: ReadonlySet<string> = new Set(['good-password', 'good-pin', 'good-key']);

/** The core's target for a guide's target; 'any' from the Übersicht. */
export type HelperTarget = Exclude<GuideTarget, 'remote' | 'team'> | 'remote-maintenance' | 'any';
export function helperTarget(target: GuideTarget): HelperTarget {
  if (target === 'remote') return 'remote-maintenance';
  if (target === 'team') return 'other';
  return target;
}

/** The opening button; the dialog exists only while open. */
export function PassphraseHelper({ target, className = 'button-secondary' }: { target: HelperTarget; className?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  // A card terminal gets only the PIN (kindsFor in suggest.ts says the same).
  const pinOnly = target === 'card-terminal';
  return (
    <>
      <button ref={opener} type="button" className={className} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {pinOnly ? t('passphrase.openPin') : t('passphrase.open')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <PassphraseDialog target={target} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
