/**
 * Rows of the URL-key table (appKeys.ts) that check a value against the model, not only its
 * form: a view or tab the model has, and axis ranges within the parameter's bounds. A link may
 * hold anything; what reaches a view is always something it can draw.
 */
import { echo } from '../core/echo';
import type { Model, Notice } from '../core/model';
import type { DiagramAxis } from '../workers/protocol';
import type { ViewMode, ViewSettings } from './appKeys';
import type { AppKey, KeyContext } from './keyKinds';
import { availableViews, viewAvailable } from './views/available';
import { diagramAxes } from './views/diagram/axes';

type Report = (level: Notice['level'], message: string) => void;

/** The range a derived axis without a declared one is kept to, so that scales stay finite. */
export const DERIVED_AXIS_BOUND = 1e6;

/** A plain decimal number (no '', ' ', '0x10' or 'Infinity', which Number() would accept). */
export function strictNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

/** The keys a phase-diagram axis or an overlay may name: numeric parameters and derived axes. */
export function axisKeys(model: Model): string[] {
  return [
    ...model.params.filter((s) => s.kind === 'number').map((s) => s.key),
    ...(model.theory?.derivedAxes ?? []).map((a) => a.key),
  ];
}

/** The bounds of an axis: its parameter's [min, max], or a derived axis's declared range. */
export function axisBounds(model: Model, key: string): [number, number] {
  const spec = model.params.find((s) => s.key === key);
  if (spec?.kind === 'number') return [spec.min, spec.max];
  const derived = model.theory?.derivedAxes?.find((a) => a.key === key);
  return derived?.range ?? [-DERIVED_AXIS_BOUND, DERIVED_AXIS_BOUND];
}

/** A diagram or continuation axis `name:from:to`, its range clamped to the axis's bounds. */
export function diagramAxis(url: string): AppKey<DiagramAxis | null> {
  return {
    url,
    default: () => null,
    parse(raw, c, report) {
      const [param = '', from = '', to = '', ...rest] = raw.split(':');
      const a = strictNumber(from);
      const b = strictNumber(to);
      const keys = axisKeys(c.model);
      if (!keys.includes(param) || a === null || b === null || a === b || rest.length > 0) {
        report(
          'rejected',
          `${url} must look like name:from:to with name in ${keys.join(', ')}; got '${echo(raw)}', using the default`,
        );
        return undefined;
      }
      const [lo, hi] = axisBounds(c.model, param);
      const range = { from: Math.min(a, b), to: Math.max(a, b) };
      const clamped = {
        param,
        from: Math.min(hi, Math.max(lo, range.from)),
        to: Math.min(hi, Math.max(lo, range.to)),
      };
      if (clamped.from === clamped.to) {
        report(
          'rejected',
          `${url}: the range of ${param} must overlap [${lo}, ${hi}]; got '${echo(raw)}', using the default`,
        );
        return undefined;
      }
      if (clamped.from !== range.from || clamped.to !== range.to)
        report(
          'clamped',
          `${url}: the range of ${param} must lie in [${lo}, ${hi}]; got '${echo(raw)}', using ${param}:${clamped.from}:${clamped.to}`,
        );
      return clamped;
    },
    write: (v) => (v ? `${v.param}:${v.from}:${v.to}` : null),
  };
}

/** The notice for a view or tab the model lacks. */
function missingView(model: Model, what: string, raw: string, using: string, report: Report) {
  const has = availableViews(model).join(', ');
  report(
    'rejected',
    `${what}=${echo(raw)}: model ${model.id} has no ${echo(raw)} view (it has ${has}); ${using}`,
  );
}

/** The layout or the maximised view: one of VIEWS that this model has. */
export function viewKey(views: readonly ViewMode[]): AppKey<ViewMode> {
  const isView = (raw: string): raw is ViewMode => (views as readonly string[]).includes(raw);
  return {
    url: 'view',
    default: () => 'explorer',
    parse(raw, c, report) {
      if (!isView(raw)) {
        report(
          'rejected',
          `view must be one of ${views.join(', ')}; got '${echo(raw)}', using explorer`,
        );
        return undefined;
      }
      if (viewAvailable(c.model, raw)) return raw;
      missingView(c.model, 'view', raw, 'using the default layout', report);
      return undefined;
    },
    write: (v) => v,
  };
}

/** The view in front of the tabbed panel: one of `tabs` that this model has. */
export function tabKey(tabs: readonly string[]): AppKey<string | null> {
  return {
    url: 'tab',
    default: () => null,
    parse(raw, c, report) {
      if (!tabs.includes(raw)) {
        report('rejected', `tab must be one of ${tabs.join(', ')}; got '${echo(raw)}'`);
        return undefined;
      }
      if (viewAvailable(c.model, raw)) return raw;
      missingView(c.model, 'tab', raw, 'using its first tab', report);
      return undefined;
    },
    write: (v) => v,
  };
}

/**
 * Checks across keys, after each was parsed: a maximised phase diagram needs axes, the model's
 * default or the link's dx and dy (GMM and XOR have a theory but no default diagram), or it
 * would open empty.
 */
export function crossCheck(c: KeyContext, s: ViewSettings, notices: Notice[]): ViewSettings {
  if (s.view !== 'diagram' || diagramAxes(c.model, s) !== null) return s;
  notices.push({
    key: 'view',
    level: 'rejected',
    message: `view=diagram: model ${c.model.id} has no default phase diagram; give both dx and dy, using the default layout`,
  });
  return { ...s, view: 'explorer' };
}
