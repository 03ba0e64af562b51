import { useTranslation } from '../../../i18n-react';
import type { TriState } from '../../../../../shared/domain/profile';
import { RadioGroup } from '../../../ui/radio-group';
import { TRI_KEYS } from './keys';

const TRI_STATES = ['yes', 'no', 'unsure'] as const satisfies readonly TriState[];

/** Ja / Nein / Weiß nicht, for a question whose heading says what is asked (the legend repeats it, unseen). */
export function TriStateChoice({
  name,
  legend,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  value: TriState;
  onChange: (value: TriState) => void;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      name={name}
      legend={legend}
      hideLegend
      options={TRI_STATES.map((option) => ({ value: option, label: t(TRI_KEYS[option]) }))}
      value={value}
      onChange={onChange}
    />
  );
}
