"""NumPy/SciPy reference for the per-cell work of a phase-diagram sweep of the linear GAN
(Wang, Hu & Lu 2019), reduced ODE with d = 1, state x = (P, q, r), Lambda = Lambda-tilde = 1.2,
eta_T = eta_G = 1. The TypeScript benchmark reports its sweep speed as a ratio against this.

Per cell (tau, alpha = taut / tau):
  1. fixed points: scipy.optimize.root(method='hybr', analytic Jacobian) from the model's
     theory starts (origin, type 3/4/5 points), (k/10, 0, 0) for k = -10..10, the initial
     state and the corners (+-1, +-1, +-1); keep |F|inf < 1e-10, |x_k| <= 1 + 1e-9, dedupe at
     1e-6, eigenvalues of J, stable iff max Re < -1e-7;
  2. solve_ivp (RK45, rtol=1e-6, atol=1e-9) from (0.1, 0.1, 0.01) to t = 1000 with 501 output
     samples, and the late-time variation: sum over P, q, r of the time-variance on [800, 1000]
     (trapezoidal rule on the samples).
Timed over a 10 x 10 grid (4 x 4 with --quick) of tau in [0.05, 1.5], alpha in [0.05, 2.5],
single thread. Also the fixed-point search alone at (tau, taut) = (0.3, 0.47), median of 20.
Usage: python3 bench/reference_sweep.py [--quick]   (JSON on stdout, diagnostics on stderr)
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
from scipy.optimize import root

LAM = 1.2                 # Lambda = Lambda-tilde
ETA = 1.0                 # eta_T = eta_G (eta-bar^2 = eta^2)
X0 = np.array([0.1, 0.1, 0.01])
T_END, T_LATE = 1000.0, 800.0
T_EVAL = np.linspace(0.0, T_END, 501)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def make_model(tau, taut):
    a, b, c = 1 - tau * ETA / 2, 1 + tau * ETA / 2, tau * ETA ** 2

    def rhs(t, x):
        P, q, r = x
        h = a * LAM * r * r - b * LAM * q * q - c
        L = -LAM * r * r
        return np.array([taut * (q * r * LAM + P * L),
                         tau * (LAM * q - P * LAM * r + h * q),
                         tau * (P * LAM * q - LAM * r + h * r) + taut * (LAM + L) * r])

    def jac(x):
        P, q, r = x
        h = a * LAM * r * r - b * LAM * q * q - c
        hq, hr = -2 * b * LAM * q, 2 * a * LAM * r
        return np.array([
            [-taut * LAM * r * r, taut * LAM * r, taut * LAM * (q - 2 * P * r)],
            [-tau * LAM * r, tau * (LAM + h + q * hq), tau * (-P * LAM + q * hr)],
            [tau * LAM * q, tau * (P * LAM + r * hq),
             tau * (-LAM + h + r * hr) + taut * LAM * (1 - 3 * r * r)]])

    return rhs, jac


def theory_starts(tau, taut):
    """Origin, type-3 (0,0,+-r), type-4 (0,+-q,0) and type-5 (+-P, +-q, q/P) points."""
    s = [np.zeros(3)]
    den = tau - taut - tau * tau / 2
    if den != 0:
        r2 = (tau - taut + tau * tau * ETA ** 2 / LAM) / den
        if 0 < r2 <= 1:
            s += [np.array([0, 0, sg * np.sqrt(r2)]) for sg in (1, -1)]
    q2 = (LAM - tau * ETA ** 2) / (LAM * (1 + tau / 2))
    if 0 < q2 <= 1:
        s += [np.array([0, sg * np.sqrt(q2), 0]) for sg in (1, -1)]
    A = LAM * (taut - tau) * (0.5 - 1 / tau) + taut
    B = LAM * ((taut / tau) * (1 + tau / 2) - 2)
    C = LAM * (1 + tau / 2)
    us = np.roots([A, B, C]) if (A != 0 or B != 0) else []
    for u in us:
        if abs(u.imag) > 1e-12 * max(1.0, abs(u)) or u.real < 1:
            continue
        u = u.real
        qinv2 = -(LAM * (tau / 2 - 1) * u + LAM * (1 + tau / 2)) / tau
        if qinv2 < 1:
            continue
        P, q = 1 / np.sqrt(u), 1 / np.sqrt(qinv2)
        s += [np.array([sp * P, sq * q, sq * q / (sp * P)]) for sp in (1, -1) for sq in (1, -1)]
    return s


def all_starts(tau, taut):
    s = theory_starts(tau, taut)
    s += [np.array([k / 10, 0.0, 0.0]) for k in range(-10, 11)]
    s.append(X0.copy())
    s += [np.array([a, b, c], float) for c in (-1, 1) for b in (-1, 1) for a in (-1, 1)]
    return s


def fixed_points(tau, taut):
    rhs, jac = make_model(tau, taut)
    F = lambda x: rhs(0.0, x)  # noqa: E731
    pts = []
    for x0 in all_starts(tau, taut):
        sol = root(F, x0, jac=jac, method="hybr")
        x = sol.x
        if not np.all(np.isfinite(x)) or np.max(np.abs(F(x))) >= 1e-10:
            continue
        if np.max(np.abs(x)) > 1 + 1e-9:
            continue
        if any(np.linalg.norm(x - p[0]) < 1e-6 for p in pts):
            continue
        ev = np.linalg.eigvals(jac(x))
        pts.append((x, ev, bool(np.max(ev.real) < -1e-7)))
    return pts


def variation(tau, taut):
    rhs, _ = make_model(tau, taut)
    sol = solve_ivp(rhs, (0.0, T_END), X0, method="RK45", rtol=1e-6, atol=1e-9, t_eval=T_EVAL)
    assert sol.success, sol.message
    m = T_EVAL >= T_LATE
    t, y = T_EVAL[m], sol.y[:, m]
    span, trap = t[-1] - t[0], getattr(np, "trapezoid", None) or np.trapz
    mean = trap(y, t, axis=1) / span
    return float(np.sum(trap((y - mean[:, None]) ** 2, t, axis=1) / span))


def cell(tau, alpha):
    taut = alpha * tau
    return fixed_points(tau, taut), variation(tau, taut)


def on_line_stable(x, ev):
    """TS-style transverse stability on the family q = r = 0 (every P is a fixed point, so J has
    an exact zero eigenvalue there): drop the eigenvalue of smallest modulus, classify the rest."""
    if max(abs(x[1]), abs(x[2])) > 1e-12:
        return False
    rest = np.delete(ev, np.argmin(np.abs(ev)))
    return bool(np.max(rest.real) < -1e-7)


def p_star(tau, taut):
    """|P| above which q = r = 0 is transversely stable (det > 0 of J's (q, r) block), or None
    when that block's trace taut*Lam - 2*tau^2*eta^2 is >= 0 (unstable for every P)."""
    if taut * LAM - 2 * tau * tau * ETA ** 2 >= 0:
        return None
    v = (LAM - tau * ETA ** 2) * (LAM + tau * ETA ** 2 - taut * LAM / tau) / LAM ** 2
    return float(np.sqrt(v)) if v > 0 else 0.0


def check_jacobian():
    rhs, jac = make_model(0.3, 0.47)
    rng = np.random.default_rng(3)
    for _ in range(5):
        x, e = rng.uniform(-1, 1, 3), 1e-6
        num = np.column_stack([(rhs(0, x + e * v) - rhs(0, x - e * v)) / (2 * e) for v in np.eye(3)])
        assert np.allclose(jac(x), num, rtol=1e-6, atol=1e-8), (jac(x), num)


def main():
    quick = "--quick" in sys.argv
    check_jacobian()
    n = 4 if quick else 10
    cells = [(tau, al) for tau in np.linspace(0.05, 1.5, n) for al in np.linspace(0.05, 2.5, n)]
    cell(0.3, 0.5)  # warm-up
    t0 = time.perf_counter()
    for tau, al in cells:
        cell(tau, al)
    dt = time.perf_counter() - t0
    log(f"sweep: {len(cells)} cells in {dt:.3f} s -> {len(cells) / dt:.4g} cells/s "
        f"({dt / len(cells) * 1e3:.1f} ms/cell)")

    times = []
    for _ in range(20):
        t1 = time.perf_counter()
        fixed_points(0.3, 0.47)
        times.append((time.perf_counter() - t1) * 1e3)
    fp_ms = float(np.median(times))
    log(f"fixed points d=1 at (0.3, 0.47): median {fp_ms:.2f} ms (min {min(times):.2f})")

    sample = []
    for tau, al in [(0.3, 0.1), (0.3, 0.6667), (0.3, 1.5667)]:
        pts, var = cell(tau, al)
        stable = sorted([round(float(v), 4) for v in p[0]] for p in pts if p[2])
        line = sorted(round(float(p[0][0]), 4) for p in pts if on_line_stable(p[0], p[1]))
        log(f"cell tau={tau} alpha={al}: {len(pts)} fixed points, {len(stable)} stable, "
            f"variation {var:.4g}; q=r=0 transversely stable for |P| >= p* = "
            f"{p_star(tau, al * tau)}, found P = {line}")
        for x, ev, st in pts:
            log(f"   x={np.round(x, 4)} maxRe={np.max(ev.real):+.3e} {'stable' if st else ''}")
        sample.append({"tau": tau, "alpha": al, "stable": stable, "variation": var,
                       "line_qr0_transverse_stable_P": line})

    print(json.dumps({
        "scipy_sweep_cells_per_s": len(cells) / dt,
        "scipy_sweep_cells": len(cells),
        "scipy_fixed_points_d1_ms": fp_ms,
        "scipy_sweep_sample": sample,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
    }))


if __name__ == "__main__":
    main()
