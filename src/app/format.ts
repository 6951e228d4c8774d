import type { Model } from '../core/model';

/**
 * A parameter's symbol, or a derived axis's label (a scan or a bifurcation diagram may run over
 * one: the VAE's linear annealing rate γ = εN, the GAN's α = τ̃/τ), else the key.
 */
export function axisSymbol(model: Model, key: string): string {
  return (
    model.params.find((p) => p.key === key)?.symbol ??
    model.theory?.derivedAxes?.find((a) => a.key === key)?.label ??
    key
  );
}

/** Display names: P12 → P₁₂, cosP12 → cos P₁₂ (subscripts for indices). */
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** Observables whose names are words, with their symbols. */
const NAMED: Record<string, string> = { epsg: 'ε_g', beta: 'β' };

export function formatSeries(name: string): string {
  const named = NAMED[name];
  if (named) return named;
  const withSubs = name.replace(/\d/g, (d) => SUBSCRIPT[Number(d)] ?? d);
  return withSubs.startsWith('cos') ? `cos ${withSubs.slice(3)}` : withSubs;
}

/**
 * The time left of a run at `fraction` done after `elapsedMs`, as a short phrase, or '' while too
 * little is done to tell (below 2 %, or in the first half second).
 */
export function timeLeft(fraction: number, elapsedMs: number): string {
  if (!(fraction >= 0.02 && fraction < 1) || elapsedMs < 500) return '';
  const s = (elapsedMs * (1 - fraction)) / fraction / 1000;
  if (s < 1) return '· < 1 s left';
  if (s < 90) return `· ${Math.round(s)} s left`;
  return `· ${Math.round(s / 60)} min left`;
}
