#!/usr/bin/python3
"""gen_noncentral_t_mp.py: high-precision noncentral t probabilities.

    /usr/bin/python3 test/reference/gen_noncentral_t_mp.py   (from the top)

Writes test/reference/data/noncentral_t_mp.csv, an independent check of
pt(q, df, ncp) where R's own pt() is not accurate enough to serve as the
reference: large df (5e4 to 4e5, where R's pnt() loses ~1e-10 to
lgamma(b) - lgamma(b + 1/2) cancellation and to pow(1 - x, b)) and small
tails.  Each probability is computed directly for the tail requested (no
complement), with mpmath (Debian python3-mpmath) at 40 significant digits:

    P[T <= t] = E[ Phi(t S - ncp) ],  P[T > t] = E[ Phi(ncp - t S) ],
    S = sqrt(V / df), V ~ chi-square(df),

integrated over the density of S with Gauss-Legendre/tanh-sinh quadrature
split at the bulk of S and at the kink of Phi.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 40


def nct_cdf(t, nu, d, lower):
    """P[T <= t] (lower) or P[T > t] for T ~ t(nu, d), by quadrature."""
    t, nu, d = mp.mpf(t), mp.mpf(nu), mp.mpf(d)
    # log density of S = sqrt(V/nu): 2 (nu/2)^(nu/2) / Gamma(nu/2) s^(nu-1) e^(-nu s^2/2)
    logc = (nu / 2) * mp.log(nu / 2) - mp.loggamma(nu / 2) + mp.log(2)
    sign = 1 if lower else -1

    def f(s):
        return mp.ncdf(sign * (t * s - d)) * mp.exp(logc + (nu - 1) * mp.log(s) - nu * s * s / 2)

    sd = 1 / mp.sqrt(2 * nu)
    pts = [mp.mpf(0)] + [1 + k * sd for k in (-40, -20, -10, -5, -2, 0, 2, 5, 10, 20, 40)]
    if t != 0:
        pts += [d / t + k / abs(t) for k in (-20, -10, -5, -2, 0, 2, 5, 10, 20)]
    pts = sorted(set(p for p in pts if p >= 0)) + [mp.inf]
    return mp.quad(f, pts, maxdegree=10)


def main():
    out = os.path.join("test", "reference", "data", "noncentral_t_mp.csv")
    rows = []
    for df in (10.0, 5e4, 1e5, 2e5, 399998.0):
        for q in (-3.0, -1.0, 0.5, 1.0, 1.96, 3.0, 5.0):
            for ncp in (-3.0, -1.0, 1.0, 2.5, 5.0, 10.0):
                for lower in (True, False):
                    p = nct_cdf(q, df, ncp, lower)
                    if p < mp.mpf("1e-300"):
                        continue
                    rows.append((repr(q), repr(df), repr(ncp), "true" if lower else "false",
                                 mp.nstr(p, 20, min_fixed=1, max_fixed=0)))
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["q", "df", "ncp", "lower_tail", "p"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
