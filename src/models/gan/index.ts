/**
 * The linear GAN of Wang, Hu & Lu (2019), "A Solvable High-Dimensional Model of GAN".
 * Equations used, conventions and checks: docs/models/gan.md.
 */
import type { Model } from '../../core/model';
import { ganEquations } from './equations';
import { ganFigures } from './figures';
import { ganLayout } from './layout';
import { ganInitialState, ganRhs } from './ode';
import { ganAliases, ganParams, ganParamsOf, validateGan } from './params';
import { ganPresets } from './presets';
import { GanGramSimulator } from './reduced';
import { GanSimulator, type GanVariant } from './sgd';
import { ganTheory } from './theory';
import { ganViews } from './views';

export const ganModel: Model = {
  id: 'gan',
  title: 'GAN (Wang–Hu–Lu 2019)',
  paper: 'gan-wang-hu-lu-2019.md, Sections 3–4 and Supplement S-V',
  params: ganParams,
  aliases: ganAliases,
  validate: validateGan,
  stateNames: (p) => {
    const g = ganParamsOf(p);
    return ganLayout(g.d, g.lambda === Number.POSITIVE_INFINITY).names;
  },
  initialState: (p) => ganInitialState(ganParamsOf(p)),
  rhs: (p) => ganRhs(ganParamsOf(p)),
  // 'gram' (reduced.ts) is exact in law and O(1) in n per step, but keeps no coordinates, so
  // it has no micro(); the point cloud uses 'fast' (core/microSimulator.ts).
  simulator: (p, options = {}) => {
    const variant = (options.variant ?? 'gram') as GanVariant | 'gram';
    return variant === 'gram'
      ? new GanGramSimulator(ganParamsOf(p), options.stream ?? 0)
      : new GanSimulator(ganParamsOf(p), variant, options.stream ?? 0);
  },
  variants: ['gram', 'fast', 'literal'],
  presets: ganPresets,
  figures: ganFigures,
  views: ganViews,
  equations: (p) => ganEquations(p),
  theory: ganTheory,
};
