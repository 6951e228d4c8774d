import { type RefObject, useEffect, useState } from 'react';

/** The content size of an element, tracked with a ResizeObserver. */
export function useSize(
  ref: RefObject<HTMLElement | null>,
  fallback = { width: 600, height: 360 },
) {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0)
        setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
