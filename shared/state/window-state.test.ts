import { describe, expect, it } from 'vitest';
import { restoreBounds, windowStateSchema } from './window-state';

const laptop = { x: 0, y: 0, width: 1366, height: 768 };
const second = { x: 1366, y: 0, width: 1920, height: 1080 };

describe('restoreBounds', () => {
  it('opens where the window was closed when that is on an attached display', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 600, maximized: false }, [laptop])).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 600,
    });
  });

  it('falls back to the default when the display it was on is gone (e.g. the practice PC lost its second screen)', () => {
    expect(restoreBounds({ x: 1500, y: 100, width: 1200, height: 800, maximized: false }, [laptop])).toBeUndefined();
    expect(restoreBounds({ x: 1500, y: 100, width: 1200, height: 800, maximized: false }, [laptop, second])).toEqual({
      x: 1500,
      y: 100,
      width: 1200,
      height: 800,
    });
  });

  it('keeps the title bar reachable and shrinks a window larger than the display', () => {
    expect(restoreBounds({ x: 200, y: -30, width: 1000, height: 600, maximized: false }, [laptop])).toBeUndefined();
    expect(restoreBounds({ x: 600, y: 10, width: 2000, height: 1200, maximized: true }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 768,
    });
  });

  it('opens with the default without a saved state', () => {
    expect(restoreBounds(undefined, [laptop])).toBeUndefined();
  });

  it('refuses absurd saved values', () => {
    expect(windowStateSchema.safeParse({ x: 0, y: 0, width: 10, height: 10, maximized: false }).success).toBe(false);
    expect(windowStateSchema.safeParse({ x: 1e9, y: 0, width: 800, height: 600, maximized: false }).success).toBe(false);
  });
});
