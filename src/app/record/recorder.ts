/**
 * Recording play: frame k shows model time t_k (play/clock.ts frameTimes), drawn, grabbed and
 * encoded before frame k+1 is set, so the video runs at its frame rate however slow the machine.
 * The whole run [0, T] lasts what play takes at the chosen speed (10 s at 1×).
 */
import { num } from '../../core/params';
import { plainText } from '../../core/typeset';
import { captionOf } from '../caption';
import { frameTimes, playSeconds } from '../play/clock';
import type { AppStore } from '../store';
import { chartsAt, drawFrame, frameLayout, panelsIn } from './frames';
import { type FrameSink, gifSink, pngSink, type RecordFormat, webmSink } from './sinks';

export interface RecordProgress {
  frame: number;
  frames: number;
}

async function sinkFor(format: RecordFormat, width: number, height: number): Promise<FrameSink> {
  if (format === 'webm') return webmSink(width, height);
  if (format === 'gif') return gifSink(width);
  return pngSink();
}

/** Record the views on screen in `root`; null when aborted. Play's state is restored after. */
export async function recordPlay(
  store: AppStore,
  root: ParentNode,
  format: RecordFormat,
  onProgress: (p: RecordProgress) => void,
  signal: AbortSignal,
): Promise<{ blob: Blob; extension: string; frames: number } | null> {
  const panels = panelsIn(root);
  if (panels.length === 0)
    throw new Error('nothing to record: show the trajectories, portrait or cloud');
  const layout = frameLayout(
    panels.map((p) => ({ width: p.svg.clientWidth, height: p.svg.clientHeight })),
  );
  const sink = await sinkFor(format, layout.width, layout.height);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2-D canvas to draw the frames on');
  const before = store.getState().play;
  const s = store.getState();
  const T = num(s.params, 'T');
  const times = frameTimes(T, playSeconds(s.playSpeed), sink.fps);
  const caption = plainText(captionOf(s.model, s.params, s.runs));
  try {
    for (let k = 0; k < times.length; k++) {
      if (signal.aborted) return null;
      const t = times[k]!;
      store.getState().setPlay({ status: 'paused', t });
      await chartsAt(panels, t);
      await drawFrame(ctx, panels, layout, `${caption} · t = ${t.toFixed(2)}`);
      await sink.add(canvas, k);
      onProgress({ frame: k + 1, frames: times.length });
    }
    if (signal.aborted) return null;
    return { blob: await sink.finish(), extension: sink.extension, frames: times.length };
  } finally {
    store.getState().setPlay(before);
  }
}
