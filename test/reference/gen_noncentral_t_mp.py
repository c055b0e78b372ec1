#!/usr/bin/python3
"""gen_noncentral_t_mp.py: high-precision noncentral t probabilities.

    /usr/bin/python3 test/reference/gen_noncentral_t_mp.py   (from the top; ~1 h)

Writes test/reference/data/noncentral_t_mp.csv (q, df, ncp, lower_tail, p),
the reference for pt(q, df, ncp) wherever R's own pt() is not accurate
enough to be one: R 4.2.2 uses Lenth's AS 243 series with an absolute error
bound of 1e-12 and computes upper tails as 1 minus the lower one, and for
|ncp| > 37.62 or df > 4e5 switches to the normal approximation of
Abramowitz & Stegun 26.7.10 (off by up to 1e-2 there).  Each probability
is computed directly for the tail requested (no complement) by
mp_reference.nct_cdf: 45+ digit quadrature of

    P[T <= t] = E[ Phi(t S - ncp) ],  P[T > t] = E[ Phi(ncp - t S) ],
    S = sqrt(V / df), V ~ chi-square(df),

over log S (Debian python3-mpmath), checked where df <= 1000 against the
same probability conditioned on Z instead (a chi-square CDF integrated
over the normal, mpmath's gammainc), to 1e-20 (values above 1e-60).  The grid: df from 1e-3 to 1e12, ncp
from -1e4 to 1e4 (both sides of R's switch at 37.62), q at half, once and
twice ncp and at -ncp, both tails, plus q where q^2 overflows a double
(|q| >= 1.4e154) and the moderate points of the former generator.
"""
import csv
import os
import sys

import mpmath as mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mp_reference as R  # noqa: E402


def check(q, df, ncp, lower, p):
    """An independent check of the reference where mpmath's gammainc works:
    conditioning on Z instead of S, P[T > q] = E[P[S < (Z + ncp)/q]] for
    q > 0 (P[T <= q] likewise for q < 0), a chi-square CDF integrated over
    the normal; the tail computed there directly must agree to 1e-20
    relative (1e-310 absolutely: below 1e-300, where the test compares
    absolutely, quadratures of these near-singular integrands differ by
    1e-9 relative, e.g. 2.8528221e-316 for q = 38, df = 0.001, ncp = -38)."""
    q, df, d = mp.mpf(q), mp.mpf(df), mp.mpf(ncp)
    direct = (q > 0) != lower
    if q == 0 or not direct:
        return
    with mp.workdps(45):
        def f(z):
            return mp.npdf(z) * mp.gammainc(df / 2, 0, df * ((z + d) / q) ** 2 / 2,
                                            regularized=True)
        # near -ncp the chi-square CDF behaves like (z + ncp)^df; it turns
        # where z + ncp = q; the normal density lives within 40 of 0
        pts = set([mp.mpf(x) for x in (-40, -10, -3, 0, 3, 10, 40)])
        pts |= set(-d + q * k for k in (0.5, 0.9, 1, 1.1, 2, 4))
        pts |= set(-d + mp.sign(q) * mp.mpf(10) ** -k for k in (30, 10, 5, 3, 2, 1))
        if q > 0:
            v = mp.quad(f, [-d] + sorted(x for x in pts if x > -d) + [mp.inf])
        else:
            v = mp.quad(f, [-mp.inf] + sorted(x for x in pts if x < -d) + [-d])
    # Far in the tails (below 1e-60) the check's own integrand (a far tail
    # of the chi-square CDF, mpmath's gammainc, inside a quadrature) is not
    # reliable: at q = -200, df = 1e3, ncp = -100 it gives 1.26697e-129
    # where nct_cdf gives 1.2652140398194285e-129, which a separate
    # integration over V (not committed) and abstats' own series
    # (1.265214039819429e-129) confirm; likewise 1.6127354e-140 for
    # 1.6127356626851717e-140 at q = -2e4, df = 1e3, ncp = -1e4.  There the
    # check is skipped.
    tol = mp.mpf(10) ** -20
    if abs(p) < mp.mpf(10) ** -60:
        return
    if not abs(v - p) <= tol * abs(p) + mp.mpf(10) ** -310:
        raise SystemExit("reference check failed: %r %r %r %r: %s vs %s"
                         % (float(q), float(df), float(d), lower, mp.nstr(p, 30), mp.nstr(v, 30)))


