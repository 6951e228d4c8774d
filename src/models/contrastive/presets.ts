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
// Supplement S-IV B (Figs. 7–9): two features, σ = x², no noise; τ/m as in Fig. 3 (not printed).
const twoFeatures = 'd1=2&sigma=square&tau=0.05&batch=10&eta=0&noiseCorr=0&n=2000&seed=1&T=300';
// Fig. 11(b): ReLU with anti-correlated noise; the law is not printed: m₂ = 1, m₄ = 5 as Fig. 10.
const fig11b =
  'd1=1&sigma=relu&c1=sparse:5,0.2&tau=0.05&batch=10&noiseCorr=-1&q0=0.55&n=2000&seed=1&T=300';

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
    view: 'tab=rate',
  },
  {
    id: 'fig3',
    title: 'Feature selection',
    figure: 'Fig. 3',
    description:
      'Two features: Gaussian m₂ = 1.2 and sparse m₂ = 1.1, m₄ = 6.05, m₆ = 33.28; stable states on the axes only, attraction regions shaded (log axes: the boundary goes like ∛Q₁).',
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
      'm₂ = 1, m₄ = 5: the settled cosine against η for ργ = 0 falls monotonically; the recovery state is lost near η ≈ 0.23.',
    state: `${fig4}&eta=0.1&noiseCorr=0`,
    view: 'tab=scan&sc=fig4-independent&runs=4',
  },
  {
    id: 'fig4-anticorrelated',
    title: 'Anti-correlated augmentation noise',
    figure: 'Fig. 4',
    description:
      'γ⁽²⁾ = −γ⁽¹⁾: the settled cosine rises above the noise-free 0.842 up to ≈ 0.862 at η ≈ 0.44, and the recovery state is lost near η ≈ 0.99.',
    state: `${fig4}&eta=0.44&noiseCorr=-1`,
    view: 'tab=scan&sc=fig4-anticorrelated&runs=4',
  },
  {
    id: 'fig6a-m09',
    title: 'h(Q) for m₂ = 0.9',
    figure: 'Fig. 6(a)',
    description: 'm₂ = 0.9: Q = 0 is the only zero of h(Q), and stable.',
    state: `${fig2}&c1=sparse:4.5,0.2&q0=0.55`,
    view: 'view=rate',
  },
  {
    id: 'fig6a-m10',
    title: 'h(Q) for m₂ = 1.0',
    figure: 'Fig. 6(a)',
    description: 'm₂ = 1: stable zeros at Q = 0 and near Q = 1 (0.71), a saddle between (0.17).',
    state: `${fig2}&c1=sparse:5,0.2&q0=0.55`,
    view: 'view=rate',
  },
  {
    id: 'fig6a-m11',
    title: 'h(Q) for m₂ = 1.1',
    figure: 'Fig. 6(a)',
    description: 'm₂ = 1.1 > m₂* = 1.09: Q = 0 is unstable, the recovery state stable.',
    state: `${fig2}&c1=sparse:5.5,0.2&q0=0.55`,
    view: 'view=rate',
  },
  {
    id: 'fig7-symmetric',
    title: 'Field, two N(0, 1.1) features',
    figure: 'Fig. 7(a–c), 8(c)',
    description:
      'Identical Gaussian features: the field depends on Q₁ + Q₂ only; the stable set is the line Q₁ + Q₂ = 0.454, not four points.',
    state: `${twoFeatures}&c1=gauss:1.1&c2=gauss:1.1&q0=0.2,0.1`,
    view: 'view=portrait&vf=1&runs=4',
  },
  {
    id: 'fig7-asymmetric',
    title: 'Field, Gaussian vs three-point',
    figure: 'Fig. 7(d–f)',
    description:
      'c₁ ~ N(0, 1.2), c₂ three-point with m₂ = 1.1, m₄ = 6.05, m₆ = 33.275: stable states on the axes only.',
    state: `${twoFeatures}&c1=gauss:1.2&c2=sparse:5.5,0.2&q0=0.1,0.1`,
    view: 'view=portrait&vf=1&runs=4',
  },
  {
    id: 'fig8ab',
    title: 'Two N(0, 1) features',
    figure: 'Fig. 8(a–b)',
    description:
      'm₂ = 1, m₄ = 3, m₆ = 15 is the noise’s own law: no signal, Q = 0 the only fixed point (the paper draws four).',
    state: `${twoFeatures}&c1=gauss:1&c2=gauss:1&q0=0.3,0.2`,
    view: 'view=portrait&runs=4',
  },
  {
    id: 'fig8c',
    title: 'Two N(0, 1.1) features',
    figure: 'Fig. 8(c)',
    description:
      'Q = 0 unstable; Q₁/Q₂ is conserved and the runs end on the stable line Q₁ + Q₂ = 0.454 at their starting ratio, not at (1, 0) or (0, 1).',
    state: `${twoFeatures}&c1=gauss:1.1&c2=gauss:1.1&q0=0.2,0.1`,
    view: 'view=portrait&runs=4',
  },
  {
    id: 'fig9a',
    title: 'N(0, 1.1) vs three-point m₂ = 1',
    figure: 'Fig. 9(a)',
    description:
      'c₂: m₂ = 1, m₄ = 5, m₆ = 25. Q = 0 and the mixed point unstable, stable states on both axes (Q₁ = 0.45, Q₂ = 0.86), and a saddle at Q₂ = 0.08.',
    state: `${twoFeatures}&c1=gauss:1.1&c2=sparse:5,0.2&q0=0.1,0.1`,
    view: 'view=portrait&att=1&lg=1&runs=4',
  },
  {
    id: 'fig9b',
    title: 'N(0, 1.2) vs three-point m₂ = 1.1',
    figure: 'Fig. 9(b)',
    description: 'Fig. 3’s setting: stable states on the axes, the mixed point unstable.',
    state: `${twoFeatures}&c1=gauss:1.2&c2=sparse:5.5,0.2&q0=0.1,0.1`,
    view: 'view=portrait&att=1&lg=1&runs=4',
  },
  {
    id: 'fig10a-eta01',
    title: 'h(Q), independent noise η = 0.1',
    figure: 'Fig. 10(a)',
    description: 'm₂ = 1, m₄ = 5, independent γ: the recovery state is still there at η = 0.1.',
    state: `${fig4}&eta=0.1&noiseCorr=0`,
    view: 'view=rate',
  },
  {
    id: 'fig10a-eta03',
    title: 'h(Q), independent noise η = 0.3',
    figure: 'Fig. 10(a)',
    description: 'Past η ≈ 0.23 (the paper: 0.2) the recovery state is gone: only Q = 0.',
    state: `${fig4}&eta=0.3&noiseCorr=0`,
    view: 'view=rate',
  },
  {
    id: 'fig10b',
    title: 'h(Q), anti-correlated noise η = 0.44',
    figure: 'Fig. 10(b)',
    description:
      'γ⁽²⁾ = −γ⁽¹⁾: h(Q) is raised (S-56) and the recovery state moves up, to its best near η ≈ 0.44.',
    state: `${fig4}&eta=0.44&noiseCorr=-1`,
    view: 'view=rate',
  },
  {
    id: 'fig11b-eta0',
    title: 'ReLU, no noise',
    figure: 'Fig. 11(b)',
    description: 'ReLU, m₂ = 1, m₄ = 5 (our choice of law), τ/m = 0.005: only Q = 0, stable.',
    state: `${fig11b}&eta=0`,
    view: 'view=rate',
  },
  {
    id: 'fig11b-eta03',
    title: 'ReLU, anti-correlated noise η = 0.3',
    figure: 'Fig. 11(b)',
    description:
      'With anti-correlated noise a recovery state near Q = 1 appears; its basin grows with η (saddle 0.11 at η = 0.3, 0.05 at η = 1).',
    state: `${fig11b}&eta=0.3`,
    view: 'view=rate',
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
    id: 'threshold-bifurcation',
    title: 'Learnability threshold by continuation',
    figure: 'Prop. 3, by continuation',
    description:
      'σ = x², τ/m = 0.01: Q = 0 continued in m₂ loses stability at the branch point m₂* = 1 + 10τ/m = 1.1, where the learned branch leaves it; SGD at m₂ = 1.2 sits on that branch.',
    state:
      'd1=1&sigma=square&c1=gauss:1.2&tau=0.08&batch=8&eta=0&noiseCorr=0&q0=0.3&n=2000&seed=1&T=100',
    view: 'tab=bifurcation&ba=m2:0.6:1.6&runs=8',
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
