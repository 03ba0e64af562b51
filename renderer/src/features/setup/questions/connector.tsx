import { useTranslation } from '../../../i18n-react';
import { CONNECTOR_MODELS } from '../../../../../shared/domain/constants';
import { RadioGroup } from '../../../ui/radio-group';
import { MODEL_KEYS } from './keys';
import type { QuestionProps } from './question';
import { TriStateChoice } from './tri-state';

/** Whether there is a TI connector, and which one (unless there is none). */
export function ConnectorQuestion({ id, draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <>
      <TriStateChoice
        name={`${id}-connector`}
        legend={t('setup.connector.question')}
        value={draft.connector}
        onChange={(connector) => update({ connector })}
      />
      {draft.connector !== 'no' && (
        <RadioGroup
          name={`${id}-model`}
          legend={t('setup.connector.modelQuestion')}
          options={CONNECTOR_MODELS.map((model) => ({ value: model, label: t(MODEL_KEYS[model]) }))}
          value={draft.connectorModel}
          onChange={(connectorModel) => update({ connectorModel })}
        />
      )}
    </>
  );
}
