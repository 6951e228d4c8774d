/**
 * The corner of an embedded view (embed=1): "open in macroscope", the same state in the full app
 * in a new tab, and the notices the hidden status line would have shown, so that a bad key in a
 * slide's URL is still reported.
 */
import './embed.css';

import { useState } from 'react';
import { useStore } from 'zustand';

import type { AppStore } from '../store';
import { openInMacroscopeHref } from './controls';

export function EmbedLink({ store }: { store: AppStore }) {
  // The URL follows the state (replaceState), so the link is read from it, and again on hover.
  useStore(store, (s) => s.query);
  const notices = useStore(store, (s) => s.notices);
  const [href, setHref] = useState(() => openInMacroscopeHref(window.location.href));
  const refresh = () => setHref(openInMacroscopeHref(window.location.href));
  return (
    <div className="embed-corner">
      {notices.length > 0 && (
        <details className="embed-notices">
          <summary>
            ⚠ {notices.length} notice{notices.length > 1 ? 's' : ''}
          </summary>
          <ul>
            {notices.map((n) => (
              <li key={n.key + n.message}>{n.message}</li>
            ))}
          </ul>
        </details>
      )}
      <a
        className="embed-open"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        onPointerEnter={refresh}
        onFocus={refresh}
      >
        open in macroscope ↗
      </a>
    </div>
  );
}
