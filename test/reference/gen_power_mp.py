#!/usr/bin/python3
"""gen_power_mp.py: power_t_test references where R's power.t.test is not one.

    /usr/bin/python3 test/reference/gen_power_mp.py   (from the top; ~30 min)
    /usr/bin/python3 test/reference/gen_power_mp.py tiny_df   (power_t_tiny_df_mp.csv)

Writes test/reference/data/power_t_mp.csv, with the columns of power_t.csv
(gen_power.R), for designs whose noncentrality exceeds 37.62 or whose
degrees of freedom are below 1 or above 4e5: there R 4.2.2's pt(q, df, ncp)
is the normal approximation of Abramowitz & Stegun 26.7.10 (off by up to
1e-2, and at df < 1 not even monotone in n, so R's power.t.test root is off
by 7e-4), so these references come from mpmath, not R: the power of R's
power.t.test formula (one- or two-sample, one- or two-sided, strict or not)
with qt from the exact t CDF and the noncentral t from
mp_reference.nct_cdf (45-digit quadrature), and the unknown solved by
bisection to 1e-20 relative.
"""
import csv
import os
import sys

import mpmath as mp
from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mp_reference as R  # noqa: E402

mp.mp.dps = 50


def qt_upper(p, nu):
    """x > 0 with P[T > x] = p (p < 1/2)"""
    hi = mpf(1)
    while R.t_cdf(hi, nu, False) > p:
        hi *= 2
    lo = mpf(0)
    for _ in range(200):
        mid = (lo + hi) / 2
        if R.t_cdf(mid, nu, False) > p:
            lo = mid
        else:
            hi = mid
        if hi - lo < hi * mpf(10) ** -30:
            break
    return (lo + hi) / 2


def power(n, delta, sd, sig, tsample, tside, strict):
    n, delta, sd, sig = mpf(n), mpf(delta), mpf(sd), mpf(sig)
    if tsample == 1:
        nu, ncp = n - 1, mp.sqrt(n) * delta / sd
    else:
        nu, ncp = 2 * (n - 1), mp.sqrt(n / 2) * delta / sd
    if tside == 2:
        ncp = abs(ncp)
    qu = qt_upper(sig / tside, nu)
    p = R.nct_cdf(qu, nu, ncp, False)
    if strict and tside == 2:
        p += R.nct_cdf(-qu, nu, ncp, True)
    return p


def power_tiny_df(n, delta, sd, sig, tsample, tside, strict):
    """power() where the critical value c can exceed DBL_MAX (df below
    ~0.004; any df works): c = e^L solved on the log scale from the exact
    central t tail I_x(nu/2, 1/2)/2, x = nu/(nu + c^2), and the power from
    P[T' > c] = E[P(nu/2, nu (Z + ncp)_+^2 / (2 c^2))] (T' = (Z + ncp)/S:
    T' > c iff chi2(nu) < nu (Z + ncp)^2 / c^2), the regularized incomplete
    gamma by mpmath and the expectation over Z by tanh-sinh quadrature
    (abstats uses the leading term of P(a, x) instead: not the same route)"""
    n, delta, sd, sig = mpf(n), mpf(delta), mpf(sd), mpf(sig)
    if tsample == 1:
        nu, ncp = n - 1, mp.sqrt(n) * delta / sd
    else:
        nu, ncp = 2 * (n - 1), mp.sqrt(n / 2) * delta / sd
    if tside == 2:
        ncp = abs(ncp)
    alpha = sig / tside

    def tail(L):
        e = mp.exp(-2 * L)
        return mp.betainc(nu / 2, mpf(1) / 2, 0, nu * e / (1 + nu * e), regularized=True) / 2
    lo, hi = mpf(0), mpf(1)
    while tail(hi) > alpha:
        hi *= 2
    for _ in range(400):
        mid = (lo + hi) / 2
        if tail(mid) > alpha:
            lo = mid
        else:
            hi = mid
        if hi - lo < mpf(10) ** -40 * hi:
            break
    c2 = mp.exp(lo + hi)            # c^2, c = e^((lo + hi)/2)

    def f(z):
        return mp.npdf(z) * mp.gammainc(nu / 2, 0, nu * (z + ncp) ** 2 / (2 * c2),
                                        regularized=True)
    # upper tail: z > -ncp; lower tail (strict): z < -ncp; split at the
    # normal's peak when it lies inside
    p = mp.quad(f, [-ncp] + ([mpf(0)] if -ncp < 0 else []) + [max(-ncp, 0) + 10, mp.inf])
    if strict and tside == 2:
        p += mp.quad(f, [-mp.inf, min(-ncp, 0) - 10] + ([mpf(0)] if -ncp > 0 else []) + [-ncp])
    return p


