/**
 * Paper figures as state strings. The paper does not print τ or m; docs/models/contrastive.md says Fig. 2's
 * statements hold for τ/m between about 0.008 and 0.010 (ode.test.ts: 0.0085–0.0095, not 0.007
 * or 0.0105), so Figs. 2 and 4 use τ = 0.09, m = 10 (τ/m = 0.009). Fig. 3 uses τ/m = 0.005,
 * where the origin's rates are 0.18 and 0.06 and the basins' boundary goes like Q₁^{1/3}
 * (docs/models/contrastive.md's 0.076·Q₁^{1/3}). Laws: sparse with b = 0.2, α = m₂/b, as in Fig. 2.
 */
import type { Preset } from '../../core/model';

const fig2 = 'd1=1&sigma=square&tau=0.09&batch=10&eta=0&noiseCorr=0&n=2000&seed=1&T=100';
const fig3 =
  'd1=2&sigma=square&c1=gauss:1.2&c2=moments:1.1,6.05,33.28&tau=0.05&batch=10&eta=0&noiseCorr=0&n=2000&seed=1';
const fig4 = 'd1=1&sigma=square&c1=sparse:5,0.2&tau=0.09&batch=10&q0=0.95&n=2000&seed=1&T=100';

export const contrastivePresets: Preset[] = [
  {
    id: 'fig2a-m09',
    title: 'm₂ = 0.9: not learned',
    figure: 'Fig. 2(a)',
    description: 'From Q₀ ≈ 0.3, m₂ = 0.9 < 1: Q falls to 0, the only fixed point (τ/m = 0.009).',
    state: `${fig2}&c1=sparse:4.5,0.2&q0=0.55`,
    view: 'runs=8',
  },
  {
    id: 'fig2a-m10',
    title: 'm₂ = 1.0: bistable',
    figure: 'Fig. 2(a)',
    description:
      'From Q₀ ≈ 0.3, m₂ = 1: Q = 0 is stable (Prop. 3), but this start lies above the saddle and reaches the recovery state Q ≈ 0.71.',
    state: `${fig2}&c1=sparse:5,0.2&q0=0.55`,
    // Fig. 2(a) in one view: the ODE and SGD for m₂ = 0.9, 1.0, 1.1 (the derived axis m2).
    view: 'runs=8&ov=m2:0.9,1,1.1',
  },
  {
    id: 'fig2a-m11',
    title: 'm₂ = 1.1: learned',
    figure: 'Fig. 2(a)',
    description: 'm₂ = 1.1 > m₂* = 1 + 10τ/m = 1.09: Q = 0 is unstable and Q → 0.75.',
    state: `${fig2}&c1=sparse:5.5,0.2&q0=0.55`,
    view: 'runs=8',
  },
  {
    id: 'fig6b-m10-low',
    title: 'm₂ = 1.0 from Q₀ ≈ 0.1',
    figure: 'Fig. 6(b)',
    description: 'The same m₂ = 1 from below the saddle (Q ≈ 0.17): Q falls to 0.',
    state: `${fig2}&c1=sparse:5,0.2&q0=0.32`,
    view: 'runs=8',
  },
  {
    id: 'fig2b',
    title: 'h(Q) for m₂ = 1.0',
    figure: 'Fig. 2(b)',
    description:
      'The rate view: zeros of h(Q) = (dQ/dt)/τ at 0, the saddle ≈ 0.17 and the recovery state ≈ 0.71; try m₂ = 0.9 and 1.1 (c1=sparse:4.5,0.2 or 5.5,0.2).',
    state: `${fig2}&c1=sparse:5,0.2&q0=0.55`,
  },
  {
    id: 'fig3',
    title: 'Feature selection',
    figure: 'Fig. 3',
    description:
      'Two features: Gaussian m₂ = 1.2 and sparse m₂ = 1.1, m₄ = 6.05, m₆ = 33.28; stable states on the axes only, attraction regions shaded (log axes: the boundary goes like Q₁^{1/3}).',
    state: `${fig3}&q0=0.1,0.1&T=300`,
    view: 'view=portrait&att=1&lg=1&runs=4',
  },
  {
    id: 'fig3b',
    title: 'Feature selection in time',
    figure: 'Fig. 3(b)',
    description:
      'Q₁(t), Q₂(t) from Q₀ = (0.01, 0.0225): just above the boundary, feature 2 (smaller m₂, larger m₄) wins.',
    state: `${fig3}&q0=0.1,0.15&T=300`,
    view: 'runs=8',
  },
  {
    id: 'fig4-independent',
    title: 'Independent augmentation noise',
    figure: 'Fig. 4',
    description:
      'm₂ = 1, m₄ = 5: the settled cosine against η for ρ_γ = 0 falls monotonically; the recovery state is lost near η ≈ 0.23.',
    state: `${fig4}&eta=0.1&noiseCorr=0`,
    view: 'sc=fig4-independent&runs=4',
  },
  {
    id: 'fig4-anticorrelated',
    title: 'Anti-correlated augmentation noise',
    figure: 'Fig. 4',
    description:
      'γ^(2) = −γ^(1): the settled cosine rises above the noise-free 0.842 up to ≈ 0.862 at η ≈ 0.44, and the recovery state is lost near η ≈ 0.99.',
    state: `${fig4}&eta=0.44&noiseCorr=-1`,
    view: 'sc=fig4-anticorrelated&runs=4',
  },
  {
    id: 'relu',
    title: 'ReLU: m₂* = 1 + τ/m',
    figure: 'Fig. 11(a)',
    description:
      'ReLU without noise: only m₂ matters; the recovery state Q* = (ν − τ/m)/(ν(1 + τ/m)) is born at m₂* (here 1.1), with no bistable range.',
    state:
      'd1=1&sigma=relu&c1=gauss:1.2&tau=1&batch=10&eta=0&noiseCorr=0&q0=0.3&n=2000&seed=1&T=100',
    view: 'runs=8',
  },
  {
    id: 'diagram',
    title: 'Learnability in (m₂, τ/m)',
    figure: 'Prop. 3',
    description:
      'Learnable (Q = 0 unstable), learnable from an informed start only, or not learnable, with Proposition 3’s line m₂* = 1 + 10τ/m; Fig. 2’s three m₂ marked.',
    state: `${fig2}&c1=sparse:5,0.2&q0=0.55`,
    view: 'dn=40',
  },
];
