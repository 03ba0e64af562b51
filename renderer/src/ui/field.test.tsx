import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Field } from './field';

const describedBy = (element: HTMLElement) => (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);

describe('Field', () => {
  it('labels its control, and nothing describes it without help or error', () => {
    render(<Field label="Anzahl">{(control) => <input {...control} type="number" />}</Field>);
    const input = screen.getByRole('spinbutton', { name: 'Anzahl' });
    expect(input.id).not.toBe('');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.parentElement?.className).toBe('field');
  });

  it('ties the help line to the control', () => {
    render(
      <Field id="practice" label="Name der Praxis" help="Steht im Nachweis.">
        {(control) => <input {...control} type="text" />}
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Name der Praxis' });
    expect(input.id).toBe('practice');
    expect(describedBy(input)).toEqual(['practice-help']);
    expect(document.getElementById('practice-help')?.textContent).toBe('Steht im Nachweis.');
    expect(screen.getByRole('textbox', { description: 'Steht im Nachweis.' })).toBe(input);
  });

  it('marks the control invalid while there is an error, described by help and error in that order', () => {
    const { rerender } = render(
      <Field id="reason" label="Begründung" help="Kein Passwort eintragen." error="Das sieht aus wie ein Passwort.">
        {(control) => <textarea {...control} />}
      </Field>,
    );
    const textarea = screen.getByRole('textbox', { name: 'Begründung' });
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByText('Das sieht aus wie ein Passwort.');
    expect(describedBy(textarea)).toEqual(['reason-help', error.id]);
    expect(error.className).toBe('status status-error');
    // The error gone: valid again, and only the help describes it.
    rerender(
      <Field id="reason" label="Begründung" help="Kein Passwort eintragen.">
        {(control) => <textarea {...control} />}
      </Field>,
    );
    expect(textarea.hasAttribute('aria-invalid')).toBe(false);
    expect(describedBy(textarea)).toEqual(['reason-help']);
    expect(screen.queryByText('Das sieht aus wie ein Passwort.')).toBeNull();
  });

  it('can be invalid because of a message elsewhere, tied to it by id', () => {
    render(
      <>
        <Field label="Name von Computer 1" invalid describedBy="form-error" className="inline-field">
          {(control) => <input {...control} type="text" />}
        </Field>
        <p id="form-error" role="alert">
          Ein Name sieht aus wie ein Passwort.
        </p>
      </>,
    );
    const input = screen.getByRole('textbox', { name: 'Name von Computer 1' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(input)).toEqual(['form-error']);
    expect(screen.getByRole('textbox', { description: 'Ein Name sieht aus wie ein Passwort.' })).toBe(input);
    expect(input.parentElement?.className).toBe('field inline-field');
  });
});
