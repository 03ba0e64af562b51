import { useTranslation } from '../../../i18n-react';
import { Field } from '../../../ui/field';
import { newId, type QuestionProps } from './question';

/** How many card terminals, and each one's model. */
export function TerminalsQuestion({
  id,
  draft,
  update,
  flaggedBy,
}: QuestionProps & {
  /** The id of the wizard's message when it is about this name (it looks like a secret); none otherwise. */
  flaggedBy: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field id={`${id}-count`} label={t('setup.terminals.count')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            max={20}
            value={draft.cardTerminals.length}
            onChange={(e) => {
              const count = Math.max(0, Math.min(20, Number.parseInt(e.target.value, 10) || 0));
              const list = draft.cardTerminals.slice(0, count);
              while (list.length < count) list.push({ id: newId(), model: '' });
              update({ cardTerminals: list });
            }}
          />
        )}
      </Field>
      {draft.cardTerminals.length > 0 && (
        <ul className="device-list">
          {draft.cardTerminals.map((terminal, i) => {
            const flag = flaggedBy(terminal.model);
            return (
              <li key={terminal.id} className="device-row">
                <Field
                  id={`${id}-terminal-${terminal.id}`}
                  label={t('setup.terminals.model', { number: i + 1 })}
                  invalid={flag !== undefined}
                  describedBy={flag}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      maxLength={60}
                      value={terminal.model}
                      onChange={(e) =>
                        update({
                          cardTerminals: draft.cardTerminals.map((c) => (c.id === terminal.id ? { ...c, model: e.target.value } : c)),
                        })
                      }
                    />
                  )}
                </Field>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
