/** The top bar: model picker, presets, Copy link and the Figure layout toggle. */
import { useState } from 'react';
import { useStore } from 'zustand';

import { models } from '../../models/registry';
import { copyShareLink } from '../copyLink';
import type { AppStore } from '../store';

/** True when every key=value of the preset appears in the query (η=2 matches η_T = η_G = 2). */
export function presetMatches(query: string, presetState: string): boolean {
  const have = new URLSearchParams(query);
  for (const [k, v] of new URLSearchParams(presetState)) {
    const mine = have.get(k);
    if (mine === v) continue;
    if (mine === null || Number(mine) !== Number(v)) return false;
  }
  return true;
}

export function Header({ store, onPreset }: { store: AppStore; onPreset(state: string): void }) {
  const model = useStore(store, (s) => s.model);
  const query = useStore(store, (s) => s.modelQuery);
  const view = useStore(store, (s) => s.view);
  const [copied, setCopied] = useState<string | null>(null);
  const current = model.presets.find((p) => presetMatches(query, p.state));

  const copy = async () => {
    setCopied((await copyShareLink()) === 'copied' ? 'Link copied' : null);
    setTimeout(() => setCopied(null), 2000);
  };

  return (
    <header className="topbar">
      <h1 className="brand">macroscope</h1>
      <label className="picker">
        <span>Model</span>
        <select
          aria-label="Model"
          value={model.id}
          onChange={(e) => onPreset(`model=${e.target.value}`)}
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.title}
            </option>
          ))}
        </select>
      </label>
      <label className="picker">
        <span>Preset</span>
        <select
          aria-label="Preset"
          value={current?.id ?? ''}
          onChange={(e) => {
            const p = model.presets.find((x) => x.id === e.target.value);
            if (p) onPreset(`model=${model.id}&${p.state}${p.view ? `&${p.view}` : ''}`);
          }}
        >
          <option value="" disabled>
            custom
          </option>
          {model.presets.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.figure} · {p.title}
            </option>
          ))}
        </select>
      </label>
      <span className="preset-description" title={current?.description}>
        {current?.description ?? ''}
      </span>
      <div className="topbar-actions">
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        {copied && (
          <span className="copied" role="status">
            {copied}
          </span>
        )}
        <button
          type="button"
          aria-pressed={view === 'figure'}
          onClick={() =>
            store.getState().setView({ view: view === 'figure' ? 'explorer' : 'figure' })
          }
          title="The three views side by side at paper width, for one-click export"
        >
          ▣ Figure
        </button>
      </div>
    </header>
  );
}
