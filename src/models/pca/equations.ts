/**
 * Spiked tensor PCA's equations as the code integrates them (ode.ts, sgd.ts; docs/models/pca.md):
 * the effective dynamics (3.1) with the §7 ridge, and the SGD step on the loss of Section 3.
 */
import type { ModelEquations } from '../../core/equations';

const SOURCE = 'Ben Arous–Gheissari–Jagannath';

const equations: ModelEquations = {
  ode: {
    title: 'Effective dynamics of (m, r⊥²)',
    source: `${SOURCE}, (3.1) of Prop. 3.1, with the ridge of §7`,
    equations: [
      {
        number: '(3.1)',
        tex: String.raw`\begin{aligned}
\dot m &= 2m\,\big({{k}}{{lambda}}\, m^{{{k}} - 2} - {{k}}\, R^{2({{k}} - 1)}\big) - {{alpha}}\, m\\
\dot r_\perp^2 &= -4{{k}}\, R^{2({{k}} - 1)}\,\big(r_\perp^2 - {{cdelta}}\big) - 2{{alpha}}\, r_\perp^2,
\qquad R^2 = m^2 + r_\perp^2
\end{aligned}`,
        note: 'The ridge terms follow Appendix 7’s own f_m and f_{r²}; its printed ODE has −2αm.',
      },
    ],
  },
  sgd: {
    title: 'Online SGD, a fresh tensor Y per step, step δ = cδ/n',
    source: `${SOURCE}, Section 3`,
    equations: [
      {
        number: '§3',
        tex: String.raw`\begin{aligned}
x &\leftarrow x - \frac{{{cdelta}}}{{{n}}}\Big(\nabla L(x; Y) + {{alpha}}\, x\Big), \qquad Y = {{lambda}}\, v^{\otimes {{k}}} + W\\
\nabla L &= -2{{k}}{{lambda}}\, m^{{{k}} - 1}\, v - 2G + 2{{k}}\, \|x\|^{2{{k}} - 2}\, x, \qquad
G = \textstyle\sum_{\text{slots}} W(x, \dots, \cdot, \dots, x)
\end{aligned}`,
      },
    ],
  },
};

/** The same equations at every parameter value (λ is λ_n = Λ n^{(k−2)/2} with scaling=tensor). */
export function pcaEquations(): ModelEquations {
  return equations;
}
