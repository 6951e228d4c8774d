"""NumPy reference for the literal SGD of the linear beta-VAE (Ichikawa & Hukushima), the one
macroscope's `vae_sgd_n2000` benchmark reports a ratio against (same run, same machine).

Per step, vectorised as a researcher would write it (M = M* = 1, N = 2000, tau = 0.1,
beta = 0.5, rho = eta = 1; W*^T W* = N I):
  x = sqrt(rho/N) W* c + sqrt(eta) n,  y = V^T x / sqrt(N),  yW = W^T x / sqrt(N),  Q = W^T W / N
  W += (tauW/N) [sqrt(N) x y^T - W y y^T - W (D + lambda)]
  V -= (tauV/N) [sqrt(N) x (Q y + beta y - yW)^T + lambda V]
  D -= (tauD/2N) (diag(Q) + beta - beta / D)
Prints JSON: {"numpy_vae_steps_per_s_n2000": ...}. Usage: python3 bench/reference_vae.py [--quick]

With --fig1 it times instead one run of the Fig. 1 preset (fig1-matched: M = M* = 1, N = 500,
tau = 0.01, beta = 0.5, rho = eta = 1, lambda = 0, a random start, T = 1500, i.e. 750 000 steps,
the order parameters observed at 61 times) with the same step, for bench/vae.ts:
{"numpy_vae_fig1_s": wall, "numpy_vae_fig1_cpu_s": process CPU}; with --quick as well, the
first tenth of the run, its time scaled x10.
"""
import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json
import sys
import time

import numpy as np


def make_step(rng, N, M, K, tau, beta, lam, rho, eta, W, V, Wstar):
    """One literal SGD step on (W, V, D) in place; returns the new D."""
    sqN = np.sqrt(N)

    def step(D):
        c = rng.standard_normal(K)
        x = np.sqrt(rho / N) * (Wstar @ c) + np.sqrt(eta) * rng.standard_normal(N)
        y = V.T @ x / sqN
        yw = W.T @ x / sqN
        Q = W.T @ W / N
        W_new = W + (tau / N) * (sqN * np.outer(x, y) - W @ np.outer(y, y) - W * (D + lam))
        V[:] = V - (tau / N) * (sqN * np.outer(x, Q @ y + beta * y - yw) + lam * V)
        W[:] = W_new
        return D - (tau / (2 * N)) * (np.diag(Q) + beta - beta / D)

    return step


def fig1(quick):
    N, M, K, T = 500, 1, 1, 1500
    tau, beta, lam, rho, eta = 0.01, 0.5, 0.0, 1.0, 1.0
    fraction = 10 if quick else 1
    steps = N * T // fraction
    samples = 61
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    rng = np.random.default_rng(1)
    Wstar = np.linalg.qr(rng.standard_normal((N, K)))[0] * np.sqrt(N)
    W = rng.standard_normal((N, M))
    W *= np.sqrt(N) / np.linalg.norm(W, axis=0)
    V = rng.standard_normal((N, M))
    V *= np.sqrt(N) / np.linalg.norm(V, axis=0)
    D = np.ones(M)
    step = make_step(rng, N, M, K, tau, beta, lam, rho, eta, W, V, Wstar)
    observed = []
    every = (N * T) // (samples - 1)
    for k in range(steps + 1):
        if k % every == 0:
            observed.append((W.T @ Wstar / N, W.T @ W / N, D.copy()))
        if k < steps:
            D = step(D)
    seconds = (time.perf_counter() - t0) * fraction
    cpu = (time.process_time() - cpu0) * fraction
    print(json.dumps({"numpy_vae_fig1_s": seconds, "numpy_vae_fig1_cpu_s": cpu}))


def main():
    quick = "--quick" in sys.argv
    if "--fig1" in sys.argv:
        fig1(quick)
        return
    N, M, K = 2000, 1, 1
    tau, beta, lam, rho, eta = 0.1, 0.5, 0.0, 1.0, 1.0
    rng = np.random.default_rng(1)
    Wstar = np.linalg.qr(rng.standard_normal((N, K)))[0] * np.sqrt(N)
    W = 0.2 * Wstar + np.sqrt(1 - 0.04) * np.linalg.qr(rng.standard_normal((N, M)))[0] * np.sqrt(N)
    V = W.copy()
    D = np.ones(M)
    step = make_step(rng, N, M, K, tau, beta, lam, rho, eta, W, V, Wstar)

    for _ in range(200):
        D = step(D)
    steps = 3000 if quick else 15000
    t0 = time.perf_counter()
    for _ in range(steps):
        D = step(D)
    rate = steps / (time.perf_counter() - t0)
    print(json.dumps({"numpy_vae_steps_per_s_n2000": rate}))


if __name__ == "__main__":
    main()
