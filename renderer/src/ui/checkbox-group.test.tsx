import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CheckboxGroup } from './checkbox-group';

function Tools() {
  const [selected, setSelected] = useState<string[]>(['teamviewer']);
  return (
    <CheckboxGroup
      legend="Welche Fernwartung wird genutzt?"
      hideLegend
      options={[
        { value: 'teamviewer', label: 'TeamViewer' },
        { value: 'anydesk', label: 'AnyDesk' },
      ]}
      selected={selected}
      onChange={(value, on) => setSelected((list) => (on ? [...list, value] : list.filter((v) => v !== value)))}
    />
  );
}

describe('CheckboxGroup', () => {
  it('is a group named by its (hidden) legend whose boxes follow what is selected', async () => {
    const user = userEvent.setup();
    render(<Tools />);
    const group = screen.getByRole('group', { name: 'Welche Fernwartung wird genutzt?' });
    expect(group.className).toBe('checkbox-group');
    expect(group.querySelector('legend')?.className).toBe('visually-hidden');
    expect(screen.getByRole('checkbox', { name: 'TeamViewer' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('checkbox', { name: 'AnyDesk' }));
    await user.click(screen.getByRole('checkbox', { name: 'TeamViewer' }));
    expect(screen.getByRole('checkbox', { name: 'AnyDesk' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'TeamViewer' })).toHaveProperty('checked', false);
  });
});
