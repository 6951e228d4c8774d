"""NumPy reference for the literal SGD of the linear beta-VAE (Ichikawa & Hukushima), the one
macroscope's `vae_sgd_n2000` benchmark reports a ratio against (same run, same machine).

Per step, vectorised as a researcher would write it (M = M* = 1, N = 2000, tau = 0.1,
beta = 0.5, rho = eta = 1; W*^T W* = N I):
  x = sqrt(rho/N) W* c + sqrt(eta) n,  y = V^T x / sqrt(N),  yW = W^T x / sqrt(N),  Q = W^T W / N
  W += (tauW/N) [sqrt(N) x y^T - W y y^T - W (D + lambda)]
  V -= (tauV/N) [sqrt(N) x (Q y + beta y - yW)^T + lambda V]
  D -= (tauD/2N) (diag(Q) + beta - beta / D)
Prints JSON: {"numpy_vae_steps_per_s_n2000": ...}. Usage: python3 bench/reference_vae.py [--quick]
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
    N, M, K = 2000, 1, 1
    tau, beta, lam, rho, eta = 0.1, 0.5, 0.0, 1.0, 1.0
    rng = np.random.default_rng(1)
    Wstar = np.linalg.qr(rng.standard_normal((N, K)))[0] * np.sqrt(N)
    W = 0.2 * Wstar + np.sqrt(1 - 0.04) * np.linalg.qr(rng.standard_normal((N, M)))[0] * np.sqrt(N)
    V = W.copy()
    D = np.ones(M)
    sqN = np.sqrt(N)

    def step():
        nonlocal D
        c = rng.standard_normal(K)
        x = np.sqrt(rho / N) * (Wstar @ c) + np.sqrt(eta) * rng.standard_normal(N)
        y = V.T @ x / sqN
        yw = W.T @ x / sqN
        Q = W.T @ W / N
        W_new = W + (tau / N) * (sqN * np.outer(x, y) - W @ np.outer(y, y) - W * (D + lam))
        V[:] = V - (tau / N) * (sqN * np.outer(x, Q @ y + beta * y - yw) + lam * V)
        W[:] = W_new
        D = D - (tau / (2 * N)) * (np.diag(Q) + beta - beta / D)

    for _ in range(200):
        step()
    steps = 3000 if quick else 15000
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    rate = steps / (time.perf_counter() - t0)
    print(json.dumps({"numpy_vae_steps_per_s_n2000": rate}))


if __name__ == "__main__":
    main()
