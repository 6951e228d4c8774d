"""NumPy/SciPy performance reference for the macroscope linear-GAN simulator.

Measures, in the same run/machine as the TypeScript benchmark (which reports its
numbers as ratios against these):
  * projected SGD of the linear GAN (Wang, Hu & Lu 2019), d = 2, Fig. 1
    "success" setting, at n = 2000 and n = 10000, as coordinate-updates/second
    (steps * n / seconds), written as a researcher would: vectorised per step;
  * scipy.integrate.solve_ivp (RK45, rtol=1e-6, atol=1e-9) on the reduced ODE
    (Eqs. 13-14) from t = 0 to 600: wall time (median), final state, nfev.
Single-threaded BLAS. Usage: python3 bench/reference.py [--quick] [--check]
(--check instead runs SGD at n=2000 to t=150 and compares with the ODE, on stderr.)
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

# ---- model parameters (Fig. 1, success) ----
d = 2
LAM = np.array([5.0, 3.0])        # diag of Lambda (real)
LAMT = np.array([5.0, 3.0])       # diag of Lambda-tilde (fake)
TAU, TAUT = 0.2, 0.04             # discriminator / generator learning rates
ETA_T, ETA_G = 2.0, 2.0           # noise variances
P0 = 0.1 * np.eye(d)
Q0 = np.array([0.1, 0.1])


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---- projected SGD ----
def init_state(n, rng):
    U, _ = np.linalg.qr(rng.standard_normal((n, d)))

    def orth_unit():
        x = rng.standard_normal(n)
        x -= U @ (U.T @ x)
        return x / np.linalg.norm(x)

    V = np.empty((n, d), order="F")   # column-major: each column contiguous
    for l in range(d):
        V[:, l] = U @ P0[:, l] + np.sqrt(1.0 - np.sum(P0[:, l] ** 2)) * orth_unit()
    w = U @ Q0 + np.sqrt(1.0 - np.sum(Q0 ** 2)) * orth_unit()
    return U, V, w


def sgd_steps(U, V, w, nsteps, rng):
    """Run nsteps of projected SGD in place on V (Fortran order); returns the new w."""
    n = U.shape[0]
    a_d, a_g = TAU / n, TAUT / n
    sl, slt = np.sqrt(LAM), np.sqrt(LAMT)
    seT, seG = np.sqrt(ETA_T), np.sqrt(ETA_G)
    for _ in range(nsteps):
        c = sl * rng.standard_normal(d)
        ct = slt * rng.standard_normal(d)
        ct2 = slt * rng.standard_normal(d)
        y = U @ c
        y += seT * rng.standard_normal(n)
        yt = V @ ct
        yt += seG * rng.standard_normal(n)
        # fresh fake sample for the generator, projected on w (old V, old w)
        s = np.dot(ct2, V.T @ w) + seG * np.linalg.norm(w) * rng.standard_normal()
        # discriminator
        y *= a_d * np.dot(y, w)
        yt *= a_d * np.dot(yt, w)
        w_new = w + y
        w_new -= yt
        w_new /= np.linalg.norm(w_new)
        # generator: rank-1 update, then renormalise each column
        for l in range(d):
            col = V[:, l]
            col += (a_g * s * ct2[l]) * w
            col /= np.linalg.norm(col)
        w = w_new
    return w


def overlaps(U, V, w):
    P = U.T @ V
    return P, U.T @ w, V.T @ w


def bench_sgd(n, nsteps, seed=1):
    rng = np.random.default_rng(seed)
    U, V, w = init_state(n, rng)
    w = sgd_steps(U, V, w, 200, rng)          # warm-up
    t0 = time.perf_counter()
    w = sgd_steps(U, V, w, nsteps, rng)
    dt = time.perf_counter() - t0
    rate = nsteps * n / dt
    log(f"sgd n={n}: {nsteps} steps in {dt:.3f} s -> {rate:.4g} coord-updates/s "
        f"({dt / nsteps * 1e6:.2f} us/step)")
    return rate


# ---- reduced ODE, Eqs. (13)-(14) ----
def ode_rhs(t, x):
    P = x[0:4].reshape(2, 2)
    q = x[4:6]
    r = x[6:8]
    S = np.array([[1.0, x[8]], [x[8], 1.0]])
    Lr = LAMT * r                                   # Lambda-tilde r
    L = np.diag(-r * Lr)
    h = ((1 - TAU * ETA_G / 2) * np.dot(r, Lr) - (1 + TAU * ETA_T / 2) * np.dot(q, LAM * q)
         - TAU * (ETA_G ** 2 + ETA_T ** 2) / 2)
    dP = TAUT * (np.outer(q, Lr) + P @ L)
    dq = TAU * (LAM * q - P @ Lr + h * q)
    dr = TAU * (P.T @ (LAM * q) - S @ Lr + h * r) + TAUT * (LAMT * r + L @ r)
    RRL = np.outer(r, Lr)                           # r r^T Lambda-tilde
    dS = TAUT * (RRL + RRL.T + S @ L + L @ S)
    return np.concatenate((dP.ravel(), dq, dr, [dS[0, 1]]))


def ode_x0():
    return np.concatenate((P0.ravel(), Q0, P0.T @ Q0, [(P0.T @ P0)[0, 1]]))


def bench_ode(reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        sol = solve_ivp(ode_rhs, (0.0, 600.0), ode_x0(), method="RK45", rtol=1e-6, atol=1e-9)
        times.append((time.perf_counter() - t0) * 1e3)
    assert sol.success, sol.message
    log(f"ode: times (ms) {[round(x, 2) for x in times]}, nfev={sol.nfev}")
    names = ["P11", "P12", "P21", "P22", "q1", "q2", "r1", "r2", "S12"]
    final = {k: float(v) for k, v in zip(names, sol.y[:, -1])}
    return float(np.median(times)), final, int(sol.nfev)


def sanity_check(n=2000, seed=7):
    """SGD at n vs ODE at t = 50, 100, 150 (stderr). |q| is compared because the
    model is invariant under w -> -w (q, r -> -q, -r), and the sign q2 takes when it
    grows from ~0 near t = 45 is set by O(1/sqrt(n)) fluctuations."""
    rng = np.random.default_rng(seed)
    U, V, w = init_state(n, rng)
    checkpoints = [50, 100, 150]
    sol = solve_ivp(ode_rhs, (0.0, checkpoints[-1]), ode_x0(), method="RK45", rtol=1e-6, atol=1e-9,
                    t_eval=checkpoints)
    t_prev = 0
    log(" t   |  P11 sgd/ode  |  P22 sgd/ode  | |q1| sgd/ode  | |q2| sgd/ode")
    for k, tc in enumerate(checkpoints):
        w = sgd_steps(U, V, w, (tc - t_prev) * n, rng)
        t_prev = tc
        P, q, _ = overlaps(U, V, w)
        sgd = [P[0, 0], P[1, 1], abs(q[0]), abs(q[1])]
        ode = [sol.y[0, k], sol.y[3, k], abs(sol.y[4, k]), abs(sol.y[5, k])]
        log(f"{tc:4d} | " + " | ".join(f"{a:+.3f}/{b:+.3f}" for a, b in zip(sgd, ode)))


def blas_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return None
    return threadpool_info()


def bench_normals(reps):
    """Standard normals per second from NumPy's Generator (ziggurat), in blocks of 2^16."""
    rng = np.random.default_rng(1)
    buf = np.empty(1 << 16)
    rng.standard_normal(out=buf)
    t0 = time.perf_counter()
    for _ in range(reps):
        rng.standard_normal(out=buf)
    return reps * buf.size / (time.perf_counter() - t0)


def main():
    quick = "--quick" in sys.argv
    if "--check" in sys.argv:
        sanity_check()
        return
    # step counts fixed so each measurement takes ~2 s (~0.5 s with --quick)
    steps_2k, steps_10k = (8000, 2000) if quick else (35000, 9000)
    out = {
        "numpy_sgd_n2000": bench_sgd(2000, steps_2k),
        "numpy_sgd_n10000": bench_sgd(10000, steps_10k),
        "numpy_normals_per_s": bench_normals(300 if quick else 1500),
    }
    ms, final, nfev = bench_ode(3 if quick else 5)
    out.update({
        "scipy_ode_fig1_ms": ms,
        "scipy_ode_fig1_final": final,
        "scipy_ode_fig1_nfev": nfev,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "blas": blas_info(),
    })
    print(json.dumps(out))


if __name__ == "__main__":
    main()
