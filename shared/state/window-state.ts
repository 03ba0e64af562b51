import { z } from 'zod';

/** Where the window was when it was last closed on this PC. */
export const windowStateSchema = z
  .object({
    x: z.number().int().min(-100_000).max(100_000),
    y: z.number().int().min(-100_000).max(100_000),
    width: z.number().int().min(200).max(20_000),
    height: z.number().int().min(200).max(20_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The bounds to open the window with: the saved ones when a good part of the window (its title bar included) is
 * on one of the displays now attached, fitted into that display; otherwise none (the default size, centred). Pure.
 */
export function restoreBounds(saved: WindowState | undefined, displays: readonly Rect[]): Rect | undefined {
  if (!saved) return undefined;
  const display = displays.find((d) => {
    const visibleWidth = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    const titleBarInside = saved.y >= d.y && saved.y < d.y + d.height - 40;
    return visibleWidth >= 200 && titleBarInside;
  });
  if (!display) return undefined;
  const width = Math.min(saved.width, display.width);
  const height = Math.min(saved.height, display.height);
  const x = Math.min(Math.max(saved.x, display.x), display.x + display.width - width);
  const y = Math.min(Math.max(saved.y, display.y), display.y + display.height - height);
  return { x, y, width, height };
}
