import { useTranslation } from '../../../i18n-react';
import type { Navigate } from '../../../app/routes';
import { answerId, type QuestionProps } from './question';

/** The practice's name (a setting); on the first start, the way to take over another PC's record instead. */
export function PracticeQuestion({ id, draft, update, firstRun, onNavigate }: QuestionProps & { firstRun: boolean; onNavigate: Navigate }) {
  const { t } = useTranslation();
  return (
    <>
      <input
        id={answerId(id)}
        type="text"
        autoComplete="organization"
        maxLength={120}
        value={draft.practiceName}
        onChange={(e) => update({ practiceName: e.target.value })}
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
}
