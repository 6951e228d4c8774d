/**
 * Paper figures as state strings. Figs. 6–7: N = 500, α = 0.1, 100N steps (T = 100 at c_δ = 1)
 * from the paper's random start v ~ N(0, I₂), W_i ~ N(0, I_N/(λN)) (r₀ = 1/λ); the captions say
 * "various values of λ" without listing them, so 10, 100 and ∞ are our choice. Fig. 8: N = 250,
 * λ = 100, α = 0.1, near a point of the quarter-circle.
 */
import type { Preset } from '../../core/model';
import { cAlpha } from './params';

const fig67 = 'alpha=0.1&cdelta=1&init=random&sv=1&n=500&seed=1&T=100';
// A point of the quarter-circle v1² + v2² = C_0.1 = log 4 at 30°, v = m (Prop. 4.3's (a1, a2)).
const a = Math.sqrt(cAlpha(0.1));
const round = (x: number) => Number(x.toFixed(4));
const a1 = round(a * Math.cos(Math.PI / 6));
const a2 = round(a * Math.sin(Math.PI / 6));

export const gmmPresets: Preset[] = [
  {
    id: 'fig6-lambda100',
    title: 'End points, λ = 100',
    figure: 'Fig. 6',
    description:
      'Random starts: the sign of v1·v2 picks the optimal points ±(√Cα, −√Cα) or a quarter-circle.',
    state: `lambda=100&r0=0.01&${fig67}`,
    view: 'view=basins',
  },
  {
    id: 'fig6-lambda10',
    title: 'End points, λ = 10',
    figure: 'Fig. 6',
    description: 'Noisier data: the fixed points move off the λ = ∞ circle, the structure stays.',
    state: `lambda=10&r0=0.1&${fig67}`,
    view: 'view=basins',
  },
  {
    id: 'fig6-inf',
    title: 'End points, λ = ∞',
    figure: 'Fig. 6 (limit)',
    description: 'Noiseless data X = ±μ and the ODE of Prop. 4.2.',
    state: `lambda=inf&r0=0&${fig67}`,
    view: 'view=basins',
  },
  {
    id: 'fig7',
    title: 'Fraction in the optimal basin',
    figure: 'Fig. 7',
    description: 'The fraction of runs ending with m1·m2 < 0 against the predicted ½.',
    state: `lambda=100&r0=0.01&${fig67}`,
    view: 'view=basins',
  },
  {
    id: 'fig8',
    title: 'Near the quarter-circle',
    figure: 'Fig. 8',
    description:
      'Started on the quarter-circle: runs stay near it, with fluctuations of order 1/√N that are nearly rank one (Prop. 4.3).',
    state: `lambda=100&alpha=0.1&cdelta=1&init=given&v10=${a1}&v20=${a2}&m10=${a1}&m20=${a2}&r0=0&n=250&seed=1&T=100`,
    view: 'view=fluctuation&nr=64',
  },
  {
    id: 'fig8-inf',
    title: 'Near the quarter-circle, λ = ∞',
    figure: 'Fig. 8 (Prop. 4.3)',
    description:
      "Prop. 4.3's setting: the radial offset √N(‖m‖ − √Cα) against its OU law (drift sign corrected).",
    state: `lambda=inf&alpha=0.1&cdelta=1&init=given&v10=${a1}&v20=${a2}&m10=${a1}&m20=${a2}&r0=0&n=250&seed=1&T=50`,
    view: 'view=fluctuation&nr=64',
  },
];
