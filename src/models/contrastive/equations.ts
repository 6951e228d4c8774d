/**
 * The contrastive model's equations as the code integrates them (ode.ts, expectations.ts,
 * sgd.ts; docs/models/contrastive.md): (11) with (8) and (10), the sign of g corrected and
 * written with Stein's lemma, and the SGD step (4).
 */
import type { ModelEquations } from '../../core/equations';

const SOURCE = 'Meng–Wang';

const equations: ModelEquations = {
  ode: {
    title: 'Macroscopic ODE of the squared cosines Q_j = q_j²',
    source: `${SOURCE}, (11) with (8) and (10)`,
    equations: [
      {
        number: '(11)',
        tex: String.raw`\frac{dq_j}{dt} = {{tau}}\,\big\langle (c_j - q_j u)\, F \big\rangle - \tfrac12 q_j \Lambda, \qquad
\frac{dQ_j}{dt} = 2 q_j\, \frac{dq_j}{dt}, \qquad j = 1, \dots, {{d1}}`,
        note: '(10) prints g with the wrong overall sign for (11); used literally, nothing is learned.',
      },
      {
        number: '(8)',
        tex: String.raw`\Lambda = \frac{{{tau}}^2}{{{batch}}}\, \langle L \rangle, \qquad
L = (1 + {{eta}})(A^2 + B^2) + 2\big(1 + {{noiseCorr}}{{eta}}\big) A B`,
      },
      {
        number: '(10)',
        tex: String.raw`\begin{aligned}
A &= {{sigma}}(z_2)\, {{sigma}}'(z_1), \quad B = {{sigma}}(z_1)\, {{sigma}}'(z_2), \quad F = A + B, \quad
z_\ell = u + \xi_\ell, \quad u = c^\top q + \sqrt{1 - Q}\; e\\
\xi_\ell &\sim \mathcal N(0, {{eta}}), \quad \operatorname{corr}(\xi_1, \xi_2) = {{noiseCorr}}, \quad e \sim \mathcal N(0, 1), \quad Q = \textstyle\sum_j Q_j
\end{aligned}`,
      },
    ],
  },
  sgd: {
    title: 'Online SGD on a batch of m fresh pairs of views, then renormalised',
    source: `${SOURCE}, (4)`,
    equations: [
      {
        number: '(4)',
        tex: String.raw`\tilde w = w + \frac{{{tau}}}{{{batch}}\sqrt{{{n}}}} \sum_{b=1}^{{{batch}}} \Big[{{sigma}}(z_2)\, {{sigma}}'(z_1)\, x_b^{(1)} + {{sigma}}(z_1)\, {{sigma}}'(z_2)\, x_b^{(2)}\Big], \qquad
w \leftarrow \sqrt{{{n}}}\; \tilde w / \|\tilde w\|`,
      },
      {
        number: '',
        tex: String.raw`x = U c/\sqrt N + a, \qquad x^{(\ell)} = x + \gamma^{(\ell)}, \quad \gamma^{(\ell)}_i \sim \mathcal N(0, {{eta}}), \qquad z_\ell = w^\top x^{(\ell)}/\sqrt N`,
      },
    ],
  },
};

/** The same equations at every parameter value (σ and the feature laws enter through ⟨·⟩). */
export function contrastiveEquations(): ModelEquations {
  return equations;
}
