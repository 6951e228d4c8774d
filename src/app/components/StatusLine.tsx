/** The status line: ODE state, divergence banner and notices about the URL's values. */
import { useStore } from 'zustand';

import type { AppStore } from '../store';

export function StatusLine({ store }: { store: AppStore }) {
  const ode = useStore(store, (s) => s.ode);
  const notices = useStore(store, (s) => s.notices);
  let odeText = 'ODE idle';
  if (ode.kind === 'running') odeText = 'ODE integrating…';
  else if (ode.kind === 'done') odeText = `ODE ✓ t = ${fmt(ode.result.t.at(-1) ?? 0)}`;
  else if (ode.kind === 'error') odeText = `ODE failed: ${ode.message}`;
  return (
    <footer className="status" role="status" aria-live="polite">
      {ode.kind === 'diverged' && ode.result.divergence ? (
        <span className="banner diverged">
          ODE diverged at t = {fmt(ode.result.divergence.t)} in {ode.result.divergence.variable} (
          {ode.result.divergence.reason}); curves stop there.
        </span>
      ) : (
        <span className="ode-status">{odeText}</span>
      )}
      {notices.map((n) => (
        <span key={n.key + n.message} className={`notice ${n.level}`}>
          {n.message}
        </span>
      ))}
    </footer>
  );
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}
