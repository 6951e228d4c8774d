/**
 * Play, compare and record, under the run controls: play/pause the dynamics over t at a speed
 * (the whole run in 10 s at 1×), loop, pin the current curves as a ghost layer, and record.
 */
import './play.css';

import { useStore } from 'zustand';

import { addPin, clearPins, removePin } from '../pins/actions';
import { MAX_PINS, pinLabel, pinParams } from '../pins/codec';
import { RecordControls } from '../record/RecordControls';
import type { AppStore } from '../store';
import { pause, play, stop } from './actions';
import { PLAY_SPEEDS, playSeconds } from './clock';

export function PlayControls({ store }: { store: AppStore }) {
  return (
    <div className="play-controls" aria-label="Play, compare and record">
      <PlayRow store={store} />
      <PinRow store={store} />
      <RecordControls store={store} />
    </div>
  );
}

function PlayRow({ store }: { store: AppStore }) {
  const status = useStore(store, (s) => s.play.status);
  const speed = useStore(store, (s) => s.playSpeed);
  const loop = useStore(store, (s) => s.playLoop);
  const playing = status === 'playing';
  return (
    <div className="play-row">
      <button
        type="button"
        className="play-button"
        onClick={() => (playing ? pause(store) : play(store))}
        aria-label={playing ? 'Pause play' : 'Play the dynamics over t'}
        title="Space"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={() => stop(store)}
        disabled={status === 'stopped'}
        aria-label="Stop play and show the whole run"
        title="Esc"
      >
        ■
      </button>
      <label className="play-speed">
        speed
        <select
          aria-label="Play speed"
          value={speed}
          onChange={(e) => store.getState().setView({ playSpeed: Number(e.target.value) })}
        >
          {PLAY_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}× ({playSeconds(v)} s)
            </option>
          ))}
        </select>
      </label>
      <label className="play-loop">
        <input
          type="checkbox"
          checked={loop}
          onChange={(e) => store.getState().setView({ playLoop: e.target.checked })}
        />
        loop
      </label>
    </div>
  );
}

function PinRow({ store }: { store: AppStore }) {
  const model = useStore(store, (s) => s.model);
  const params = useStore(store, (s) => s.params);
  const pins = useStore(store, (s) => s.pins);
  return (
    <div className="pin-row">
      <button
        type="button"
        onClick={() => addPin(store)}
        disabled={pins.length >= MAX_PINS}
        title={
          pins.length >= MAX_PINS
            ? `At most ${MAX_PINS} pins: remove one first`
            : 'Freeze the current curves and dots as a ghost layer'
        }
      >
        Pin
      </button>
      <ul className="pin-list" aria-label="Pins">
        {pins.map((pin, k) => (
          <li key={pin}>
            <span>
              pin {k + 1}: {pinLabel(model, pinParams(model, pin).params, params)}
            </span>
            <button
              type="button"
              aria-label={`Remove pin ${k + 1}`}
              onClick={() => removePin(store, k)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {pins.length > 1 && (
        <button type="button" className="pin-clear" onClick={() => clearPins(store)}>
          Clear
        </button>
      )}
    </div>
  );
}
