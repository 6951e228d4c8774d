import { type RefObject, useEffect, useState } from 'react';

import { zoomOf } from './charts/profile';

/**
 * The content size of an element, tracked with a ResizeObserver, in chart units: divided by the
 * chart profile's zoom (charts/profile.ts), so that a zoomed chart is drawn smaller and scaled up.
 */
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
      const zoom = zoomOf(el);
      if (width > 0 && height > 0)
        setSize({ width: Math.floor(width / zoom), height: Math.floor(height / zoom) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
