/** The top bar: model picker, presets, Copy link and the Figure layout toggle. */
import { useState } from 'react';
import { useStore } from 'zustand';

import { models } from '../../models/registry';
import { copyShareLink } from '../copyLink';
import { CUSTOM_ENTRY, DEFAULTS_ENTRY, menuEntry, presetLink } from '../presetMenu';
import type { AppStore } from '../store';

export function Header({ store, onPreset }: { store: AppStore; onPreset(state: string): void }) {
  const model = useStore(store, (s) => s.model);
  const query = useStore(store, (s) => s.query);
  const chosen = useStore(store, (s) => s.preset);
  const view = useStore(store, (s) => s.view);
  const [copied, setCopied] = useState<string | null>(null);
  const entry = menuEntry(model, query, chosen);
  const current = model.presets.find((p) => p.id === entry);
  const description =
    current?.description ?? (entry === DEFAULTS_ENTRY ? "The model's default parameters" : '');

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
          value={entry}
          onChange={(e) => onPreset(presetLink(model, e.target.value))}
        >
          <option value={CUSTOM_ENTRY} disabled>
            custom
          </option>
          <option value={DEFAULTS_ENTRY}>defaults</option>
          {model.presets.map((p) => (
            <option key={p.id} value={p.id} title={p.description}>
              {p.figure} · {p.title}
            </option>
          ))}
        </select>
      </label>
      <span className="preset-description" title={description}>
        {description}
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
