#!/usr/bin/python3
"""gen_dist_edges.py: reference values for the distribution functions over
the whole double range of their parameters (sql/dist_edges.sql).

    /usr/bin/python3 test/reference/gen_dist_edges.py   (from the top; ~20 min)

Debian's python3-mpmath (see mp_reference.py for how each value is computed:
45+ significant digits, then rounded once to double).  Writes

  data/dist_edges.csv   fn, x, a, b, lower, expected -- p/q/d functions of
                        every family at parameters from 1e-300 to 1e308
                        (degrees of freedom, shapes, sizes, means), points
                        from the far tails to the centre, both tails;
  data/normal_ulp.csv   fn, x, lower, lo, hi, nearest -- pnorm and qnorm on
                        a grid (linear and log-scale tails, the
                        subnormal range of pnorm down to z = -38.47): lo and
                        hi are the doubles around the exact value (equal
                        when it is a double), nearest the one it rounds to.

The grids are deterministic (fixed lists, and a seeded random sample for
the dense normal grid).  Rows whose reference is a NaN or whose point is not
a double are left out; expected values below 1e-300 are kept (the test
compares those absolutely).
"""
import csv
import math
import os
import random
import sys

import mpmath as mp
from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mp_reference as R  # noqa: E402

mp.mp.dps = 50
OUT = os.path.join("test", "reference", "data")
rows = []
SECTIONS = ("t", "chisq", "f", "beta", "binom", "pois", "normal")
# optional argument: one section (written to dist_edges.csv.SECTION), or
# "merge" (joins the sections' files in order); none: everything
ONLY = sys.argv[1] if len(sys.argv) > 1 else None


def section(name):
    return ONLY is None or ONLY == name


def add(fn, x, a, b, lower, v):
    """one row; v is the exact value (mpmath)"""
    rows.append([fn, repr(float(x)), "" if a is None else repr(float(a)),
                 "" if b is None else repr(float(b)),
                 "" if lower is None else ("true" if lower else "false"), R.fmt(v)])


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


def solve_increasing(g, sgn, lo, hi, factor, lo_min, hi_max, geometric):
    """x with sgn g(x) = 0, sgn g increasing: the bracket [lo, hi] widened by
    factor (None beyond [lo_min, hi_max]), then bisected (geometrically while
    it spans more than a factor 4) to 1e-30 relative"""
    while sgn * g(lo) > 0:
        lo /= factor
        if lo < lo_min:
            break
    while sgn * g(hi) < 0:
        hi *= factor
        if hi > hi_max:
            break
    if lo < lo_min or hi > hi_max:
        return None
    for _ in range(300):
        mid = mp.sqrt(lo * hi) if geometric and hi / lo > 4 else (lo + hi) / 2
        if sgn * g(mid) < 0:
            lo = mid
        else:
            hi = mid
        if hi - lo < hi * mpf(10) ** -30:
            break
    return (lo + hi) / 2


# ---------------------------------------------------------------- Student's t
T_DFS = [1e-300, 1e-30, 1e-3, 0.3, 1.0, 4.5, 30.0, 1e3, 1e5, 199999.0, 2e5, 1e6,
         1e8, 1e10, 1e12, 1e15, 1e20, 1e22, 1e25, 1e30, 1e50, 1e100, 1e200, 1e308]
T_QS = [-1e300, -1.5e154, -1e20, -38.0, -8.0, -2.0, -0.5244, -1e-8, 1e-300, 0.3, 1.96,
        5.0, 37.0, 1e10, 1e155]
