#!/usr/bin/python3
"""gen_distributions_mpmath.py: 50-digit reference values (mpmath) for the
densities and probability masses at large parameters, written to
data/distributions_mpmath.csv (same columns as distributions.csv).

    /usr/bin/python3 test/reference/gen_distributions_mpmath.py   (Debian python3-mpmath)

Why a second reference: R 4.2's dpois, dbinom, df, dchisq and dbeta drift by
1e-10 to 1e-6 relative for parameters beyond ~1e5 (checked case by case
against these closed forms), so R cannot arbitrate there.  Every value here
is a closed form in log Gamma evaluated with 50 significant digits, then
rounded once to double.  Seeded random sample; values below 1e-300 are left
out.
"""
import csv
import math
import random

import mpmath
from mpmath import mp, mpf, loggamma, log, exp, pi, sqrt

mp.dps = 50
random.seed(20261125)
rows = []


def logu(lo, hi):
    return math.exp(random.uniform(math.log(lo), math.log(hi)))


def add(fn, x, a, b, v):
    v = float(v)
    if v < 1e-300 or not math.isfinite(v):
        return
    rows.append([fn, repr(float(x)), repr(float(a)), "" if b is None else repr(float(b)),
                 "", "%.17g" % v])


def lbeta(a, b):
    return loggamma(a) + loggamma(b) - loggamma(a + b)


for _ in range(150):
    # Poisson, lambda 1e3 .. 1e8, x within 35 sd of the mean
    lam = logu(1e3, 1e8)
    x = max(0, round(lam + random.uniform(-35, 35) * math.sqrt(lam)))
    L = mpf(lam)
    add("dpois", x, lam, None, exp(x * log(L) - L - loggamma(x + 1)))

    # binomial, size 1e3 .. 1e12, prob anywhere including near 0 and 1
    n = float(round(logu(1e3, 1e12)))
    r = random.random()
    p = logu(1e-9, 0.5) if r < 0.35 else (1 - logu(1e-9, 0.5) if r < 0.7 else random.uniform(0.05, 0.95))
    sd = math.sqrt(n * p * (1 - p))
    x = float(min(n, max(0, round(n * p + random.uniform(-35, 35) * max(sd, 1)))))
    P = mpf(p)
    add("dbinom", x, n, p, exp(loggamma(n + 1) - loggamma(x + 1) - loggamma(n - x + 1)
                               + x * log(P) + (n - x) * log(1 - P)))

    # F, df1 and df2 0.5 .. 1e6
    m, k = logu(0.5, 1e6), logu(0.5, 1e6)
    x = logu(1e-3, 1e3)
    M, K, X = mpf(m), mpf(k), mpf(x)
    add("df", x, m, k, exp((M / 2) * log(M / K) + (M / 2 - 1) * log(X)
                           - ((M + K) / 2) * log(1 + M * X / K) - lbeta(M / 2, K / 2)))

    # beta, shapes 0.1 .. 1e5, x around the mean
    a, b = logu(0.1, 1e5), logu(0.1, 1e5)
    mean = a / (a + b)
    sd = math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))
    x = mean + random.uniform(-30, 30) * sd
    if 0 < x < 1:
        A, B, X = mpf(a), mpf(b), mpf(x)
        add("dbeta", x, a, b, exp((A - 1) * log(X) + (B - 1) * log(1 - X) - lbeta(A, B)))

    # chi-squared, df 0.1 .. 1e6
    d = logu(0.1, 1e6)
    x = d + random.uniform(-5, 35) * math.sqrt(2 * d)
    if x > 0:
        D, X = mpf(d), mpf(x)
        add("dchisq", x, d, None, exp((D / 2 - 1) * log(X) - X / 2 - (D / 2) * log(2) - loggamma(D / 2)))

    # t, df 0.1 .. 1e6
    d = logu(0.1, 1e6)
    x = random.uniform(-40, 40)
    D, X = mpf(d), mpf(x)
    add("dt", x, d, None, exp(loggamma((D + 1) / 2) - loggamma(D / 2) - log(sqrt(D * pi))
                              - (D + 1) / 2 * log(1 + X * X / D)))

with open("test/reference/data/distributions_mpmath.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["fn", "x", "a", "b", "lower", "expected"])
    w.writerows(rows)
print("test/reference/data/distributions_mpmath.csv: %d rows (mpmath %s)" % (len(rows), mpmath.__version__))
