import { useTranslation } from '../../../i18n-react';
import { PRODUCTS } from '../../../../../shared/domain/constants';
import { CheckboxGroup } from '../../../ui/checkbox-group';
import type { QuestionProps } from './question';

/** The six products, then „Weiß nicht“: the software is found out first (a task of its own). */
export function ProductsQuestion({ draft, update }: QuestionProps) {
  const { t } = useTranslation();
  return (
    <CheckboxGroup
      legend={t('setup.products.question')}
      hideLegend
      options={[...PRODUCTS.map((product) => ({ value: product, label: product })), { value: 'unsure' as const, label: t('setup.unsure') }]}
      selected={[...draft.products, ...(draft.productsUnsure ? (['unsure'] as const) : [])]}
      onChange={(p, on) =>
        p === 'unsure'
          ? update({ productsUnsure: on })
          : update({ products: PRODUCTS.filter((x) => (x === p ? on : draft.products.includes(x))) })
      }
    />
  );
}