progress("pt")
for df in (T_DFS if section("t") else []):
    for q in T_QS:
        for lower in (True, False):
            if df > 1e30 and abs(q) < 1e10:
                # the normal limit: the t CDF differs from it by ~q^4/df < 1e-24
                v = R.norm_cdf(q, lower)
            else:
                v = R.t_cdf(q, df, lower)
            add("pt", q, df, None, lower, v)
    for x in (0.0, 1.0, -3.0, 40.0):
        with mp.workdps(R.digits_for(df) + 20):
            X, D = mpf(x), mpf(df)
            v = mp.exp(mp.loggamma((D + 1) / 2) - mp.loggamma(D / 2) - mp.log(mp.sqrt(D * mp.pi))
                       - (D + 1) / 2 * mp.log1p(X * X / D))
        add("dt", x, df, None, None, v)

progress("qt")
for df in ([1e-3, 0.3, 1.0, 30.0, 2e5, 1e8, 1e12, 1e20, 1e22, 1e308] if section("t") else []):
    for p in (1e-300, 1e-20, 0.025, 0.3):
        for lower in (True, False):
            # the quantile x < 0 in the lower tail (p < 1/2): solve P[T > -x] = p
            def f(x):
                return R.t_cdf(x, df, False) - p
            with mp.workdps(R.digits_for(df) + 20):
                if df > 1e30:
                    x = R.norm_quantile(p, False)
                else:
                    z = R.norm_quantile(p, False)
                    hi = z
                    while f(hi) > 0:
                        hi *= 2
                        if hi > mpf("1e308"):
                            break
                    if hi > mpf("1e308"):
                        continue        # beyond DBL_MAX: not compared here
                    lo = mpf(0)
                    for _ in range(400):
                        mid = (lo + hi) / 2
                        if f(mid) > 0:
                            lo = mid
                        else:
                            hi = mid
                        if hi - lo < hi * mpf(10) ** -40:
                            break
                    x = (lo + hi) / 2
            add("qt", p, df, None, lower, -x if lower else x)

# ---------------------------------------------------------------- chi-squared
CHI_DFS = [1e-300, 1e-10, 0.01, 1.0, 7.0, 1e3, 1e5, 2e5, 1e6, 1e8, 1e12, 1e20, 1e50, 1e100, 1e308]
progress("pchisq")
for df in (CHI_DFS if section("chisq") else []):
    pts = [1e-300, 1e-10, 0.5, 3.0, 1e3]
    for z in (-37.0, -8.0, -1.0, 0.0, 1.0, 8.0, 37.0):
        q = df * (1 + z * math.sqrt(2 / df)) if df >= 1 else None
        if q is not None and q > 0 and math.isfinite(q):
            pts.append(q)
    for q in sorted(set(pts)):
        for lower in (True, False):
            add("pchisq", q, df, None, lower, R.gamma_cdf(mpf(q) / 2, mpf(df) / 2, lower))
    for x in (0.5, df if df >= 1 else 1.0):
        with mp.workdps(R.digits_for(df) + 20):
            a, X = mpf(df) / 2, mpf(x) / 2
            v = mp.exp((a - 1) * mp.log(X) - X - mp.loggamma(a)) / 2
        add("dchisq", x, df, None, None, v)

progress("qchisq")
for df in ([0.01, 1.0, 1e3, 1e6, 1e12, 1e100, 1e308] if section("chisq") else []):
    for p in (1e-300, 0.025, 0.3):
        for lower in (True, False):
            if df >= 1e40:
                # the limiting closed form: the quantile is df + z sqrt(2 df)
                # + O(1), and sqrt(2 df) z is below half an ulp of df
                add("qchisq", p, df, None, lower, mpf(df))
                continue
            with mp.workdps(R.digits_for(df) + 20):
                D = mpf(df)
                # bracket by Wilson-Hilferty, bisect on the exact CDF
                z = R.norm_quantile(p, lower)
                c = 2 / (9 * D)
                x0 = D * (1 - c + z * mp.sqrt(c)) ** 3 if df >= 1 else mpf(1)
                if x0 <= 0:
                    x0 = D / 100

                def g(x):
                    return R.gamma_cdf(x / 2, D / 2, lower) - p
                # geometric bisection: at df < 1 the quantile can be 1e-105
                # (a linear one from [1e-105, 1] stops at 2^-300 = 5e-91)
                x = solve_increasing(g, 1 if lower else -1, x0, x0, 2, mpf("1e-320"),
                                     mpf("1e308"), True)
            if x is not None:
                add("qchisq", p, df, None, lower, x)

