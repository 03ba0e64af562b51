import { useTranslation } from '../../../i18n-react';
import { RadioGroup } from '../../../ui/radio-group';
import { answerId, type QuestionProps } from './question';

/** Who is using the app (a setting), and whether they are from the practice or the IT partner. */
export function UserQuestion({ id, draft, update, errorId }: QuestionProps & { errorId: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <input
        id={answerId(id)}
        type="text"
        autoComplete="name"
        maxLength={60}
        value={draft.userName}
        onChange={(e) => update({ userName: e.target.value })}
        {...(errorId ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      />
      <RadioGroup
        name={`${id}-role`}
        className="role-choice"
        legend={t('roles.question')}
        help={t('roles.help')}
        options={[
          { value: 'praxis', label: t('roles.optionPraxis') },
          { value: 'it-partner', label: t('roles.optionIt') },
        ]}
        value={draft.role}
        onChange={(role) => update({ role })}
      />
    </>
  );
}
