/** The status line: ODE state (or the divergence banner), SGD progress, and notices. */
import './StatusLine.css';

import { useStore } from 'zustand';

import { timeLeft } from '../format';
import type { AppStore } from '../store';

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4);
}

export function StatusLine({ store }: { store: AppStore }) {
  const ode = useStore(store, (s) => s.ode);
  const sgd = useStore(store, (s) => s.sgd);
  const cloud = useStore(store, (s) => s.cloud);
  const ensemble = useStore(store, (s) => s.ensemble?.status ?? 'none');
  const notices = useStore(store, (s) => s.notices);
  const n = useStore(store, (s) => s.params['n'] as number);
  const T = useStore(store, (s) => s.params['T'] as number);
  // The dimension's symbol as the model's paper writes it (N or n), as on its slider.
  const nSymbol = useStore(store, (s) => s.model.params.find((p) => p.key === 'n')?.symbol ?? 'n');
  let odeText = 'ODE idle';
  if (ode.kind === 'running') odeText = 'ODE integrating…';
  else if (ode.kind === 'done') odeText = `ODE ✓ t = ${fmt(ode.result.t.at(-1) ?? 0)}`;
  else if (ode.kind === 'error') odeText = `ODE failed: ${ode.message}`;
  const fraction = sgd.T > 0 ? Math.min(1, sgd.tReached / sgd.T) : 0;
  return (
    <footer
      className="status"
      role="status"
      aria-live="polite"
      // What is still running, for tests and the UI benchmark (bench/ui.ts).
      data-sgd={sgd.status}
      data-ensemble={ensemble}
      data-cloud={cloud.status}
    >
      {ode.kind === 'diverged' && ode.result.divergence ? (
        <span className="banner diverged">
          ODE diverged at t = {fmt(ode.result.divergence.t)} in {ode.result.divergence.variable} (
          {ode.result.divergence.reason}); curves stop there.
        </span>
      ) : ode.kind === 'done' && ode.result.status === 'max-steps' ? (
        // The integrator hit its step limit: what is drawn ends early, which is no success.
        <span className="banner stopped ode-stopped">
          ODE stopped at t = {fmt(ode.result.tStopped)} of T = {fmt(T)} after {ode.result.steps}{' '}
          steps (its step limit): the system is stiff or oscillates fast here; curves stop there.
        </span>
      ) : (
        <span className="ode-status">{odeText}</span>
      )}
      <span className="sgd-status">
        SGD <progress max={1} value={fraction} aria-label="SGD progress" />{' '}
        {sgd.status === 'idle' ? 'idle' : `t = ${fmt(sgd.tReached)}/${fmt(sgd.T)}`} ({nSymbol} = {n}
        , {sgd.runs} run{sgd.runs === 1 ? '' : 's'}){' '}
        {sgd.status === 'paused'
          ? '· paused'
          : sgd.status === 'done' && sgd.divergence
            ? ''
            : sgd.status === 'done'
              ? '· done'
              : sgd.status === 'error'
                ? `· failed: ${sgd.message ?? ''}`
                : sgd.status === 'running' && sgd.startedAt !== undefined
                  ? timeLeft(fraction, performance.now() - sgd.startedAt)
                  : ''}
      </span>
      {sgd.divergence ? (
        <span className="banner stopped sgd-diverged">
          SGD diverged at t = {fmt(sgd.divergence.t)} in {sgd.divergence.variable} (run{' '}
          {sgd.divergence.stream + 1}: {String(sgd.divergence.value)}); dots stop there.
        </span>
      ) : null}
      {cloud.status === 'running' || cloud.status === 'error' ? (
        <span className="cloud-status">
          cloud t = {fmt(cloud.tReached)}/{fmt(cloud.T)}
          {cloud.status === 'error' ? ` · failed: ${cloud.message ?? ''}` : ''}
        </span>
      ) : null}
      {notices.map((notice) => (
        <span key={notice.key + notice.message} className={`notice ${notice.level}`}>
          {notice.message}
        </span>
      ))}
    </footer>
  );
}
