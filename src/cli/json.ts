/** What the CLI's commands share: the bad-input error, flag readers and JSON-safe numbers. */
import type { Params } from '../core/params';
import { series, type Trajectory } from '../core/run';

/** Bad input: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export function intFlag(
  flags: Record<string, string>,
  name: string,
  dflt: number,
  min: number,
  max: number,
): number {
  const raw = flags[name];
  if (raw === undefined) return dflt;
  const x = Number(raw);
  if (!Number.isInteger(x) || x < min || x > max) {
    throw new UsageError(`--${name} must be an integer in [${min}, ${max}]; got ${raw}`);
  }
  return x;
}

export function positiveFlag(flags: Record<string, string>, name: string): number | undefined {
  const raw = flags[name];
  if (raw === undefined) return undefined;
  const x = Number(raw);
  if (!(x > 0 && x < 1)) throw new UsageError(`--${name} must be in (0, 1); got ${raw}`);
  return x;
}

/** Numbers for JSON: ±∞ and NaN are not JSON, so they become strings. */
export function jsonNumber(x: number): number | string {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return 'nan';
  return x > 0 ? 'inf' : '-inf';
}

export function paramsJson(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'number' ? jsonNumber(v) : Array.isArray(v) ? v.map(jsonNumber) : v;
  }
  return out;
}

export function seriesJson(traj: Trajectory): Record<string, (number | string)[]> {
  const out: Record<string, (number | string)[]> = {};
  for (const name of traj.names) out[name] = Array.from(series(traj, name), jsonNumber);
  return out;
}

/** JSON.stringify escapes U+0000–U+001F; DEL and the C1 controls are escaped here too. */
export function jsonSafe(json: string): string {
  let out = '';
  for (const c of json) {
    const code = c.charCodeAt(0);
    out += code >= 0x7f && code <= 0x9f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}
