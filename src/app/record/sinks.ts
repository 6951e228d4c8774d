/**
 * Where recorded frames go: a WebM video (WebCodecs' VideoEncoder, VP9 or else VP8, muxed by
 * webm-muxer), a GIF (gifenc) or a zip of PNG frames. Each takes frames one by one at a fixed
 * frame rate, so the result is smooth however long a frame took to draw.
 */
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import { ArrayBufferTarget, Muxer } from 'webm-muxer';

import { VIDEO_FPS } from '../play/clock';
import { type ZipEntry, zipStore } from './zip';

export const RECORD_FORMATS = ['webm', 'gif', 'png'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const FORMAT_LABELS: Record<RecordFormat, string> = {
  webm: 'WebM video (30 fps)',
  gif: 'GIF (20 fps)',
  png: 'PNG frames (.zip, 30 fps)',
};

/** GIF delays are whole centiseconds: 20 fps (5 cs) is exact, 30 fps is not. */
export const GIF_FPS = 20;
/** GIFs are scaled to at most this width: 256 colours per frame make large GIFs heavy. */
const GIF_MAX_WIDTH = 800;

export interface FrameSink {
  fps: number;
  extension: string;
  add(canvas: HTMLCanvasElement, k: number): Promise<void>;
  finish(): Promise<Blob>;
}

/** Whether this browser can encode video (WebCodecs' VideoEncoder). */
export function canEncodeVideo(): boolean {
  return typeof VideoEncoder !== 'undefined' && typeof VideoFrame !== 'undefined';
}

/** The first of VP9 and VP8 the browser's encoder supports at this size. */
async function videoCodec(width: number, height: number) {
  const choices = [
    { webcodecs: 'vp09.00.10.08', webm: 'V_VP9' },
    { webcodecs: 'vp8', webm: 'V_VP8' },
  ];
  for (const c of choices) {
    const config = { codec: c.webcodecs, width, height, bitrate: 4_000_000, framerate: VIDEO_FPS };
    const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
    if (support?.supported) return { ...c, config };
  }
  throw new Error('this browser cannot encode VP9 or VP8 video; choose GIF or PNG frames');
}

export async function webmSink(width: number, height: number): Promise<FrameSink> {
  if (!canEncodeVideo())
    throw new Error('this browser has no video encoder (WebCodecs); choose GIF or PNG frames');
  const codec = await videoCodec(width, height);
  const target = new ArrayBufferTarget();
  const muxer = new Muxer({
    target,
    video: { codec: codec.webm, width, height, frameRate: VIDEO_FPS },
  });
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    error: (e) => (failure = e),
  });
  encoder.configure(codec.config);
  const frameMicros = 1e6 / VIDEO_FPS;
  return {
    fps: VIDEO_FPS,
    extension: 'webm',
    async add(canvas, k) {
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round(k * frameMicros),
        duration: Math.round(frameMicros),
      });
      // A key frame every 2 s, so that a player can seek.
      encoder.encode(frame, { keyFrame: k % (2 * VIDEO_FPS) === 0 });
      frame.close();
      while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 1));
    },
    async finish() {
      await encoder.flush();
      encoder.close();
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      muxer.finalize();
      return new Blob([target.buffer], { type: 'video/webm' });
    },
  };
}

export function gifSink(width: number): FrameSink {
  const gif = GIFEncoder();
  const scale = Math.min(1, GIF_MAX_WIDTH / width);
  const small = document.createElement('canvas');
  return {
    fps: GIF_FPS,
    extension: 'gif',
    add(canvas) {
      small.width = Math.round(canvas.width * scale);
      small.height = Math.round(canvas.height * scale);
      const ctx = small.getContext('2d', { willReadFrequently: true });
      if (!ctx) throw new Error('no 2-D canvas for the GIF frames');
      ctx.drawImage(canvas, 0, 0, small.width, small.height);
      const rgba = ctx.getImageData(0, 0, small.width, small.height).data;
      const palette = quantize(rgba, 256);
      gif.writeFrame(applyPalette(rgba, palette), small.width, small.height, {
        palette,
        delay: 1000 / GIF_FPS,
      });
      return Promise.resolve();
    },
    finish() {
      gif.finish();
      return Promise.resolve(new Blob([gif.bytes().slice()], { type: 'image/gif' }));
    },
  };
}

export function pngSink(): FrameSink {
  const entries: ZipEntry[] = [];
  return {
    fps: VIDEO_FPS,
    extension: 'zip',
    async add(canvas, k) {
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
          'image/png',
        ),
      );
      entries.push({
        name: `frame-${String(k + 1).padStart(4, '0')}.png`,
        data: new Uint8Array(await blob.arrayBuffer()),
      });
    },
    finish() {
      return Promise.resolve(new Blob([zipStore(entries).slice()], { type: 'application/zip' }));
    },
  };
}
