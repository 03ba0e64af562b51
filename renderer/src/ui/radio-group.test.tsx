import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RadioGroup } from './radio-group';

const OPTIONS = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nein' },
  { value: 'unsure', label: 'Weiß nicht' },
] as const;

function Choice({ hideLegend = false, horizontal = false }: { hideLegend?: boolean; horizontal?: boolean }) {
  const [value, setValue] = useState<'yes' | 'no' | 'unsure'>('no');
  return (
    <>
      <button type="button">vorher</button>
      <RadioGroup
        name="firewall"
        legend="Gibt es eine Firewall?"
        hideLegend={hideLegend}
        horizontal={horizontal}
        options={OPTIONS}
        value={value}
        onChange={setValue}
      />
      <output>{value}</output>
    </>
  );
}

describe('RadioGroup', () => {
  it('is a group named by its legend, one radio per option, the value checked', () => {
    render(<Choice />);
    const group = screen.getByRole('group', { name: 'Gibt es eine Firewall?' });
    expect(group.tagName).toBe('FIELDSET');
    expect(group.className).toBe('radio-group');
    expect(screen.getAllByRole('radio').map((radio) => (radio as HTMLInputElement).name)).toEqual(['firewall', 'firewall', 'firewall']);
    expect(screen.getByRole('radio', { name: 'Nein' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveProperty('checked', false);
  });

  it('keeps a hidden legend as the group’s name, only out of sight', () => {
    render(<Choice hideLegend />);
    const group = screen.getByRole('group', { name: 'Gibt es eine Firewall?' });
    expect(group.querySelector('legend')?.className).toBe('visually-hidden');
  });

  it('is one tab stop, and the arrow keys move through the options and choose them', async () => {
    const user = userEvent.setup();
    render(<Choice />);
    await user.click(screen.getByRole('button', { name: 'vorher' }));
    await user.tab();
    // Tab lands on the chosen option, not on the first.
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Nein' }));
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Weiß nicht' }));
    expect(screen.getByRole('radio', { name: 'Weiß nicht' })).toHaveProperty('checked', true);
    expect(screen.getByRole('status').textContent).toBe('unsure');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('radio', { name: 'Ja' })).toHaveProperty('checked', true);
    expect(screen.getByRole('status').textContent).toBe('yes');
    await user.tab();
    expect(document.activeElement).toBe(document.body);
  });

  it('lays the options out in a row on request, names a label’s language and takes a help line', () => {
    const { container } = render(
      <RadioGroup
        name="language"
        legend="Sprache"
        help="Gilt für diesen PC."
        className="field"
        horizontal
        options={[
          { value: 'de', label: 'Deutsch', lang: 'de' },
          { value: 'en', label: 'English', lang: 'en' },
        ]}
        value="de"
        onChange={() => undefined}
      />,
    );
    const group = screen.getByRole('group', { name: 'Sprache' });
    expect(group.className).toBe('radio-group radio-group-horizontal field');
    expect(screen.getByText('English').getAttribute('lang')).toBe('en');
    expect(container.querySelector('legend + p.help')?.textContent).toBe('Gilt für diesen PC.');
  });
});
