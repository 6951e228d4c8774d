"""SciPy reference for the per-cell work of the contrastive model's attraction-region grid (Fig. 3
of Meng & Wang), the one `contrastive_basins_100x100` in bench/contrastive.ts reports a ratio
against (same call, same machine).

Setting (the fig3 preset): d1 = 2, sigma(x) = x^2, c1 ~ N(0, 1.2), c2 with moments 1.1, 6.05,
33.28 (the symmetric 4-atom law with those moments), tau = 0.05, m = 10, no augmentation noise.
State (Q1, Q2); the right-hand side is the ODE (11) with the sign of docs/models/contrastive.md, by the same
quadrature as macroscope (src/models/contrastive/expectations.ts): the Gaussian feature and the
background direction e merge into one Gaussian G of variance V_G = 1 - Q1 - Q2 + 1.2 Q1, the
discrete feature is summed over its atoms, and Y = D + G by an 8-node Gauss-Hermite rule (exact
here), vectorised over atoms x nodes with NumPy:
  F = 2 sigma(Y) sigma'(Y),  L = 4 (sigma(Y) sigma'(Y))^2,
  <c_j F>, <u F> (u = D + G),  Lambda = (tau^2/m) <L>,
  dq_j/dt = tau (<c_j F> - q_j <u F>) - q_j Lambda / 2,   dQ_j/dt = 2 q_j dq_j/dt.
Per cell: solve_ivp (RK45, rtol=1e-6, atol=1e-9) from (Q1, Q2) to the settle time
max(200, 60/tau) = 1200, then the basin of the end state (the larger Q_j above 0.05, else none).

Cells: the 100 x 100 grid log-spaced on [1e-4, 1]^2 (cells with Q1 + Q2 > 1 skipped); SciPy
times every 5th row and column of it (20 x 20; with --quick every 20th: 5 x 5) and reports the
mean time per cell. Prints JSON; usage: python3 bench/reference_contrastive.py [--quick]
"""
import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp

TAU, M = 0.05, 10
M2_GAUSS = 1.2
MOMENTS = (1.1, 6.05, 33.28)
GRID, LO, HI = 100, 1e-4, 1.0
SETTLE = max(200.0, 60.0 / TAU)


def moment_atoms(m2, m4, m6):
    """Two-atom law of y = c^2 with moments 1, m2, m4, m6; c = +-sqrt(y)."""
    var = m4 - m2 * m2
    a = (m2 * m4 - m6) / var
    b = -m4 - a * m2
    disc = np.sqrt(max(0.0, a * a - 4 * b))
    y1, y2 = max(0.0, (-a - disc) / 2), (-a + disc) / 2
    p1 = (y2 - m2) / (y2 - y1)
    vals, probs = [], []
    for y, p in ((y1, p1), (y2, 1 - p1)):
        if p <= 0:
            continue
        if y == 0:
            vals.append(0.0)
            probs.append(p)
        else:
            vals += [-np.sqrt(y), np.sqrt(y)]
            probs += [p / 2, p / 2]
    return np.array(vals), np.array(probs)


ATOMS, PROBS = moment_atoms(*MOMENTS)
_x, _w = np.polynomial.hermite_e.hermegauss(8)
NODES, WEIGHTS = _x, _w / _w.sum()


def rhs(_t, Q):
    q = np.sqrt(np.abs(Q))
    vg = max(0.0, 1.0 - Q[0] - Q[1]) + M2_GAUSS * q[0] ** 2
    sd = np.sqrt(vg)
    D = ATOMS[:, None] * q[1]  # atoms x 1
    G = sd * NODES[None, :]  # 1 x nodes
    Y = D + G
    s = Y * Y
    ds = 2 * Y
    A = s * ds  # sigma(z2) sigma'(z1) with z1 = z2 = Y
    F = 2 * A
    L = 4 * A * A  # (1 + eta)(A^2 + B^2) + 2(1 + rho eta) A B at eta = 0
    w = PROBS[:, None] * WEIGHTS[None, :]
    sF = (w * F).sum(axis=1)  # per atom, already weighted by its probability
    GF = (w * G * F).sum()
    uF = (ATOMS * q[1] * sF).sum() + GF
    cF = np.array([M2_GAUSS * q[0] / vg * GF if vg > 0 else 0.0, (ATOMS * sF).sum()])
    lam = TAU * TAU / M * (w * L).sum()
    dq = TAU * (cF - q * uF) - q * lam / 2
    return 2 * q * dq * np.sign(Q)


def basin(final):
    j = int(np.argmax(final))
    return str(j + 1) if final[j] > 0.05 else "0"


def main():
    quick = "--quick" in sys.argv
    stride = 20 if quick else 5
    axis = np.exp(np.linspace(np.log(LO), np.log(HI), GRID))
    cells = [
        (i, j)
        for j in range(stride // 2, GRID, stride)
        for i in range(stride // 2, GRID, stride)
        if axis[i] + axis[j] <= 1.0
    ]
    sol = solve_ivp(rhs, (0.0, SETTLE), [axis[10], axis[10]], method="RK45", rtol=1e-6, atol=1e-9)
    labels = []
    t0 = time.perf_counter()
    for i, j in cells:
        sol = solve_ivp(rhs, (0.0, SETTLE), [axis[i], axis[j]], method="RK45", rtol=1e-6, atol=1e-9)
        labels.append(basin(sol.y[:, -1]))
    elapsed = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "scipy_contrastive_basins_ms_per_cell": 1000 * elapsed / len(cells),
                "scipy_contrastive_cells": [[i, j] for i, j in cells],
                "scipy_contrastive_labels": "".join(labels),
                "numpy_version": np.__version__,
                "scipy_version": scipy.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
