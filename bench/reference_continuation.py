"""SciPy reference for macroscope's `continuation_gan_d1_boundary` benchmark: the fold of the
type-5 fixed points of the d = 1 GAN (reduced ODE (13)-(14), lambda = inf, eta = 1,
Lambda = Lambda~ = 1.2) found by root-finding on a grid of tau, as a researcher would: for each
tau, scipy.optimize.fsolve on the augmented system F(P, q, r; alpha, tau) = 0, det J = 0 in the
unknowns (P, q, r, alpha), warm-started from the previous tau (J by central differences).

stdin: {"taus": [...], "start": [[P, q, r, alpha, tau]]}; stdout: {"scipy_ms": ..., "alphas": [...]}.
Usage: python3 bench/reference_continuation.py [--quick] < input.json
"""
import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json
import sys
import time

import numpy as np
from scipy.optimize import fsolve

LAM = 1.2
ETA = 1.0


def rhs(x, tau, alpha):
    # (13)-(14) for d = 1 with S = 1, eta_T = eta_G = ETA.
    P, q, r = x
    tt = alpha * tau
    h = (1 - tau * ETA / 2) * LAM * r * r - (1 + tau * ETA / 2) * LAM * q * q - tau * ETA * ETA
    L = -LAM * r * r
    return np.array(
        [
            tt * (q * r * LAM + P * L),
            tau * (LAM * q - P * LAM * r + h * q),
            tau * (P * LAM * q - LAM * r + h * r) + tt * (LAM + L) * r,
        ]
    )


def jac(x, tau, alpha, h=1e-6):
    J = np.empty((3, 3))
    for j in range(3):
        e = np.zeros(3)
        e[j] = h
        J[:, j] = (rhs(x + e, tau, alpha) - rhs(x - e, tau, alpha)) / (2 * h)
    return J


def augmented(u, tau):
    x, alpha = u[:3], u[3]
    return np.append(rhs(x, tau, alpha), np.linalg.det(jac(x, tau, alpha)))


def main():
    data = json.load(sys.stdin)
    taus = np.array(data["taus"])
    P, q, r, alpha, tau0 = data["start"][0]
    repeats = 1 if "--quick" in sys.argv else 3
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        # Sweep up and down from the start tau, each point warm-started from its neighbour.
        k0 = int(np.argmin(np.abs(taus - tau0)))
        alphas = np.empty(len(taus))
        for order in (range(k0, len(taus)), range(k0 - 1, -1, -1)):
            u = np.array([P, q, r, alpha])
            for k in order:
                u = fsolve(augmented, u, args=(taus[k],), xtol=1e-13)
                alphas[k] = u[3]
        best = min(best, (time.perf_counter() - t0) * 1000)
    print(json.dumps({"scipy_ms": best, "alphas": alphas.tolist()}))


if __name__ == "__main__":
    main()
