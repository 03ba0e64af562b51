import { useTranslation } from '../../../i18n-react';
import type { QuestionProps } from './question';
import { TriStateChoice } from './tri-state';

/** Whether there is an IT security system with an administration of its own. */
export function SecurityQuestion({ id, draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <TriStateChoice
      name={`${id}-securitySystem`}
      legend={t('setup.security.question')}
      value={draft.securitySystem}
      onChange={(securitySystem) => update({ securitySystem })}
    />
  );
}
