import { useTranslation } from '../../../i18n-react';
import { RadioGroup } from '../../../ui/radio-group';
import type { QuestionProps } from './question';

const ACCOUNT_KEYS = {
  personal: 'setup.computers.accounts.personal',
  shared: 'setup.computers.accounts.shared',
  unsure: 'setup.computers.accounts.unsure',
} as const;

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
