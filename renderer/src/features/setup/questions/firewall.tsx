import { useTranslation } from '../../../i18n-react';
import type { QuestionProps } from './question';
import { TriStateChoice } from './tri-state';

/** Whether there is a firewall or router with an administration login. */
export function FirewallQuestion({ id, draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <TriStateChoice
      name={`${id}-firewall`}
      legend={t('setup.firewall.question')}
      value={draft.firewall}
      onChange={(firewall) => update({ firewall })}
    />
  );
}