def tiny_df():
    """power_t_test at n within 0.005 of 1 (df below 0.004: qt beyond
    DBL_MAX), written to power_t_tiny_df_mp.csv (a few seconds)"""
    out = os.path.join("test", "reference", "data", "power_t_tiny_df_mp.csv")
    types = {"one.sample": 1, "two.sample": 2}
    sides = {"two.sided": 2, "one.sided": 1}
    rows = []
    for type_, alt, strict, n, delta in (
            ("one.sample", "two.sided", False, 1.001, 1.0),
            ("one.sample", "two.sided", True, 1.001, 1.0),
            ("one.sample", "one.sided", False, 1.002, 3.0),
            ("one.sample", "one.sided", False, 1.0001, -0.5),
            ("two.sample", "two.sided", False, 1.0005, 2.0),
            ("two.sample", "two.sided", True, 1.001, 50.0),
            ("one.sample", "two.sided", False, 1 + 1e-10, 1.0),
            ("one.sample", "two.sided", True, 1.0042, 1.0),     # qt beyond DBL_MAX
            ("one.sample", "two.sided", True, 1.0043, 1.0),     # qt 1.2e301
            ("two.sample", "one.sided", False, 1.000001, 1e3)):
        pw = power_tiny_df(n, delta, 1, 0.05, types[type_], sides[alt], strict)
        g = R.fmt
        rows.append([type_, alt, "true" if strict else "false", "1", "power", g(n), g(delta),
                     "1.0", "0.05", "", g(n), g(delta), "1.0", "0.05", g(pw)])
        print(rows[-1], file=sys.stderr, flush=True)
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["type", "alternative", "strict", "ratio", "unknown", "n", "delta", "sd",
                    "sig_level", "power", "e_n", "e_delta", "e_sd", "e_sig_level", "e_power"])
        w.writerows(rows)
    print("%s: %d rows (mpmath %s)" % (out, len(rows), mp.__version__), file=sys.stderr)


def solve(f, target, lo, hi, increasing=True):
    """x in [lo, hi] with f(x) = target, by bisection on a monotone f"""
    lo, hi = mpf(lo), mpf(hi)
    for _ in range(90):
        mid = (lo + hi) / 2
        if (f(mid) < target) == increasing:
            lo = mid
        else:
            hi = mid
        if hi - lo < hi * mpf(10) ** -20:
            break
    return (lo + hi) / 2


def main():
    out = os.path.join("test", "reference", "data", "power_t_mp.csv")
    rows = []
    g = R.fmt

    def row(type_, alt, strict, unknown, inp, res):
        rows.append([type_, alt, "true" if strict else "false", "1", unknown,
                     "" if unknown == "n" else g(inp["n"]),
                     "" if unknown == "delta" else g(inp["delta"]),
                     "" if unknown == "sd" else g(inp["sd"]),
                     "" if unknown == "sig_level" else g(inp["sig_level"]),
                     "" if unknown == "power" else g(inp["power"]),
                     g(res["n"]), g(res["delta"]), g(res["sd"]), g(res["sig_level"]),
                     g(res["power"])])
        print(rows[-1], file=sys.stderr, flush=True)

    types = {"one.sample": 1, "two.sample": 2}
    sides = {"two.sided": 2, "one.sided": 1}
    # power at given n: large noncentrality with df < 1 (where the power is
    # not 0 or 1), df > 4e5 (R's switch), df near 1e25
    for type_, alt, strict, n, delta in (
            ("one.sample", "two.sided", False, 1.5, 50.0),
            ("one.sample", "two.sided", True, 1.2, 80.0),
            ("one.sample", "one.sided", False, 1.1, 40.0),
            ("two.sample", "two.sided", False, 1.4, 100.0),
            ("two.sample", "two.sided", True, 1e6, 0.004),
            ("one.sample", "two.sided", False, 5e5, 0.004),
            ("two.sample", "one.sided", False, 1e25, 1e-12),
            ("two.sample", "two.sided", False, 1e25, 1e-12)):
        inp = {"n": n, "delta": delta, "sd": 1.0, "sig_level": 0.05, "power": None}
        pw = power(n, delta, 1, 0.05, types[type_], sides[alt], strict)
        res = dict(inp, power=pw)
        row(type_, alt, strict, "power", inp, res)
    # n for a target power where the root has df < 1 or a huge ncp
    for type_, alt, strict, delta, target, lo, hi in (
            ("one.sample", "two.sided", False, 50.0, 0.9, 1.0001, 3.0),
            ("one.sample", "one.sided", False, 60.0, 0.95, 1.0001, 3.0),
            ("two.sample", "two.sided", True, 80.0, 0.8, 1.0001, 3.0),
            ("two.sample", "two.sided", False, 1e6, 0.5, 1.0001, 2.0)):
        f = lambda n: power(n, delta, 1, 0.05, types[type_], sides[alt], strict)  # noqa: E731
        n = solve(f, mpf(target), lo, hi)
        inp = {"n": None, "delta": delta, "sd": 1.0, "sig_level": 0.05, "power": target}
        row(type_, alt, strict, "n", inp, dict(inp, n=n))
    # delta at n with df < 1
    for type_, alt, n, target in (("one.sample", "two.sided", 1.3, 0.8),):
        f = lambda d: power(n, d, 1, 0.05, types[type_], sides[alt], False)  # noqa: E731
        d = solve(f, mpf(target), 1, 1e4)
        inp = {"n": n, "delta": None, "sd": 1.0, "sig_level": 0.05, "power": target}
        row(type_, alt, False, "delta", inp, dict(inp, delta=d))
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["type", "alternative", "strict", "ratio", "unknown", "n", "delta", "sd",
                    "sig_level", "power", "e_n", "e_delta", "e_sd", "e_sig_level", "e_power"])
        w.writerows(rows)
    print("%s: %d rows (mpmath %s)" % (out, len(rows), mp.__version__), file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["tiny_df"]:
        tiny_df()
    else:
        main()
