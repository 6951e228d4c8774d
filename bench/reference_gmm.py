"""NumPy reference for `gmm_basins_200`: 200 independent runs of the literal online SGD of the
two-layer binary-GMM classifier (Ben Arous-Gheissari-Jagannath, Section 4) to t = 100 at N = 500,
as a researcher would write it: all runs advanced together, vectorised over runs and coordinates.

Same model and settings as macroscope's (src/models/gmm/sgd.ts; the fig7 preset):
  lambda = 100, alpha = 0.1, c_delta = 1 (delta = 1/N, 100 N steps), mu = e_1,
  start v ~ N(0, I_2), W_i ~ N(0, I_N / (lambda N)); per step y ~ Ber(1/2),
  X = (2y - 1) mu + Z / sqrt(lambda), e = sigmoid(v . relu(W X)) - y,
  v_i -= delta (relu(W_i . X) e + alpha v_i),  W_i -= delta (v_i e 1{W_i . X >= 0} X + alpha W_i).
Each run's end point is labelled by the sign of m1 m2 (m_i = W_i . mu), as in Fig. 7.

Prints JSON: {"numpy_gmm_basins_200_ms", "numpy_gmm_steps", "numpy_gmm_fraction_optimal", ...}.
`--quick` times 1/20 of the steps (t = 5) and reports the time scaled to t = 100.
Usage: python3 bench/reference_gmm.py [--quick]
"""
import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json
import sys
import time

import numpy as np


def main():
    quick = "--quick" in sys.argv
    R, N, lam, alpha, cdelta, T = 200, 500, 100.0, 0.1, 1.0, 100.0
    delta = cdelta / N
    steps_full = int(round(T * N / cdelta))
    steps = steps_full // 20 if quick else steps_full
    sl = 1.0 / np.sqrt(lam)
    decay = 1.0 - delta * alpha
    rng = np.random.default_rng(1)
    v = rng.standard_normal((R, 2))
    W = rng.standard_normal((R, 2, N)) * np.sqrt(1.0 / (lam * N))
    m0 = W[:, :, 0].copy()

    t0 = time.perf_counter()
    for _ in range(steps):
        y = rng.integers(0, 2, R).astype(np.float64)
        X = rng.standard_normal((R, N)) * sl
        X[:, 0] += 2.0 * y - 1.0
        h = np.einsum("rkn,rn->rk", W, X)
        on = h >= 0.0
        a = np.where(on, h, 0.0)
        e = 1.0 / (1.0 + np.exp(-(v * a).sum(axis=1))) - y
        c = delta * v * e[:, None] * on
        W *= decay
        W -= c[:, :, None] * X[:, None, :]
        v -= delta * (a * e[:, None] + alpha * v)
    ms = (time.perf_counter() - t0) * 1000.0

    m = W[:, :, 0]
    settled = np.hypot(m[:, 0], m[:, 1]) > 0.2 * np.sqrt(np.log((1 - 2 * alpha) / (2 * alpha)))
    optimal = float(np.mean((m[:, 0] * m[:, 1] < 0) & settled))
    print(
        json.dumps(
            {
                "numpy_gmm_basins_200_ms": ms * steps_full / steps,
                "numpy_gmm_steps": steps,
                "numpy_gmm_runs": R,
                "numpy_gmm_fraction_optimal": optimal,
                "numpy_gmm_fraction_settled": float(np.mean(settled)),
                "numpy_gmm_start_m_rms": float(np.sqrt(np.mean(m0**2))),
                "numpy_version": np.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
