"""NumPy references for `gan_sgd_time_to_T_ratio`: the time to simulate the linear GAN's Fig. 1(a)
(Wang, Hu & Lu 2019, Section 3.1: d = 2, Lambda = Lambda~ = diag(5, 3), tau = 0.2, tau~ = 0.04,
eta_T = eta_G = 2, P0 = 0.1 I, q0 = (0.1, 0.1), projected SGD) to T = 600 at n = 2000, i.e.
1.2 M steps, by
  * the literal O(n)-per-step SGD of bench/reference.py (sgd_steps), and
  * the same Gram chain as macroscope's variant 'gram' (src/models/gan/reduced.ts; derivation in
    docs/models/gan.md): the coordinates X of (V, w) in an orthonormal frame that starts with U.
    Per step: k noise coordinates for each of a, a~, one chi-square(n - k) for the norm of the part
    of the w update outside the frame, and a QR of the rows orthogonal to U once the frame would
    exceed 2d + 1 vectors.
Both are timed over a prefix of the run, in three blocks, and the fastest block is scaled to
1.2 M steps (a step's cost does not depend on t; the machine may be shared); `--quick` times
shorter prefixes. Prints JSON on stdout.
`--check` instead runs the NumPy Gram chain to t = 60 and prints its order parameters (stderr).
Usage: python3 bench/reference_gan_gram.py [--quick] [--check]
"""
import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import json
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference as literal  # noqa: E402  (the literal SGD and the Fig. 1(a) parameters)

d = literal.d
N = 2000
T = 600
STEPS_TO_T = N * T


def gram_start():
    """Coordinates of V (columns 0..d-1) and w (column d) in the frame (U, xi_1..xi_d, zeta)."""
    k = 2 * d + 1
    X = np.zeros((k + 1, d + 1))  # one spare row for the direction a step adds
    X[:d, :d] = literal.P0
    for j in range(d):
        X[d + j, j] = np.sqrt(1.0 - np.sum(literal.P0[:, j] ** 2))
    X[:d, d] = literal.Q0
    X[2 * d, d] = np.sqrt(1.0 - np.sum(literal.Q0**2))
    return X, k


def gram_steps(X, k, n, nsteps, rng):
    """nsteps of the projected-SGD Gram chain in place; returns the frame dimension k."""
    kw, kv = literal.TAU / n, literal.TAUT / n
    sl, slt = np.sqrt(literal.LAM), np.sqrt(literal.LAMT)
    seT, seG = np.sqrt(literal.ETA_T), np.sqrt(literal.ETA_G)
    full = 2 * d + 1
    for _ in range(nsteps):
        Xk = X[:k]
        V, w = Xk[:, :d], Xk[:, d]
        z = w @ w
        r = V.T @ w
        lat = rng.standard_normal(3 * d + 1 + 2 * k)
        c, ct, ctp = sl * lat[0:d], slt * lat[d : 2 * d], slt * lat[2 * d : 3 * d]
        gp = lat[3 * d]
        aE, atE = lat[3 * d + 1 : 3 * d + 1 + k], lat[3 * d + 1 + k :]
        y = seT * aE
        y[:d] += c
        yt = V @ ct + seG * atE
        alpha, beta = y @ w, yt @ w
        fake = ctp @ r + seG * np.sqrt(z) * gp
        w_new = w + kw * (alpha * y - beta * yt)
        V += np.outer(w, kv * fake * ctp)  # the old w
        Xk[:, d] = w_new
        sigma2 = literal.ETA_T * alpha**2 + literal.ETA_G * beta**2
        if sigma2 > 0:
            X[k, :d] = 0.0
            X[k, d] = kw * np.sqrt(sigma2 * rng.chisquare(n - k))
            k += 1
        X[:k] /= np.linalg.norm(X[:k], axis=0)
        if k > full:
            X[d : full, :] = np.linalg.qr(X[d:k], mode="r")
            X[full, :] = 0.0
            k = full
    return k


def timed(fn, steps, blocks=3):
    """Seconds for STEPS_TO_T steps, from the fastest of `blocks` timed blocks of steps/blocks."""
    per = steps // blocks
    best = float("inf")
    for _ in range(blocks):
        t0 = time.perf_counter()
        fn(per)
        best = min(best, (time.perf_counter() - t0) / per)
    return best * STEPS_TO_T


def main():
    quick = "--quick" in sys.argv
    rng = np.random.default_rng(1)
    if "--check" in sys.argv:
        X, k = gram_start()
        gram_steps(X, k, N, 60 * N, rng)
        print({"P11": X[0, 0], "P22": X[1, 1], "q": X[:d, d].tolist()}, file=sys.stderr)
        return
    U, V, w = literal.init_state(N, rng)
    w = literal.sgd_steps(U, V, w, 200, rng)  # warm-up
    literal_steps = 4000 if quick else 30000
    literal_s = timed(lambda s: literal.sgd_steps(U, V, w, s, rng), literal_steps)
    X, k = gram_start()
    k = gram_steps(X, k, N, 200, rng)  # warm-up
    gram_steps_n = 10000 if quick else 60000
    state = {"k": k}

    def run_gram(s):
        state["k"] = gram_steps(X, state["k"], N, s, rng)

    gram_s = timed(run_gram, gram_steps_n)
    print(
        json.dumps(
            {
                "numpy_gan_literal_fig1a_T600_s": literal_s,
                "numpy_gan_literal_timed_steps": literal_steps,
                "numpy_gan_gram_fig1a_T600_s": gram_s,
                "numpy_gan_gram_timed_steps": gram_steps_n,
                "numpy_version": np.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