# ---------------------------------------------------------------- F
# (degrees of freedom near 1e308 are left to the sweep of sql/dist_edges.sql:
# near the centre the reference's quadrature at 380 digits takes minutes
# per value, and a quantile needs a hundred of them)
F_PAIRS = [(1e-3, 1e8), (0.5, 3.0), (3.0, 1e22), (1.0, 1e22), (1e22, 1.0), (1e20, 1e22),
           (2e5, 2e5), (3.0, 2e5), (2e5, 3.0), (1e8, 1e12), (30.0, 1e15), (1e20, 7.0),
           (1e6, 1e6), (4.0, 1e6)]
progress("pf")
for d1, d2 in (F_PAIRS if section("f") else []):
    s = math.sqrt(2 / d1 + 2 / d2)
    pts = [1e-300, 0.01, 0.5, 2.0, 10.0, 1e10]
    for z in (-8.0, -1.0, 0.0, 1.0, 8.0):
        q = math.exp(z * s)
        if 0 < q < 1e300:
            pts.append(q)
    for q in sorted(set(pts)):
        with mp.workdps(R.digits_for(d1, d2) + 30):
            Q, A, B = mpf(q), mpf(d1), mpf(d2)
            x = A * Q / (B + A * Q)
            y = B / (B + A * Q)
            for lower in (True, False):
                add("pf", q, d1, d2, lower, R.beta_cdf(x, A / 2, B / 2, lower, y=y))
    with mp.workdps(R.digits_for(d1, d2) + 30):
        A, B, X = mpf(d1), mpf(d2), mpf(1)
        lb = mp.loggamma(A / 2) + mp.loggamma(B / 2) - mp.loggamma((A + B) / 2)
        v = mp.exp((A / 2) * mp.log(A / B) + (A / 2 - 1) * mp.log(X)
                   - (A + B) / 2 * mp.log1p(A * X / B) - lb)
    add("df", 1.0, d1, d2, None, v)

progress("qf")
for d1, d2 in ([(3.0, 1e22), (1.0, 1e22), (1e22, 1.0), (2e5, 2e5), (1e6, 1e6), (0.5, 3.0)]
               if section("f") else []):
    for p in (1e-300, 0.025, 0.3):
        for lower in (True, False):
            with mp.workdps(R.digits_for(d1, d2) + 30):
                A, B = mpf(d1), mpf(d2)

                def g(q):
                    x = A * q / (B + A * q)
                    y = B / (B + A * q)
                    return R.beta_cdf(x, A / 2, B / 2, lower, y=y) - p
                x = solve_increasing(g, 1 if lower else -1, mpf(1), mpf(1), 4,
                                     mpf("1e-300"), mpf("1e300"), True)
            if x is not None:
                add("qf", p, d1, d2, lower, x)

