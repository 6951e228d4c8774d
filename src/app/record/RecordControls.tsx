/** Record play to a WebM video, a GIF or a zip of PNG frames, with a progress bar and Cancel. */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';

import { download } from '../exportImage';
import type { AppStore } from '../store';
import { recordPlay, type RecordProgress } from './recorder';
import { canEncodeVideo, FORMAT_LABELS, RECORD_FORMATS, type RecordFormat } from './sinks';

export function RecordControls({ store }: { store: AppStore }) {
  const modelId = useStore(store, (s) => s.model.id);
  const [format, setFormat] = useState<RecordFormat>(canEncodeVideo() ? 'webm' : 'gif');
  const [progress, setProgress] = useState<RecordProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setMessage(null);
    setProgress({ frame: 0, frames: 1 });
    try {
      const result = await recordPlay(store, document, format, setProgress, abort.signal);
      if (result) {
        download(`macroscope-${modelId}-play.${result.extension}`, result.blob);
        setMessage(`Recorded ${result.frames} frames`);
      } else setMessage('Recording cancelled');
    } catch (err) {
      setMessage(`Could not record: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  return (
    <div className="record-row">
      <label>
        record
        <select
          aria-label="Recording format"
          value={format}
          disabled={progress !== null}
          onChange={(e) => setFormat(e.target.value as RecordFormat)}
        >
          {RECORD_FORMATS.map((f) => (
            <option key={f} value={f} disabled={f === 'webm' && !canEncodeVideo()}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      {progress === null ? (
        <button type="button" onClick={() => void start()} title="Record the play animation">
          ● Record
        </button>
      ) : (
        <div className="record-progress" role="status" aria-label="Recording progress">
          <progress max={progress.frames} value={progress.frame} />
          <span>
            {progress.frame}/{progress.frames}
          </span>
          <button type="button" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {message && (
        <span
          className={message.startsWith('Could not') ? 'record-error' : 'record-note'}
          role="status"
        >
          {message}
        </span>
      )}
    </div>
  );
}
