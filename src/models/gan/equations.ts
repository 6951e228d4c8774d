/**
 * The GAN's equations as the code integrates them (ode.ts, sgd.ts; docs/models/gan.md), for the
 * equations view: the reduced ODE (13)-(14) at λ = ∞, the general ODE (8)-(9) at finite λ with
 * h from (S-15), and the SGD steps (S-1)-(S-2) and their projected form.
 */
import type { EquationSet, ModelEquations } from '../../core/equations';
import type { Params } from '../../core/params';

const SOURCE = 'Wang–Hu–Lu (2019)';

const reducedOde: EquationSet = {
  title: 'Reduced ODE (λ = ∞, projected SGD)',
  source: `${SOURCE}, (13)–(14)`,
  equations: [
    {
      number: '(13)',
      tex: String.raw`\begin{aligned}
\frac{dP}{dt} &= {{taut}}\,\big(q\,r^\top {{LambdaT}} + P L\big)\\
\frac{dq}{dt} &= {{tau}}\,\big({{Lambda}}\, q - P {{LambdaT}}\, r + h\,q\big)\\
\frac{dr}{dt} &= {{tau}}\,\big(P^\top {{Lambda}}\, q - S {{LambdaT}}\, r + h\,r\big) + {{taut}}\,\big({{LambdaT}} + L\big)\,r\\
\frac{dS}{dt} &= {{taut}}\,\big(r r^\top {{LambdaT}} + {{LambdaT}}\, r r^\top + S L + L S\big)
\end{aligned}`,
    },
    {
      number: '(14)',
      tex: String.raw`\begin{aligned}
h &= \big(1 - \tfrac12 {{tau}}{{etaG}}\big)\, r^\top {{LambdaT}}\, r - \big(1 + \tfrac12 {{tau}}{{etaT}}\big)\, q^\top {{Lambda}}\, q - \tfrac12 {{tau}}\big({{etaG}}^2 + {{etaT}}^2\big)\\
L &= -\operatorname{diag}\big(r r^\top {{LambdaT}}\big), \qquad \operatorname{diag} S \equiv 1,\ z \equiv 1
\end{aligned}`,
    },
  ],
};

const generalOde: EquationSet = {
  title: 'General ODE (finite λ), Example 1: f(x) = x, H(x) = log cosh(x − 1)',
  source: `${SOURCE}, (8)–(9) with h from (S-15)`,
  equations: [
    {
      number: '(8)',
      tex: String.raw`\begin{aligned}
\frac{dP}{dt} &= {{taut}}\,\big(q\,\tilde g^\top + P L\big), \qquad
\frac{dq}{dt} = {{tau}}\,\big(g - P\tilde g + q\,h\big)\\
\frac{dr}{dt} &= {{tau}}\,\big(P^\top g - S\tilde g + r\,h\big) + {{taut}}\,\big(z\,\tilde g + L r\big)\\
\frac{dS}{dt} &= {{taut}}\,\big(r\tilde g^\top + \tilde g r^\top + S L + L S\big), \qquad
\frac{dz}{dt} = 2{{tau}}\,\big(q^\top g - r^\top \tilde g + z\,h\big) + {{tau}}^2 b
\end{aligned}`,
    },
    {
      number: '(9)',
      tex: String.raw`\begin{aligned}
g &= \langle c\, f(x)\rangle = {{Lambda}}\, q\,\langle f'(x)\rangle, \qquad
\tilde g = {{LambdaT}}\, r\,\langle f'(\tilde x)\rangle, \qquad
b = {{etaT}}\langle f^2(x)\rangle + {{etaG}}\langle f^2(\tilde x)\rangle\\
L &= -{{lambda}}\operatorname{diag}\big(H'(S_{\ell\ell})\big), \qquad
x = c^\top q + e\sqrt{{{etaT}}\, z}, \quad \tilde x = \tilde c^\top r + e\sqrt{{{etaG}}\, z}
\end{aligned}`,
    },
    {
      number: '(S-15)',
      tex: String.raw`h = {{etaT}}\langle f'(x)\rangle - {{etaG}}\langle f'(\tilde x)\rangle - {{lambda}}\, H'(z), \qquad H'(x) = \tanh(x - 1)`,
      note: '(9) prints h without the factors ηT and ηG; they cancel only when ηT = ηG (docs/models/gan.md).',
    },
  ],
};

const data = {
  number: '(1)–(2)',
  tex: String.raw`y = U c + \sqrt{{{etaT}}}\, a, \quad c \sim \mathcal N(0, {{Lambda}}); \qquad \tilde y = V \tilde c + \sqrt{{{etaG}}}\, \tilde a, \quad \tilde c \sim \mathcal N(0, {{LambdaT}})`,
};

const projectedSgd: EquationSet = {
  title: 'Projected SGD, one fresh real and fake sample per step',
  source: `${SOURCE}, (5) at λ = ∞: each step projected back to unit norms`,
  equations: [
    {
      number: '(5)',
      tex: String.raw`\begin{aligned}
w &\leftarrow \operatorname{normalise}\Big(w + \frac{{{tau}}}{{{n}}}\big[y\,(y^\top w) - \tilde y\,(\tilde y^\top w)\big]\Big)\\
V &\leftarrow \operatorname{normalise\,columns}\Big(V + \frac{{{taut}}}{{{n}}}\,(\tilde y'^\top w)\; w\, \tilde c'^\top\Big)
\end{aligned}`,
    },
    data,
  ],
};

const sgda: EquationSet = {
  title: 'SGDA, one fresh real and fake sample per step',
  source: `${SOURCE}, (S-1)–(S-2)`,
  equations: [
    {
      number: '(S-1)–(S-2)',
      tex: String.raw`\begin{aligned}
w &\leftarrow w + \frac{{{tau}}}{{{n}}}\big[y\,(y^\top w) - \tilde y\,(\tilde y^\top w) - {{lambda}}\, H'(w^\top w)\, w\big]\\
V &\leftarrow V + \frac{{{taut}}}{{{n}}}\big[(\tilde y'^\top w)\; w\, \tilde c'^\top - {{lambda}}\, V \operatorname{diag}\big(H'(V_\ell^\top V_\ell)\big)\big]
\end{aligned}`,
    },
    data,
  ],
};

/** The equations for these parameters: λ = ∞ is the projected dynamics. */
export function ganEquations(p: Params): ModelEquations {
  return p.lambda === Number.POSITIVE_INFINITY
    ? { ode: reducedOde, sgd: projectedSgd }
    : { ode: generalOde, sgd: sgda };
}
