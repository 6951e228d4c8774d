/**
 * The URL keys of a story (rows of appKeys.ts's table): `story=` names a shipped story by its
 * id or carries an encoded one (codec.ts; its content is checked when it is decoded, which is
 * asynchronous), and `scene=` says which scene is on show, from 1.
 */
import { echo } from '../../core/echo';
import type { AppKey } from '../keyKinds';
import { looksEncoded } from './codec';
import { SHIPPED_STORIES } from './stories';
import { MAX_SCENES } from './story';

export const storyKey: AppKey<string | null> = {
  url: 'story',
  default: () => null,
  parse(raw, _c, report) {
    if (SHIPPED_STORIES.some((s) => s.id === raw) || looksEncoded(raw)) return raw;
    const ids = SHIPPED_STORIES.map((s) => s.id).join(', ');
    report(
      'rejected',
      `story must be a shipped story (${ids}) or a story code from "Copy story link"; got '${raw.slice(0, 40)}${raw.length > 40 ? '…' : ''}'`,
    );
    return undefined;
  },
  write: (v) => v,
};

export const sceneKey: AppKey<number | null> = {
  url: 'scene',
  default: () => null,
  parse(raw, _c, report) {
    const k = Number(raw);
    if (Number.isInteger(k) && k >= 1 && k <= MAX_SCENES) return k;
    report('rejected', `scene must be an integer in 1..${MAX_SCENES}; got '${echo(raw)}', using 1`);
    return undefined;
  },
  write: (v) => (v === null ? null : String(v)),
};
