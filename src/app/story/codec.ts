/**
 * The story in a link (`story=`): a shipped story's id, or its JSON compressed with the
 * browser's CompressionStream('deflate-raw') and written in base64url after a 'z'. Decoding a
 * value someone else made never throws: a bad or hostile value gives a sentence, and the
 * inflated size is capped so that a small link cannot expand into a huge one.
 */
import { type Checked, checkStory, type Story, STORY_VERSION } from './story';

/** The most characters a story link may carry, and the most bytes it may inflate to. */
export const MAX_ENCODED_LENGTH = 24_000;
export const MAX_INFLATED_BYTES = 256_000;

const PREFIX = 'z';
const ENCODED = /^z[A-Za-z0-9_-]+$/;

/** True when `raw` looks like an encoded story (the shape only; decoding checks the rest). */
export function looksEncoded(raw: string): boolean {
  return raw.length <= MAX_ENCODED_LENGTH && ENCODED.test(raw);
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const s = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
  cap = 0,
) {
  const writer = stream.writable.getWriter();
  void writer.write(bytes).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (cap > 0 && size > cap) {
      void reader.cancel().catch(() => undefined);
      throw new RangeError('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The `story=` value of a story. */
export async function encodeStory(story: Story): Promise<string> {
  const json = JSON.stringify({ version: STORY_VERSION, ...story });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(packed);
}

/** The story a `story=` value holds, or a sentence saying why it cannot be read. */
export async function decodeStory(raw: string): Promise<Checked<Story>> {
  const bad = (why: string): Checked<Story> => ({
    ok: false,
    message: `the story in this link cannot be read (${why}); ask for a fresh link`,
  });
  if (!looksEncoded(raw)) return bad('it is not a story code');
  const bytes = fromBase64Url(raw.slice(PREFIX.length));
  if (!bytes) return bad('it is not base64url');
  let json: string;
  try {
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_INFLATED_BYTES);
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch (err) {
    return bad(
      err instanceof RangeError ? 'it inflates to more than a story holds' : 'it is damaged',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return bad('it holds no JSON');
  }
  const checked = checkStory(parsed);
  return checked.ok ? checked : bad(checked.message);
}
