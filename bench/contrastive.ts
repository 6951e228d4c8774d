/**
 * Benchmark of the contrastive model: the Fig. 3 attraction-region grid, one thread, against the
 * SciPy reference in bench/reference_contrastive.py (run in the same call).
 *
 * `contrastive_basins_100x100`: the fig3 preset (d₁ = 2, σ = x², Gaussian m₂ = 1.2 against the
 * sparse-like law 1.1, 6.05, 33.28, τ = 0.05, m = 10); a 100 × 100 grid of starts (Q₁, Q₂)
 * log-spaced on [10⁻⁴, 1]² (cells with Q₁ + Q₂ > 1 are outside the domain and skipped), each
 * integrated by the model's ODE (DOPRI5, rtol 1e-6, atol 1e-9) to the settle time 60/τ = 1200 and
 * labelled by theory.basinOf. SciPy does the same per-cell work (solve_ivp RK45, same tolerances,
 * the same quadrature vectorised in NumPy) on every 5th row and column; its time for the grid is
 * its mean per cell times the grid's cells. `quick` times macroscope on a 25 × 25 subgrid.
 */

import { viewSpec } from '../src/core/model';
import { solveOde } from '../src/core/ode';
import { parseState } from '../src/core/state';
import { contrastiveModel } from '../src/models/contrastive';
import { round, runPythonReference } from './python';

const GRID = 100;
const LO = 1e-4;
const HI = 1;

interface Reference {
  scipy_contrastive_basins_ms_per_cell: number;
  scipy_contrastive_cells: [number, number][];
  scipy_contrastive_labels: string;
  numpy_version: string;
  scipy_version: string;
}

function reference(quick: boolean): Reference | null {
  return runPythonReference<Reference>('bench/reference_contrastive.py', quick ? ['--quick'] : []);
}

export function benchContrastive(quick: boolean): Record<string, unknown> {
  const preset = contrastiveModel.presets.find((p) => p.id === 'fig3')!;
  const { params } = parseState(preset.state, [contrastiveModel]);
  const theory = contrastiveModel.theory!;
  const settle = viewSpec(contrastiveModel, 'attraction')!.settleTime!(params);
  const rhs = contrastiveModel.rhs(params);
  const axis = Array.from({ length: GRID }, (_, k) =>
    Math.exp(Math.log(LO) + ((Math.log(HI) - Math.log(LO)) * k) / (GRID - 1)),
  );
  const label = (i: number, j: number) => {
    const sol = solveOde(rhs, [axis[i]!, axis[j]!], [0, settle], { rtol: 1e-6, atol: 1e-9 });
    const final = sol.y.slice(sol.y.length - 2);
    return theory.basinOf!(params, final) ?? 'none';
  };
  const inDomain = (i: number, j: number) => axis[i]! + axis[j]! <= 1;
  let cells = 0;
  for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) if (inDomain(i, j)) cells++;

  label(10, 10); // warm-up
  const stride = quick ? 4 : 1;
  let timed = 0;
  const counts: Record<string, number> = {};
  const t0 = performance.now();
  for (let j = 0; j < GRID; j += stride) {
    for (let i = 0; i < GRID; i += stride) {
      if (!inDomain(i, j)) continue;
      const b = label(i, j);
      counts[b] = (counts[b] ?? 0) + 1;
      timed++;
    }
  }
  const msPerCell = (performance.now() - t0) / timed;
  const ours = msPerCell * cells;

  const ref = reference(quick);
  // The labels of SciPy's cells, computed here too: the two sides must agree on the basins.
  let agree: number | null = null;
  if (ref) {
    const code = (b: string) => (b.startsWith('feature ') ? b.slice(8) : '0');
    const same = ref.scipy_contrastive_cells.filter(
      ([i, j], k) => code(label(i, j)) === ref.scipy_contrastive_labels[k],
    ).length;
    agree = same / ref.scipy_contrastive_cells.length;
  }
  const theirs = ref ? ref.scipy_contrastive_basins_ms_per_cell * cells : null;
  return {
    contrastive_basins_100x100: {
      macroscope: round(ours),
      scipy: theirs === null ? null : round(theirs),
      ratio: theirs === null ? null : round(theirs / ours),
      cells,
      macroscope_cells_timed: timed,
      scipy_cells_timed: ref?.scipy_contrastive_cells.length ?? null,
      basins: counts,
      labels_agree: agree,
      units:
        'milliseconds for the Fig. 3 attraction grid (100 × 100 log-spaced starts in the domain, ODE to t = 1200, basin of the end state), one thread; SciPy extrapolated from a strided subgrid; ratio = how many times faster macroscope was',
      environment: { numpy: ref?.numpy_version ?? null, scipy: ref?.scipy_version ?? null, quick },
    },
  };
}
