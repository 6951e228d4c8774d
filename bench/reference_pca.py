"""NumPy reference for macroscope's `pca_sgd_n2000` benchmark: online SGD for spiked matrix PCA
(Ben Arous-Gheissari-Jagannath, Section 3) with the same O(n) exact noise sampler as
src/models/pca/sgd.ts (same run, same machine).

Per step, vectorised as a researcher would write it (k = 2, n = 2000, lambda = 1.2, c_delta = 1,
delta = c_delta/n, v = e_1):
  G = |x|^(k-1) (sqrt(k) z + (k - sqrt(k)) (z.xhat) xhat),  z ~ N(0, I_n)
  x <- x + delta (2 k lambda m^(k-1) e_1 + 2 G - 2 k |x|^(2k-2) x)
Prints JSON: {"numpy_pca_steps_per_s_n2000": ...}. Usage: python3 bench/reference_pca.py [--quick]
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
    n, k, lam, cdelta = 2000, 2, 1.2, 1.0
    delta = cdelta / n
    rng = np.random.default_rng(1)
    x = rng.standard_normal(n) / np.sqrt(n)
    rk = np.sqrt(k)

    def step():
        nonlocal x
        z = rng.standard_normal(n)
        s = x @ x
        norm = np.sqrt(s)
        xhat = x / norm
        G = norm ** (k - 1) * (rk * z + (k - rk) * (z @ xhat) * xhat)
        m = x[0]
        x = x + delta * (2 * G - 2 * k * s ** (k - 1) * x)
        x[0] += delta * 2 * k * lam * m ** (k - 1)

    for _ in range(500):
        step()
    steps = 10000 if quick else 50000
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    rate = steps / (time.perf_counter() - t0)
    print(json.dumps({"numpy_pca_steps_per_s_n2000": rate}))


if __name__ == "__main__":
    main()
