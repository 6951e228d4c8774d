/**
 * The URL keys of presentation mode and of a story's scenes, as rows of the app's one key table
 * (appKeys.ts): `present=1`, `show=` (which views show), `ctl=` (the sliders a scene keeps on
 * screen while presenting). Pure, unit-tested in Node.
 */
import { echo } from '../../core/echo';
import type { Model } from '../../core/model';
import { TABBED_VIEWS } from '../appKeys';
import type { AppKey, KeyContext } from '../keyKinds';
import { viewAvailable } from '../views/available';

/** The most views `show=` lists, and the most sliders `ctl=` keeps. */
export const MAX_SHOWN_VIEWS = 4;
export const MAX_CONTROLS = 4;

/**
 * The kinds of view a grid can hold, in the explorer's screen order (layout.ts gridViews); a
 * function, as appKeys.ts (which imports this file) defines TABBED_VIEWS.
 */
const gridOrder = () => ['trajectories', 'portrait', ...TABBED_VIEWS, 'diagram'];

/**
 * The views this model has, in screen order: the registry's own answer (views/available.ts,
 * free of React); present.test.ts checks it against the registry's gridViews.
 */
export function availableViews(model: Model): string[] {
  return gridOrder().filter((id) => viewAvailable(model, id));
}

/** The keys a slider can stand for: the model's numeric parameters and its aliases (η). */
export function controllableKeys(model: Model): string[] {
  return [
    ...(model.aliases ?? []).map((a) => a.key),
    ...model.params.filter((s) => s.kind === 'number' || s.kind === 'integer').map((s) => s.key),
  ];
}

/**
 * A comma list of names, each checked against `allowed(c)`: unknown names are dropped with one
 * notice naming them and what is allowed, repeats are dropped, at most `max` are kept.
 */
function nameList(
  url: string,
  what: string,
  max: number,
  allowed: (c: KeyContext) => string[],
): AppKey<string[] | null> {
  return {
    url,
    default: () => null,
    parse(raw, c, report) {
      const ok = allowed(c);
      const names = [
        ...new Set(
          raw
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const bad = names.filter((n) => !ok.includes(n));
      const kept = names.filter((n) => ok.includes(n));
      if (bad.length)
        report(
          'rejected',
          `${url}: ${echo(bad.join(', '))} ${bad.length === 1 ? 'is not' : 'are not'} ${what} of this model (${ok.join(', ')}); dropped`,
        );
      if (kept.length > max)
        report('clamped', `${url} lists at most ${max}; using ${kept.slice(0, max).join(',')}`);
      return kept.length ? kept.slice(0, max) : undefined;
    },
    write: (v) => (v && v.length ? v.join(',') : null),
  };
}

export const showKey = nameList('show', 'a view', MAX_SHOWN_VIEWS, (c) => availableViews(c.model));
export const controlsKey = nameList('ctl', 'a numeric parameter', MAX_CONTROLS, (c) =>
  controllableKeys(c.model),
);

/**
 * The views on show: `show=` when given (in its order), else, in presentation, the first two
 * of the model (trajectories and portrait); null: the explorer's usual grid.
 */
export function shownViews(
  model: Model,
  settings: { show: string[] | null; present: boolean },
): string[] | null {
  const available = availableViews(model);
  const listed = settings.show?.filter((id) => available.includes(id)) ?? [];
  if (listed.length) return listed;
  return settings.present ? available.slice(0, 2) : null;
}
