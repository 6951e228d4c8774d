/** How many runs the many-runs views (fluctuation, basins) use: URL key nr. */
import { useStore } from 'zustand';

import type { AppStore } from '../store';

const CHOICES = [20, 50, 100, 200, 400, 1000];

export function RunsPicker({ store, defaultRuns }: { store: AppStore; defaultRuns: number }) {
  const nr = useStore(store, (s) => s.manyRuns);
  const value = nr ?? defaultRuns;
  // The view's default is always offered, so that a user can come back to it.
  const choices = [...new Set([...CHOICES, value, defaultRuns])].sort((a, b) => a - b);
  return (
    <label className="axis-pick">
      runs
      <select
        aria-label="Runs of the ensemble"
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value);
          store.getState().setView({ manyRuns: v === defaultRuns ? null : v });
        }}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
