/**
 * The two-layer GMM classifier's equations as the code integrates them (ode.ts, integrals.ts,
 * sgd.ts; docs/models/gmm.md): Prop. 4.1 at finite λ, Prop. 4.2 at λ = ∞, the SGD (8.3)-(8.4).
 */
import type { EquationSet, ModelEquations } from '../../core/equations';
import type { Params } from '../../core/params';

const SOURCE = 'Ben Arous–Gheissari–Jagannath';

const finiteOde: EquationSet = {
  title: 'Effective dynamics of (v, m, R⊥) at finite λ',
  source: `${SOURCE}, Prop. 4.1 with the integrals (4.3)`,
  equations: [
    {
      number: 'Prop. 4.1',
      tex: String.raw`\begin{aligned}
\dot v_i &= -\big(m_i A_i^\mu + A^\perp_{ii}\big) - {{alpha}}\, v_i, \qquad
\dot m_i = -v_i A_i^\mu - {{alpha}}\, m_i\\
\dot R^\perp_{ij} &= -\big(v_i A^\perp_{ij} + v_j A^\perp_{ji}\big) - 2{{alpha}}\, R^\perp_{ij} + \frac{{{cdelta}}}{{{lambda}}}\, v_i v_j B_{ij}
\end{aligned}`,
    },
    {
      number: '(4.3)',
      tex: String.raw`A_i = \mathbb E\big[X\, \mathbf 1\{W_i \cdot X \ge 0\}\, e\big], \quad
A_i^\mu = \mu \cdot A_i, \quad A^\perp_{ij} = W_j^\perp \cdot A_i, \quad
B_{ij} = \mathbb E\big[\mathbf 1_i \mathbf 1_j\, e^2\big], \quad e = \sigma\big(v \cdot g(WX)\big) - y`,
    },
  ],
};

const limitOde: EquationSet = {
  title: 'Effective dynamics at λ = ∞ (noiseless data X = ±μ)',
  source: `${SOURCE}, Prop. 4.2`,
  equations: [
    {
      number: 'Prop. 4.2',
      tex: String.raw`\begin{aligned}
\dot m_i &= \tfrac12 v_i\, \sigma(-v \cdot m) - {{alpha}}\, m_i, \qquad
\dot v_i = \tfrac12 m_i\, \sigma(-v \cdot m) - {{alpha}}\, v_i \qquad (m_1 m_2 > 0)\\
&\text{with } \sigma(-v_i m_i) \text{ in place of } \sigma(-v \cdot m) \text{ otherwise}, \qquad
\dot R^\perp = -2{{alpha}}\, R^\perp
\end{aligned}`,
    },
  ],
};

const sgd: EquationSet = {
  title: 'Online SGD, one fresh (y, X) per step, step δ = cδ/N',
  source: `${SOURCE}, (8.3)–(8.4) on the loss (4.1)`,
  equations: [
    {
      number: '(8.3)–(8.4)',
      tex: String.raw`\begin{aligned}
v_i &\leftarrow v_i - \frac{{{cdelta}}}{{{n}}}\big(g(W_i \cdot X)\, e + {{alpha}}\, v_i\big)\\
W_i &\leftarrow W_i - \frac{{{cdelta}}}{{{n}}}\big(v_i\, e\, \mathbf 1\{W_i \cdot X \ge 0\}\, X + {{alpha}}\, W_i\big)
\end{aligned}`,
    },
    {
      number: '',
      tex: String.raw`y \sim \mathrm{Ber}(\tfrac12), \quad X \sim \mathcal N\big((2y - 1)\mu,\ I_N/{{lambda}}\big), \quad
e = \sigma\big(v \cdot g(WX)\big) - y, \quad g = \mathrm{ReLU}`,
    },
  ],
};

/** Prop. 4.2 at λ = ∞, Prop. 4.1 otherwise (the same switch as gmmRhs). */
export function gmmEquations(p: Params): ModelEquations {
  return { ode: p.lambda === Number.POSITIVE_INFINITY ? limitOde : finiteOde, sgd };
}
