/** Play/pause of the SGD, a new seed, and the number of runs averaged. */
import { useStore } from 'zustand';

import { runChoices } from '../appKeys';
import type { AppStore } from '../store';

export function RunControls({
  store,
  onPause,
  onResume,
  onRestart,
}: {
  store: AppStore;
  onPause(): void;
  onResume(): void;
  onRestart(): void;
}) {
  const status = useStore(store, (s) => s.sgd.status);
  const runs = useStore(store, (s) => s.runs);
  const seed = useStore(store, (s) => s.params['seed'] as number);
  const playing = status === 'running';
  return (
    <div className="run-controls" aria-label="Simulation controls">
      <button
        type="button"
        className="primary"
        onClick={() => (playing ? onPause() : status === 'paused' ? onResume() : onRestart())}
        aria-label={
          playing ? 'Pause the SGD' : status === 'paused' ? 'Resume the SGD' : 'Run the SGD again'
        }
      >
        {playing ? '❚❚ Pause' : status === 'paused' ? '▶ Resume' : '▶ Run'}
      </button>
      <button
        type="button"
        onClick={() => store.getState().setParam('seed', (seed + 1) % 4294967296)}
        title="Restart with the next seed"
      >
        ⟳ Seed
      </button>
      <label className="runs">
        runs
        <select
          aria-label="SGD runs averaged"
          value={runs}
          onChange={(e) => store.getState().setView({ runs: Number(e.target.value) })}
        >
          {runChoices(runs).map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
