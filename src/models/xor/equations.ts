/**
 * The XOR mixture's equations as the code integrates them (ode.ts, finiteOde.ts, sgd.ts;
 * docs/models/xor.md): Prop. 9.2 at λ = ∞ with its ṁν line corrected, Prop. 9.1 at finite λ.
 */
import type { EquationSet, ModelEquations } from '../../core/equations';

const SOURCE = 'Ben Arous–Gheissari–Jagannath';

const limitOde: EquationSet = {
  title: 'Effective dynamics of (v, mμ, mν) at λ = ∞, i = 1 … K',
  source: `${SOURCE}, Prop. 9.2 (Section 5)`,
  equations: [
    {
      number: 'Prop. 9.2',
      tex: String.raw`\begin{aligned}
\dot v_i &= \tfrac14\big(m^\mu_i F^\mu_i - m^\nu_i F^\nu_i\big) - {{alpha}}\, v_i, \qquad
\dot m^\mu_i = \tfrac14 v_i F^\mu_i - {{alpha}}\, m^\mu_i, \qquad
\dot m^\nu_i = -\tfrac14 v_i F^\nu_i - {{alpha}}\, m^\nu_i\\
F^\mu_i &= \mathbf 1\{m^\mu_i \ge 0\}\, \sigma\big(-v \cdot g(m^\mu)\big) - \mathbf 1\{m^\mu_i \le 0\}\, \sigma\big(-v \cdot g(-m^\mu)\big)\\
F^\nu_i &= \mathbf 1\{m^\nu_i \ge 0\}\, \sigma\big(v \cdot g(m^\nu)\big) - \mathbf 1\{m^\nu_i \le 0\}\, \sigma\big(v \cdot g(-m^\nu)\big),
\qquad i = 1, \dots, {{K}}
\end{aligned}`,
      note: 'Prop. 9.2 prints σ(−v·g(±mν)) in the ṁν line; the ν classes have y = 0, so their error is σ(+v·g(±mν)).',
    },
  ],
};

const finiteOde: EquationSet = {
  title: 'Effective dynamics of (v, mμ, mν, R⊥) at finite λ',
  source: `${SOURCE}, Prop. 9.1`,
  equations: [
    {
      number: 'Prop. 9.1',
      tex: String.raw`\begin{aligned}
\dot v_i &= -\big(m^\mu_i A^\mu_i + m^\nu_i A^\nu_i + A^\perp_{ii}\big) - {{alpha}}\, v_i, \qquad
\dot m^\iota_i = -v_i A^\iota_i - {{alpha}}\, m^\iota_i \quad (\iota = \mu, \nu)\\
\dot R^\perp_{ij} &= -\big(v_i A^\perp_{ij} + v_j A^\perp_{ji}\big) - 2{{alpha}}\, R^\perp_{ij} + \frac{{{cdelta}}}{{{lambda}}}\, v_i v_j B_{ij}\\
A_i &= \mathbb E\big[X\, \mathbf 1\{W_i \cdot X \ge 0\}\, e\big], \quad
A^\iota_i = \iota \cdot A_i, \quad A^\perp_{ij} = W_j^\perp \cdot A_i, \quad
B_{ij} = \mathbb E\big[\mathbf 1_i \mathbf 1_j\, e^2\big]
\end{aligned}`,
    },
  ],
};

const sgd: EquationSet = {
  title: 'Online SGD, one fresh (y, X) per step, step δ = cδ/N',
  source: `${SOURCE}, the loss (9.1)`,
  equations: [
    {
      number: '(9.1)',
      tex: String.raw`\begin{aligned}
v_i &\leftarrow v_i - \frac{{{cdelta}}}{{{n}}}\big(g(W_i \cdot X)\, e + {{alpha}}\, v_i\big), \qquad
W_i \leftarrow W_i - \frac{{{cdelta}}}{{{n}}}\big(v_i\, e\, \mathbf 1\{W_i \cdot X \ge 0\}\, X + {{alpha}}\, W_i\big)\\
X &\sim \mathcal N\big(\pm\mu \text{ (}y = 1\text{) or } \pm\nu \text{ (}y = 0\text{)},\ I_N/{{lambda}}\big), \quad
e = \sigma\big(v \cdot g(WX)\big) - y, \quad g = \mathrm{ReLU}
\end{aligned}`,
    },
  ],
};

/** Prop. 9.1 when the state carries R⊥ (finite λ, K ≤ 4: `finite`), Prop. 9.2 otherwise. */
export function xorEquations(finite: boolean): ModelEquations {
  return { ode: finite ? finiteOde : limitOde, sgd };
}
