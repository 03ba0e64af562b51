import { useTranslation } from '../../../i18n-react';
import { RadioGroup } from '../../../ui/radio-group';
import { ACCOUNT_KEYS } from './keys';
import type { QuestionProps } from './question';

/** Whether each person signs in to Windows with an account of their own; asked under the computers. */
export function WindowsAccountsQuestion({ id, draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={`${id}-accounts`}
      legend={t('setup.computers.accountsQuestion')}
      options={(['personal', 'shared', 'unsure'] as const).map((value) => ({ value, label: t(ACCOUNT_KEYS[value]) }))}
      value={draft.windowsAccounts}
      onChange={(windowsAccounts) => update({ windowsAccounts })}
    />
  );
}
