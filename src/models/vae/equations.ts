/**
 * The linear β-VAE's equations as the code integrates them (ode.ts, sgd.ts; docs/models/vae.md):
 * the ODE (18)-(23) in the corrected matrix form, and the SGD steps (25)-(27).
 */
import type { ModelEquations } from '../../core/equations';

const SOURCE = 'Ichikawa–Hukushima';

const equations: ModelEquations = {
  ode: {
    title: 'Macroscopic ODE (corrected matrix form)',
    source: `${SOURCE}, (18)–(23)`,
    equations: [
      { number: '(18)', tex: String.raw`\dot m = -{{tauW}}\,\big(A m + \Lambda m - Y\big)` },
      {
        number: '(19)',
        tex: String.raw`\dot d = -{{tauV}}\,\big(\tilde Q Y - Z + {{lambda}}\, d\big)`,
      },
      {
        number: '(20)',
        tex: String.raw`\dot Q = -{{tauW}}\,\big(A Q + Q A + \Lambda Q + Q \Lambda - C - C^\top\big) + {{eta}}{{tauW}}^2 A`,
      },
      {
        number: '(21)',
        tex: String.raw`\dot E = -{{tauV}}\,\big(\tilde Q A + A \tilde Q - C - C^\top + 2{{lambda}}\, E\big) + {{eta}}{{tauV}}^2\big(\tilde Q A \tilde Q - \tilde Q C - C^\top \tilde Q + B\big)`,
        note: '(21) misplaces β in the τV² group.',
      },
      {
        number: '(22)',
        tex: String.raw`\dot R = -{{tauW}}\,\big(A R + \Lambda R - A\big) - {{tauV}}\,\big(C^\top \tilde Q - B + {{lambda}}\, R\big) - {{eta}}{{tauW}}{{tauV}}\,\big(A \tilde Q - C\big)`,
        note: '(22)’s τWτV term has the wrong sign and lacks η.',
      },
      {
        number: '(23)',
        tex: String.raw`\dot D_m = \tfrac12 {{tauD}}\,\Big(\frac{{{beta}}}{D_m} - Q_{mm} - {{beta}}\Big)`,
        note: '(23) lacks the ½ that (27) and the eigenvalue −β/2 of Appendix C.1 need.',
      },
      {
        number: '',
        tex: String.raw`\begin{aligned}
A &= {{rho}}\, d d^\top + {{eta}}\, E, \quad C = {{rho}}\, d m^\top + {{eta}}\, R^\top, \quad B = {{rho}}\, m m^\top + {{eta}}\, Q,\\
Y &= ({{rho}} + {{eta}})\, d, \quad Z = ({{rho}} + {{eta}})\, m, \quad \tilde Q = Q + {{beta}}\, I, \quad \Lambda = \operatorname{diag}(D) + {{lambda}}\, I
\end{aligned}`,
      },
    ],
  },
  sgd: {
    title: 'Online SGD, one fresh sample per step',
    source: `${SOURCE}, (25)–(27)`,
    equations: [
      {
        number: '(25)',
        tex: String.raw`W \leftarrow W + \frac{{{tauW}}}{{{n}}}\big[\sqrt N\, x\, y^\top - W y y^\top - W (D + {{lambda}})\big]`,
      },
      {
        number: '(26)',
        tex: String.raw`V \leftarrow V - \frac{{{tauV}}}{{{n}}}\big[\sqrt N\, x\, (Q y + {{beta}}\, y - y_W)^\top + {{lambda}}\, V\big]`,
      },
      {
        number: '(27)',
        tex: String.raw`D_m \leftarrow D_m - \frac{{{tauD}}}{2{{n}}}\Big(Q_{mm} + {{beta}} - \frac{{{beta}}}{D_m}\Big)`,
      },
      {
        number: '',
        tex: String.raw`x = \sqrt{{{rho}}/N}\; W^* c + \sqrt{{{eta}}}\; n, \qquad y = V^\top x/\sqrt N, \quad y_W = W^\top x/\sqrt N`,
      },
    ],
  },
};

/** The same equations at every parameter value (β(t) follows the annealing schedule). */
export function vaeEquations(): ModelEquations {
  return equations;
}
