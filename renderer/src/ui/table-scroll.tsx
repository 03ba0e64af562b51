import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table's frame: where the window is too narrow for the table (320 px, large text), the table scrolls
 * sideways inside it and the page does not (WCAG 1.4.10 Reflow). Only then is the frame a named region that takes
 * focus, so a keyboard user can scroll it with the arrow keys; at normal widths it adds no tab stop.
 */
export function TableScroll({
  labelledBy,
  children,
}: {
  /** The id of the heading that names the table. */ labelledBy: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const check = () => setScrolls(frame.scrollWidth > frame.clientWidth + 1);
    check();
    // Without ResizeObserver (jsdom) the first measurement stands.
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(check);
    observer.observe(frame);
    if (frame.firstElementChild) observer.observe(frame.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-scroll" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': labelledBy } : {})}>
      {children}
    </div>
  );
}
