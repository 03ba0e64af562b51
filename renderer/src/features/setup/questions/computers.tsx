import { useEffect, useRef } from 'react';
import { useTranslation } from '../../../i18n-react';
import { Field } from '../../../ui/field';
import { newId, type QuestionProps } from './question';

/** The practice's computers: one row each (name, „Ist ein Server“, „Entfernen“), and „Computer hinzufügen“. */
export function ComputersQuestion({
  id,
  draft,
  update,
  flaggedBy,
}: QuestionProps & {
  /** The id of the wizard's message when it is about this name (it looks like a secret); none otherwise. */
  flaggedBy: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const addComputerRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the computer list has changed: a name field's id, or „Computer hinzufügen“. */
  const focusAfterChange = useRef<string | null>(null);

  const computerField = (computerId: string) => `${id}-computer-${computerId}`;
  useEffect(() => {
    const target = focusAfterChange.current;
    if (target === null) return;
    focusAfterChange.current = null;
    (target === 'add' ? addComputerRef.current : document.getElementById(target))?.focus();
  }, [draft.computers]);

  const addComputer = () => {
    const computer = { id: newId(), name: '', server: false };
    focusAfterChange.current = computerField(computer.id);
    update({ computers: [...draft.computers, computer] });
  };
  /** Focus goes on to the next computer's name, else the previous one's, else „Computer hinzufügen“. */
  const removeComputer = (computerId: string) => {
    const at = draft.computers.findIndex((c) => c.id === computerId);
    const neighbour = draft.computers[at + 1] ?? draft.computers[at - 1];
    focusAfterChange.current = neighbour ? computerField(neighbour.id) : 'add';
    update({ computers: draft.computers.filter((c) => c.id !== computerId) });
  };

  return (
    <>
      {/* Every row alike: name, „Ist ein Server“ and „Entfernen“ in fixed columns; the full words are the controls' names. */}
      <ul className="device-list">
        {draft.computers.map((computer, i) => {
          const flag = flaggedBy(computer.name);
          return (
            <li key={computer.id} className="device-row">
              <Field
                id={computerField(computer.id)}
                label={t('setup.computers.name', { number: i + 1 })}
                invalid={flag !== undefined}
                describedBy={flag}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    maxLength={60}
                    value={computer.name}
                    onChange={(e) =>
                      update({ computers: draft.computers.map((c) => (c.id === computer.id ? { ...c, name: e.target.value } : c)) })
                    }
                  />
                )}
              </Field>
              <label className="checkbox">
                <input
                  type="checkbox"
                  aria-label={t('setup.computers.server', { number: i + 1 })}
                  checked={computer.server}
                  onChange={(e) =>
                    update({ computers: draft.computers.map((c) => (c.id === computer.id ? { ...c, server: e.target.checked } : c)) })
                  }
                />
                <span>{t('setup.computers.serverShort')}</span>
              </label>
              <button
                type="button"
                className="button-secondary"
                aria-label={
                  computer.name
                    ? t('setup.computers.remove', { name: computer.name })
                    : t('setup.computers.removeUnnamed', { number: i + 1 })
                }
                onClick={() => removeComputer(computer.id)}
              >
                {t('setup.computers.removeShort')}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" className="button-secondary" ref={addComputerRef} onClick={addComputer}>
        {t('setup.computers.add')}
      </button>
    </>
  );
}