def complement_fix(rows):
    """rows (case, q, df, ncp, lower, p) with both tails of each case, lower
    first: where the two tails do not add up to 1 (to 1e-10: the values are
    rounded to doubles already), the tail holding the bulk of the law is
    replaced by 1 minus the other.  The quadrature of nct_cdf misses the
    mass of a probability near 1 when df >= 1e6 and the answer is a step
    (e.g. P[T <= 2e4] = 1 for df = 1e6, ncp = 1e4 came out 0), while the
    small tail it gets right.  There T = (Z + ncp)/S with S within 1e-3 of
    1, so the bulk is below q (the lower tail) exactly when q > ncp; the
    other tail must be below 1e-10 (asserted)."""
    out = []
    for k in range(0, len(rows), 2):
        lo, up = rows[k], rows[k + 1]
        assert lo[0] == up[0] and lo[4] == "true" and up[4] == "false"
        pl, pu = mp.mpf(lo[5]), mp.mpf(up[5])
        if abs(pl + pu - 1) > mp.mpf(10) ** -10:
            q, df, ncp = mp.mpf(lo[1]), mp.mpf(lo[2]), mp.mpf(lo[3])
            assert df >= 10 ** 6, "tails not adding up to 1 at df %s" % lo[2]
            if q > ncp:
                assert pu < mp.mpf(10) ** -10
                lo = lo[:5] + (R.fmt(1 - pu),)
            else:
                assert pl < mp.mpf(10) ** -10
                up = up[:5] + (R.fmt(1 - pl),)
            print("case %s (q %s, df %s, ncp %s): the tails did not add up to 1"
                  % (lo[0], lo[1], lo[2], lo[3]), file=sys.stderr)
        out += [lo, up]
    return out


def main():
    out = os.path.join("test", "reference", "data", "noncentral_t_mp.csv")
    cases = []
    # moderate ncp at large df, where R loses 1e-10 (the former grid)
    for df in (10.0, 1e5, 399998.0):
        for q in (-1.0, 1.96, 5.0):
            for ncp in (-1.0, 2.5, 10.0):
                cases.append((q, df, ncp))
    # the whole range
    dfs = (1e-3, 0.01, 0.5, 1.0, 5.0, 30.0, 1e3, 1e5, 1e6, 1e8, 1e12)
    ncps = (-1e4, -100.0, -38.0, -37.7, -5.0, 0.5, 5.0, 37.7, 100.0, 1e4)
    for df in dfs:
        for ncp in ncps:
            for q in (0.5 * ncp, ncp, 2.0 * ncp, -ncp):
                cases.append((q, df, ncp))
    # q^2 beyond DBL_MAX
    for df in (0.5, 10.0, 1e6):
        for ncp in (-40.0, 1.0, 40.0):
            for q in (-1e300, -1.5e154, 1.5e154, 1e300):
                cases.append((q, df, ncp))
    # optional: "PART/PARTS" (e.g. 0/2) computes every PARTS-th case into
    # OUT.PART; "merge PARTS" joins the parts into OUT in case order
    if len(sys.argv) > 2 and sys.argv[1] == "merge":
        parts = int(sys.argv[2])
        rows = []
        for k in range(parts):
            with open("%s.%d" % (out, k)) as fh:
                rows += [r for r in csv.reader(fh)]
        rows.sort(key=lambda r: (int(r[0]), r[4] == "false"))
        rows = complement_fix([tuple(r) for r in rows])
        with open(out, "w", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["q", "df", "ncp", "lower_tail", "p"])
            w.writerows(r[1:] for r in rows)
        print("%s: %d rows (mpmath %s)" % (out, len(rows), mp.__version__), file=sys.stderr)
        return
    part, parts = (int(v) for v in sys.argv[1].split("/")) if len(sys.argv) > 1 else (0, 1)
    rows = []
    for i, (q, df, ncp) in enumerate(cases):
        if i % parts != part:
            continue
        for lower in (True, False):
            p = R.nct_cdf(q, df, ncp, lower)
            if df <= 1e3:
                check(q, df, ncp, lower, p)
            rows.append((i, repr(q), repr(df), repr(ncp), "true" if lower else "false", R.fmt(p)))
        if i % 50 == 0:
            print("%d/%d" % (i, len(cases)), file=sys.stderr, flush=True)
    with open("%s.%d" % (out, part) if parts > 1 else out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        if parts == 1:
            w.writerow(["q", "df", "ncp", "lower_tail", "p"])
            w.writerows(r[1:] for r in complement_fix(rows))
        else:
            w.writerows(rows)
    print("%d rows (mpmath %s)" % (len(rows), mp.__version__), file=sys.stderr)


if __name__ == "__main__":
    main()
