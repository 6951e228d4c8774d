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

/**
 * Observables whose names are words or spelled-out Greek, with their symbols. Unicode has no subscript g, so ε_g is
 * written εg (docs/architecture.md, "Typeset names").
 */
const NAMED: Record<string, string> = {
  epsg: 'εg',
  beta: 'β',
  // XOR's ring offsets ‖(μ₁, μ₂)‖ − √Cα and ‖(ν₃, ν₄)‖ − √Cα (Prop. 4.3).
  dmu: 'Δμ',
  dnu: 'Δν',
};

/** Greek letters spelled out in keys: XOR's mu1 (m₁ along μ) → μ₁, nu1 → ν₁. */
const GREEK: Record<string, string> = { mu: 'μ', nu: 'ν', rho: 'ρ', gamma: 'γ', eta: 'η' };

/** A series' display name from its key: P12 → P₁₂, cosP12 → cos P₁₂, mu1 → μ₁, epsg → εg. */
export function formatSeries(name: string): string {
  const named = NAMED[name];
  if (named) return named;
  const cos = name.startsWith('cos') && name.length > 3;
  const body = cos ? name.slice(3) : name;
  const greek = /^([a-z]+)(\d+)$/.exec(body);
  const base = greek && GREEK[greek[1] ?? ''] ? `${GREEK[greek[1] ?? '']}${greek[2]}` : body;
  const withSubs = base.replace(/\d/g, (d) => SUBSCRIPT[Number(d)] ?? d);
  return cos ? `cos ${withSubs}` : withSubs;
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
