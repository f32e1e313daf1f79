import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Wide tables scroll sideways on narrow screens (WCAG 1.4.10 allows it for
 * data tables). A region that scrolls must be reachable with the keyboard,
 * so it becomes focusable, and named by the table caption, only while its
 * content overflows.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <section
      ref={ref}
      className="table-scroll"
      aria-labelledby={overflowing ? labelledBy : undefined}
      tabIndex={overflowing ? 0 : undefined}
    >
      {children}
    </section>
  );
}
