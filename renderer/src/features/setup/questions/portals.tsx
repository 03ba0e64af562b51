import { useTranslation } from '../../../i18n-react';
import { PORTALS } from '../../../../../shared/domain/constants';
import { CheckboxGroup } from '../../../ui/checkbox-group';
import { PORTAL_KEYS } from '../../tasks/task-text';
import { toggle, type QuestionProps } from './question';

/** Further accounts the practice uses (portals, vendor accounts). */
export function PortalsQuestion({ draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('setup.portals.question')}
      hideLegend
      options={PORTALS.map((portal) => ({ value: portal, label: t(PORTAL_KEYS[portal]) }))}
      selected={draft.portals}
      onChange={(portal, on) => update({ portals: toggle(draft.portals, portal, on) })}
    />
  );
}
