/**
 * The keyboard: one keydown listener on the window that fires the table's shortcuts
 * (shortcuts/table.ts), and the help overlay that lists them (opened with ?).
 */
import './shortcuts.css';

import { useEffect, useRef, useState } from 'react';

import { copyShareLink } from '../copyLink';
import type { AppStore } from '../store';
import { shortcutAllowed } from './keys';
import { type ShortcutContext, shortcutFor, SHORTCUTS } from './table';

export function Shortcuts({ store }: { store: AppStore }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  // The listener is installed once; it reads the current state through this ref.
  const open = useRef(helpOpen);
  open.current = helpOpen;

  useEffect(() => {
    const ctx: ShortcutContext = {
      store,
      toggleHelp: () => setHelpOpen((o) => !o),
      helpOpen: () => open.current,
      copyLink: () => {
        void copyShareLink().then((how) => {
          if (how !== 'copied') return;
          setToast('Link copied');
          setTimeout(() => setToast(null), 2000);
        });
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (!shortcutAllowed(e)) return;
      const shortcut = shortcutFor(e.key);
      if (!shortcut) return;
      // Space would scroll the page and arrows move a focused control: the shortcut wins.
      e.preventDefault();
      shortcut.run(ctx, e.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  return (
    <>
      {toast && (
        <div className="shortcut-toast" role="status">
          {toast}
        </div>
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </>
  );
}

function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
      <div className="help-card">
        <div className="help-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <p className="help-note">They do not fire while you type in a field.</p>
        <dl className="help-keys">
          {SHORTCUTS.map((s) => (
            <div key={s.label}>
              <dt>
                <kbd>{s.label}</kbd>
              </dt>
              <dd>{s.help}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
