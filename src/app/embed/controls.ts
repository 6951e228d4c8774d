/**
 * The controls a link can hide (`hide=panel,export,…`) and what `embed=1` hides by itself, for an
 * iframe in slides or a blog. Pure: the URL codec (appKeys.ts) and the app both read it.
 */
import { echo } from '../../core/echo';
import type { AppKey } from '../keyKinds';

/** Every control `hide=` can name, in the order a link writes them. */
export const HIDEABLE = [
  'header',
  'panel',
  'runcontrols',
  'params',
  'status',
  'export',
  'maximise',
  'tabs',
  'legend',
  'notes',
] as const;
export type Hideable = (typeof HIDEABLE)[number];

/** What embed=1 hides: the chrome around the views. */
export const EMBED_HIDES: readonly Hideable[] = ['header', 'panel', 'status'];

const isHideable = (name: string): name is Hideable =>
  (HIDEABLE as readonly string[]).includes(name);

/** The `hide` key: a comma list of HIDEABLE names; an unknown name is reported and skipped. */
export const hideKey: AppKey<readonly Hideable[]> = {
  url: 'hide',
  default: () => [],
  parse(raw, _c, report) {
    const names = raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const unknown = names.filter((s) => !isHideable(s));
    if (unknown.length > 0)
      report(
        'rejected',
        `hide: ${echo(unknown.map((s) => `'${s}'`).join(', '))} ${unknown.length > 1 ? 'are not controls' : 'is not a control'}; it takes a comma list of ${HIDEABLE.join(', ')}`,
      );
    return HIDEABLE.filter((h) => names.includes(h));
  },
  write: (v) => (v.length > 0 ? HIDEABLE.filter((h) => v.includes(h)).join(',') : null),
};

/** The controls hidden by these settings: the hide list, and the chrome when embedded. */
export function hiddenControls(s: { embed: boolean; hide: readonly Hideable[] }): Set<Hideable> {
  return new Set<Hideable>([...s.hide, ...(s.embed ? EMBED_HIDES : [])]);
}

/** The link of the full app from an embedded one: the same state without embed and hide. */
export function openInMacroscopeHref(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  url.searchParams.delete('hide');
  return url.toString();
}
