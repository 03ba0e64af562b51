import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TableScroll } from './table-scroll';

/** jsdom lays nothing out: the frame's widths, and a ResizeObserver whose callback the test calls. */
function layout(widths: { scroll: number; client: number }) {
  vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(() => widths.scroll);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(() => widths.client);
  const observers: (() => void)[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(callback: () => void) {
        observers.push(callback);
      }
      observe() {}
      disconnect() {}
    },
  );
  return { resize: () => act(() => observers.forEach((callback) => callback())) };
}

function Tasks() {
  return (
    <section>
      <h1 id="tasks-title">Aufgaben</h1>
      <TableScroll labelledBy="tasks-title">
        <table>
          <tbody>
            <tr>
              <td>Praxissoftware</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('TableScroll', () => {
  it('is a named region with a tab stop only while the table is wider than its frame, and follows resizing', () => {
    const widths = { scroll: 600, client: 320 };
    const { resize } = layout(widths);
    render(<Tasks />);
    const region = screen.getByRole('region', { name: 'Aufgaben' });
    expect(region.tabIndex).toBe(0);
    expect(region.contains(screen.getByRole('table'))).toBe(true);

    widths.client = 1000;
    widths.scroll = 1000;
    resize();
    expect(screen.queryByRole('region')).toBeNull();
    const frame = screen.getByRole('table').parentElement;
    expect(frame?.hasAttribute('tabindex')).toBe(false);

    widths.client = 320;
    resize();
    expect(screen.getByRole('region', { name: 'Aufgaben' }).tabIndex).toBe(0);
  });

  it('adds nothing where the table fits', () => {
    layout({ scroll: 800, client: 800 });
    render(<Tasks />);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.getByRole('table').parentElement?.hasAttribute('tabindex')).toBe(false);
  });
});