# ---------------------------------------------------------------- beta
# (shapes up to 1e30: beyond, the centre takes the reference minutes per
# value; the sweep of sql/dist_edges.sql covers them up to 1e308)
B_SHAPES = [1e-300, 1e-10, 0.01, 0.5, 1.0, 7.0, 1e3, 1e5, 1e7, 1e10, 1e15, 1e22, 1e30]
random.seed(20261201)
progress("pbeta")
pairs = [(a, b) for a in B_SHAPES for b in B_SHAPES]
random.shuffle(pairs)
for a, b in (pairs[:70] + [(1e15, 1e15), (0.5, 1e30), (1e30, 0.5)]
             if section("beta") else []):
    m = a / (a + b)
    # a b / ((a + b)^2 (a + b + 1)), without the underflow of (a + b)^2
    sd = math.sqrt(m * (1 - m) / (a + b + 1))
    pts = {1e-300, 1e-10, 0.25, 0.5, 0.75, 1 - 1e-10}
    for z in (-8.0, -1.0, 0.0, 1.0, 8.0):
        x = m + z * sd
        if 0 < x < 1:
            pts.add(x)
    for x in sorted(pts):
        for lower in (True, False):
            add("pbeta", x, a, b, lower, R.beta_cdf(x, a, b, lower))
    x = m if 0 < m < 1 else 0.5
    with mp.workdps(R.digits_for(a, b) + 30):
        A, B, X = mpf(a), mpf(b), mpf(x)
        lb = mp.loggamma(A) + mp.loggamma(B) - mp.loggamma(A + B)
        v = mp.exp((A - 1) * mp.log(X) + (B - 1) * mp.log1p(-X) - lb)
    add("dbeta", x, a, b, None, v)

# beta with a zero shape: the limiting point masses (closed forms), with the
# semantics of R >= 4.3: P[X <= q] counts the mass at q (R 4.2.2 returns
# pbeta(0, 0, b) = 0).  Mass 1 at 0 (shape1 = 0), at 1 (shape2 = 0), 1/2 at
# each (both 0).
progress("pbeta, point masses")
for a, b in (((0.0, 2.0), (2.0, 0.0), (0.0, 0.0), (0.0, 1e308), (1e308, 0.0), (0.0, 5e-324))
             if section("beta") else ()):
    at0 = 1.0 if b > 0 else (0.5 if a == 0 else 0.0)   # P[X = 0]
    at1 = 1.0 - at0                                      # P[X = 1]
    for q in (-1e-300, 0.0, 5e-324, 0.3, 1 - 2.0 ** -53, 1.0, 1.5):
        lo = 0.0 if q < 0 else (at0 if q < 1 else 1.0)
        for lower in (True, False):
            add("pbeta", q, a, b, lower, mpf(lo) if lower else 1 - mpf(lo))
    for q in (0.0, 0.3, 1.0):
        d = mp.inf if (q == 0 and at0 > 0) or (q == 1 and at1 > 0) else mpf(0)
        add("dbeta", q, a, b, None, d)

# ---------------------------------------------------------------- binomial
progress("pbinom")
for n in ((1e10, 1e12, 1e14, 2.0 ** 53) if section("binom") else ()):
    for pr in (1e-12, 1e-6, 0.01, 0.5, 0.999):
        mu, sd = n * pr, math.sqrt(n * pr * (1 - pr))
        ks = set()
        for z in (-30.0, -5.0, -1.0, 0.0, 1.0, 5.0, 30.0):
            k = math.floor(mu + z * sd)
            if 0 <= k < n:
                ks.add(float(k))
        for k in sorted(ks):
            with mp.workdps(R.digits_for(n) + 30):
                N, P, K = mpf(n), mpf(pr), mpf(k)
                # P[X <= k] = I_{1-p}(n - k, k + 1)
                for lower in (True, False):
                    add("pbinom", k, n, pr, lower, R.beta_cdf(1 - P, N - K, K + 1, lower, y=P))
                v = mp.exp(mp.loggamma(N + 1) - mp.loggamma(K + 1) - mp.loggamma(N - K + 1)
                           + K * mp.log(P) + (N - K) * mp.log1p(-P))
            add("dbinom", k, n, pr, None, v)

# ---------------------------------------------------------------- Poisson
progress("ppois")
for lam in ((1e8, 1e10, 1e12, 1e15, 1e16, 1e20, 1e50, 1e100, 1e300) if section("pois") else ()):
    ks = set()
    for z in (-30.0, -5.0, -1.0, 0.0, 1.0, 5.0, 30.0):
        k = math.floor(lam + z * math.sqrt(lam))
        if k >= 0:
            ks.add(float(k))
    for k in sorted(ks):
        with mp.workdps(R.digits_for(lam) + 30):
            L, K = mpf(lam), mpf(k)
            for lower in (True, False):
                # P[X <= k] = Q(k + 1, lambda)
                add("ppois", k, lam, None, lower, R.gamma_cdf(L, K + 1, not lower))
            v = mp.exp(K * mp.log(L) - L - mp.loggamma(K + 1))
        add("dpois", k, lam, None, None, v)

