import { useTranslation } from '../../../i18n-react';
import { REMOTE_TOOLS } from '../../../../../shared/domain/constants';
import { CheckboxGroup } from '../../../ui/checkbox-group';
import { REMOTE_KEYS } from '../../tasks/task-text';
import { toggle, type QuestionProps } from './question';

/** The remote-maintenance tools in use. */
export function RemoteQuestion({ draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('setup.remote.question')}
      hideLegend
      options={REMOTE_TOOLS.map((tool) => ({ value: tool, label: t(REMOTE_KEYS[tool]) }))}
      selected={draft.remoteTools}
      onChange={(tool, on) => update({ remoteTools: toggle(draft.remoteTools, tool, on) })}
    />
  );
}