# ---------------------------------------------------------------- normal density
progress("dnorm")
for x, m, s in () if not section("normal") else ((1.0, 0.0, 5e-324), (0.0, 0.0, 5e-324), (1e-320, 0.0, 1e-320), (38.0, 0.0, 1.0),
                (-38.5, 0.0, 1.0), (1e308, -1e308, 1e308), (3.0, 1.0, 1e-300), (0.0, 0.0, 1e300),
                (150.0, 0.0, 1.0), (1e-300, 0.0, 1e-300)):
    with mp.workdps(80):
        z = (mpf(x) - mpf(m)) / mpf(s)
        v = mp.npdf(z) / mpf(s)
    if v > mpf("1.8e308"):
        v = mp.inf
    add("dnorm", x, m, s, None, v)

if ONLY == "merge":
    for name in SECTIONS:
        path = os.path.join(OUT, "dist_edges.csv." + name)
        if not os.path.exists(path):
            progress("section %s missing: left out" % name)
            continue
        with open(path) as f:
            rows += list(csv.reader(f))
if ONLY is None or ONLY == "merge":
    with open(os.path.join(OUT, "dist_edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["fn", "x", "a", "b", "lower", "expected"])
        w.writerows(rows)
    progress("dist_edges.csv: %d rows" % len(rows))
else:
    with open(os.path.join(OUT, "dist_edges.csv." + ONLY), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    progress("dist_edges.csv.%s: %d rows" % (ONLY, len(rows)))
if not (ONLY is None or ONLY == "normal"):
    sys.exit(0)

# ---------------------------------------------------------------- normal, ulps
progress("normal ulps")
nrows = []
zs = set()
# (modest on purpose: the test also runs under valgrind)
for i in range(-770, 181):                  # every 0.05 from -38.5 to 9
    zs.add(i / 20)
for i in range(1, 301, 3):                  # |z| from 1e-298 to 0.1, log scale
    zs.add(10.0 ** (-i))
    zs.add(-10.0 ** (-i))
for i in range(0, 100):                     # the subnormal range of pnorm
    zs.add(-37.5 - i * 0.0098)
for _ in range(300):
    zs.add(random.uniform(-38.5, 38.5))
zs.add(0.0)
for z in sorted(zs):
    for lower in (True, False):
        v = R.norm_cdf(z, lower)
        lo, hi = R.bracket(v)
        nrows.append(["pnorm", repr(z), "true" if lower else "false", repr(lo), repr(hi),
                      repr(R.to_double(v))])
ps = set()
for i in range(0, 324, 2):                  # 10^-i and 5 10^-(i+2), every other decade
    ps.add(10.0 ** (-i) if i < 308 else float("1e-%d" % i))
    ps.add(float("5e-%d" % (i + 2)))
ps.add(5e-324)
for _ in range(250):
    ps.add(random.random())
for _ in range(100):
    ps.add(1 - 10.0 ** random.uniform(-16, -1))
ps = [p for p in ps if 0 < p < 1]
for p in sorted(ps):
    for lower in (True, False):
        v = R.norm_quantile(p, lower)
        lo, hi = R.bracket(v)
        nrows.append(["qnorm", repr(p), "true" if lower else "false", repr(lo), repr(hi),
                      repr(R.to_double(v))])
with open(os.path.join(OUT, "normal_ulp.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["fn", "x", "lower", "lo", "hi", "nearest"])
    w.writerows(nrows)
progress("normal_ulp.csv: %d rows (mpmath %s)" % (len(nrows), mp.__version__))
