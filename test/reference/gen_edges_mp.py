#!/usr/bin/python3
# gen_edges_mp.py: high-precision (mpmath, 60 digits) reference values for
# the edge cases of sql/edges.sql that R cannot give to double precision:
#
#   /usr/bin/python3 test/reference/gen_edges_mp.py   (Debian's python3 with
#                                                     python3-mpmath)
#
# Writes test/reference/data/
#   edges_conf_sweep.csv  every interval-producing function of the
#       proportions, tables and t-test families at conf_level from 1e-300 to
#       1 - 2^-53, each alternative: the bounds from their closed forms
#       (estimate -/+ quantile * standard error; Wilson, Wald, Newcombe,
#       Agresti-Caffo, Agresti-Coull formulas in z; Clopper-Pearson and
#       Jeffreys Beta quantiles; Fisher's conditional (Cornfield) bounds
#       from the exact noncentral hypergeometric distribution), with every
#       quantile solved at 60 digits.  Below conf_level = 1/2 a one-sided z
#       or t quantile is negative and the formulas are continued through 0
#       (R's prop.test does the same); Newcombe's square roots take the sign
#       of z.  Each probability is formed from the double conf_level
#       exactly (1 - c is never rounded).
#   edges_chisq_extreme.csv  goodness-of-fit statistics with weights at
#       the float8 limits (5e-324, 1e-310, 1e308, DBL_MAX): sum (x - E)^2 / E,
#       E = n p_i / sum(p), exactly; Infinity beyond DBL_MAX; the p-value
#       from the regularized upper incomplete gamma function.
#   edges_overflow.csv  t_test, interaction_test and sample_size_check on
#       stored summaries with counts up to 2^63 - 1 and moments up to
#       DBL_MAX (stats_summary text form, so the stored doubles are exact):
#       statistics, df, p-values and bounds from the formulas at 60 digits;
#       t probabilities from the regularized incomplete beta function (df up
#       to 1e12) or the normal limit (df above: the difference is below
#       1e-12 relative); sample_size_check's Welch power at these sizes
#       (df > 1e12) from its normal limit, the required sizes and the
#       detectable difference from that limit solved at 60 digits.
import csv
import math
import os
import mpmath as mp

mp.mp.dps = 60
OUT = "test/reference/data"
DBL_MAX = 1.7976931348623157e308


def num(v):
    if v is None:
        return ""
    v = mp.mpf(v)
    if mp.isinf(v) or abs(v) > mp.mpf(DBL_MAX) * (1 + mp.mpf(2) ** -54):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


# ------------------------------------------------------------ solvers
def solve_increasing(f, target, lo, hi, geometric=False, iters=400):
    """x in [lo, hi] with f(x) = target, f increasing (bisection)."""
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    for _ in range(iters):
        mid = mp.sqrt(lo * hi) if geometric and lo > 0 else (lo + hi) / 2
        if f(mid) < target:
            lo = mid
        else:
            hi = mid
        if hi - lo <= abs(hi) * mp.mpf(10) ** (-45):
            break
    return (lo + hi) / 2


def t_lower_tail(t, df):
    """P[T <= t] for Student's t (exact, any magnitude)."""
    t = mp.mpf(t)
    if df == mp.inf:
        return mp.ncdf(t)
    half = mp.betainc(df / 2, mp.mpf(1) / 2, 0, df / (df + t * t), regularized=True) / 2
    return half if t < 0 else 1 - half


def t_central(q, df):
    """P[|T| <= q]."""
    q = mp.mpf(q)
    if df == mp.inf:
        return mp.erf(q / mp.sqrt(2))
    return mp.betainc(mp.mpf(1) / 2, df / 2, 0, q * q / (df + q * q), regularized=True)


def qt_tail(p, df):
    """The t with P[T <= t] = p for p <= 1/2 (t <= 0)."""
    p = mp.mpf(p)
    if p == mp.mpf(1) / 2:
        return mp.mpf(0)
    # P[T <= -s] = p: decreasing in s; solve in log s on s in (0, huge)
    f = lambda ls: -mp.log(t_lower_tail(-mp.exp(ls), df))
    return -mp.exp(solve_increasing(f, -mp.log(p), -800, 6 if df == mp.inf else 800))


def q_one_sided(c, df):
    """The c quantile (c as a double, complement exact)."""
    c = mp.mpf(c)
    if c <= mp.mpf(1) / 2:
        return qt_tail(c, df)
    return -qt_tail(1 - c, df)


def q_two_sided(c, df):
    """q with P[|T| <= q] = c."""
    c = mp.mpf(c)
    f = lambda lq: mp.log(t_central(mp.exp(lq), df))
    return mp.exp(solve_increasing(f, mp.log(c), -800, 6 if df == mp.inf else 800))


def qbeta(p, a, b, upper):
    """x with P[B <= x] = p (or P[B > x] = p when upper), B ~ Beta(a, b).
    Each tail is evaluated directly, never as 1 - the other (the upper one
    as I_{1-x}(b, a)), and a quantile above 1/2 is found as 1 - y from the
    mirror image, so tails down to 1e-300 and bounds near 1 are resolved."""
    p, a, b = mp.mpf(p), mp.mpf(a), mp.mpf(b)
    lower_tail = lambda aa, bb, x: mp.betainc(aa, bb, 0, x, regularized=True)
    if upper:
        f = lambda lx: -mp.log(lower_tail(b, a, 1 - mp.exp(lx)))
        target = -mp.log(p)
    else:
        f = lambda lx: mp.log(lower_tail(a, b, mp.exp(lx)))
        target = mp.log(p)
    x = mp.exp(solve_increasing(f, target, -2000, 0))
    if x > mp.mpf(1) / 2:
        # y = 1 - x from the mirror image Beta(b, a), upper <-> lower
        if upper:
            g = lambda ly: mp.log(lower_tail(b, a, mp.exp(ly)))
            y = mp.exp(solve_increasing(g, mp.log(p), -2000, 0))
        else:
            g = lambda ly: -mp.log(lower_tail(a, b, 1 - mp.exp(ly)))
            y = mp.exp(solve_increasing(g, -mp.log(p), -2000, 0))
        x = 1 - y
    return x


# ------------------------------------------------------------ conf sweep
CONFS = [1e-300, 1e-100, 1e-20, 1e-17, 1e-16, 1.1e-16, 1e-9, 1e-3, 0.3, 0.5, 0.7,
         0.95, 0.999999, 1 - 1e-12, 1 - 2.0 ** -52, 1 - 2.0 ** -53]
ALTS = ["two-sided", "less", "greater"]
rows = []


def add(fn, args, alt, c, lower, upper):
    rows.append([fn, args, alt, repr(c), num(lower), num(upper)])


def t_interval(est, se, df, alt, c):
    if alt == "two-sided":
        q = q_two_sided(c, df)
        return est - q * se, est + q * se
    q = q_one_sided(c, df)
    if alt == "less":
        return -mp.inf, est + q * se
    return est - q * se, mp.inf


def summary(n, mean, m2):
    return (mp.mpf(n), mp.mpf(mean), mp.mpf(m2))


# t_test, one sample: 'v1 n=10 mean=m m2=36' (sd 2)
for mean in [0.0, 5.0]:
    n, m, m2 = summary(10, mean, 36)
    se = mp.sqrt(m2 / (n - 1) / n)
    for alt in ALTS:
        for c in CONFS:
            lo, up = t_interval(m, se, n - 1, alt, c)
            add("t_test1", "v1 n=10 mean=%r m2=36" % mean, alt, c, lo, up)
# t_test, Welch two sample
x = summary(10, 1.0, 36)
y = summary(25, 0.0, 24)
a = x[2] / (x[0] - 1) / x[0]
b = y[2] / (y[0] - 1) / y[0]
se = mp.sqrt(a + b)
df = (a + b) ** 2 / (a * a / (x[0] - 1) + b * b / (y[0] - 1))
for alt in ALTS:
    for c in CONFS:
        lo, up = t_interval(x[1] - y[1], se, df, alt, c)
        add("t_test2", "v1 n=10 mean=1 m2=36|v1 n=25 mean=0 m2=24", alt, c, lo, up)
# interaction_test
cells = [summary(10, 0, 9), summary(12, 1, 22), summary(8, 2, 14), summary(20, 3.5, 38)]
v = [s[2] / (s[0] - 1) / s[0] for s in cells]
se = mp.sqrt(sum(v))
df = sum(v) ** 2 / sum(vi * vi / (s[0] - 1) for vi, s in zip(v, cells))
est = (cells[3][1] - cells[1][1]) - (cells[2][1] - cells[0][1])
for alt in ALTS:
    for c in CONFS:
        lo, up = t_interval(est, se, df, alt, c)
        add("interaction", "v1 n=10 mean=0 m2=9|v1 n=12 mean=1 m2=22|v1 n=8 mean=2 m2=14|v1 n=20 mean=3.5 m2=38",
            alt, c, lo, up)


def z_of(alt, c):
    return q_two_sided(c, mp.inf) if alt == "two-sided" else q_one_sided(c, mp.inf)


def wilson(x, n, z, yates):
    """R's prop.test Wilson interval with continuity correction yates."""
    x, n = mp.mpf(x), mp.mpf(n)
    est = x / n
    z22n = z * z / (2 * n)
    pc = est + yates / n
    up = 1 if pc >= 1 else (pc + z22n + z * mp.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    pc = est - yates / n
    lo = 0 if pc <= 0 else (pc + z22n - z * mp.sqrt(pc * (1 - pc) / n + z22n / (2 * n))) / (1 + 2 * z22n)
    return max(lo, 0), min(up, 1)


# prop_test, two samples
x1, n1, x2, n2 = 3, 13, 4, 16
for correct in [False, True]:
    for method in ["wald", "newcombe", "agresti-caffo"]:
        for alt in ALTS:
            for c in CONFS:
                z = z_of(alt, c)
                p1, p2 = mp.mpf(x1) / n1, mp.mpf(x2) / n2
                delta = p1 - p2
                d = (mp.mpf(x1) * n2 - mp.mpf(x2) * n1) / (n1 + n2)
                yates = min(mp.mpf(1) / 2, abs(d)) if correct else 0
                if method == "wald":
                    w = z * mp.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) + yates * (mp.mpf(1) / n1 + mp.mpf(1) / n2)
                    lo, up = max(delta - w, -1), min(delta + w, 1)
                elif method == "newcombe":
                    cc = mp.mpf(1) / 2 if correct else 0
                    l1, u1 = wilson(x1, n1, z, cc)
                    l2, u2 = wilson(x2, n2, z, cc)
                    sgn = 1 if z >= 0 else -1
                    lo = delta - sgn * mp.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
                    up = delta + sgn * mp.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
                else:
                    t1, t2 = mp.mpf(x1 + 1) / (n1 + 2), mp.mpf(x2 + 1) / (n2 + 2)
                    w = z * mp.sqrt(t1 * (1 - t1) / (n1 + 2) + t2 * (1 - t2) / (n2 + 2))
                    lo, up = max(t1 - t2 - w, -1), min(t1 - t2 + w, 1)
                if alt == "less":
                    lo = -1
                if alt == "greater":
                    up = 1
                add("prop_test2", "%d|%d|%d|%d|%s|%s" % (x1, n1, x2, n2, method, "true" if correct else "false"),
                    alt, c, lo, up)
# prop_test, one sample (R's Wilson interval, Yates = min(0.5, |x - n p|))
x, n, p = 15, 50, 0.4
for correct in [False, True]:
    for alt in ALTS:
        for c in CONFS:
            z = z_of(alt, c)
            yates = min(mp.mpf(1) / 2, abs(x - n * mp.mpf(p))) if correct else 0
            lo, up = wilson(x, n, z, yates)
            if alt == "less":
                lo = 0
            if alt == "greater":
                up = 1
            add("prop_test1", "%d|%d|%r|%s" % (x, n, p, "true" if correct else "false"), alt, c, lo, up)


# Clopper-Pearson bounds; alpha + calpha = 1, the smaller one is used as the
# tail probability so that 60 digits resolve it (1 - 1e-300 would not be)
def cp_lower(x, n, alpha, calpha):
    if x == 0:
        return mp.mpf(0)
    if alpha <= calpha:
        return qbeta(alpha, x, n - x + 1, False)
    return qbeta(calpha, x, n - x + 1, True)


def cp_upper(x, n, alpha, calpha):
    if x == n:
        return mp.mpf(1)
    if alpha <= calpha:
        return qbeta(alpha, x + 1, n - x, True)
    return qbeta(calpha, x + 1, n - x, False)


# binom_test (Clopper-Pearson); the tail 1 - c is formed exactly from c
for (x, n) in [(3, 40), (0, 10), (10, 10), (1, 1000)]:
    for alt in ALTS:
        for c in CONFS:
            cm = mp.mpf(c)
            if alt == "two-sided":
                lo, up = cp_lower(x, n, (1 - cm) / 2, (1 + cm) / 2), cp_upper(x, n, (1 - cm) / 2, (1 + cm) / 2)
            elif alt == "less":
                lo, up = 0, cp_upper(x, n, 1 - cm, cm)
            else:
                lo, up = cp_lower(x, n, 1 - cm, cm), 1
            add("binom_test", "%d|%d" % (x, n), alt, c, lo, up)
# prop_ci, two-sided, every method
for (x, n) in [(3, 40), (0, 10), (10, 10)]:
    for method in ["wilson", "wald", "agresti-coull", "clopper-pearson", "jeffreys"]:
        for c in CONFS:
            cm = mp.mpf(c)
            z = q_two_sided(c, mp.inf)
            est = mp.mpf(x) / n
            if method == "wilson":
                lo, up = wilson(x, n, z, 0)
            elif method == "wald":
                h = z * mp.sqrt(est * (1 - est) / n)
                lo, up = max(est - h, 0), min(est + h, 1)
            elif method == "agresti-coull":
                nc = n + z * z
                qc = (x + z * z / 2) / nc
                h = z * mp.sqrt(qc * (1 - qc) / nc)
                lo, up = max(qc - h, 0), min(qc + h, 1)
            elif method == "clopper-pearson":
                lo, up = cp_lower(x, n, (1 - cm) / 2, (1 + cm) / 2), cp_upper(x, n, (1 - cm) / 2, (1 + cm) / 2)
            else:
                lo = 0 if x == 0 else qbeta((1 - cm) / 2, x + 0.5, n - x + 0.5, False)
                up = 1 if x == n else qbeta((1 - cm) / 2, x + 0.5, n - x + 0.5, True)
            add("prop_ci", "%d|%d|%s" % (x, n, method), "two-sided", c, lo, up)


# fisher_test: Cornfield bounds from the exact conditional distribution
def fisher_bounds(a, b, c_, d, alt, conf):
    m, nn, k = a + c_, b + d, a + b
    lo_s, hi_s = max(0, k - nn), min(k, m)
    coef = [mp.binomial(m, u) * mp.binomial(nn, k - u) for u in range(lo_s, hi_s + 1)]

    def tails(lw):
        # log-sum-exp of the weights at w = exp(lw)
        logs = [mp.log(cf) + (u + lo_s) * lw for u, cf in enumerate(coef)]
        mx = max(logs)
        ws = [mp.exp(l - mx) for l in logs]
        tot = sum(ws)
        i = a - lo_s
        return (sum(ws[:i + 1]) / tot, sum(ws[i:]) / tot, sum(ws[:i]) / tot, sum(ws[i + 1:]) / tot)

    cm = mp.mpf(conf)

    def upper_bound(alpha, calpha):
        # P_w(X <= a) = alpha, decreasing in w; +Inf at a = hi
        if a == hi_s:
            return mp.inf
        if alpha <= calpha:
            return mp.exp(solve_increasing(lambda lw: -tails(lw)[0], -alpha, -2000, 2000))
        return mp.exp(solve_increasing(lambda lw: tails(lw)[3], calpha, -2000, 2000))

    def lower_bound(alpha, calpha):
        # P_w(X >= a) = alpha, increasing in w; 0 at a = lo
        if a == lo_s:
            return mp.mpf(0)
        if alpha <= calpha:
            return mp.exp(solve_increasing(lambda lw: tails(lw)[1], alpha, -2000, 2000))
        return mp.exp(solve_increasing(lambda lw: -tails(lw)[2], -calpha, -2000, 2000))

    if alt == "two-sided":
        return lower_bound((1 - cm) / 2, (1 + cm) / 2), upper_bound((1 - cm) / 2, (1 + cm) / 2)
    if alt == "less":
        return mp.mpf(0), upper_bound(1 - cm, cm)
    return lower_bound(1 - cm, cm), mp.inf


for tab in [(3, 10, 4, 12), (3, 1, 1, 3), (0, 5, 6, 7), (7, 0, 2, 9)]:
    for alt in ALTS:
        for c in CONFS:
            lo, up = fisher_bounds(*tab, alt, c)
            add("fisher_test", "%d|%d|%d|%d" % tab, alt, c, lo, up)

with open(os.path.join(OUT, "edges_conf_sweep.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["fn", "args", "alternative", "conf_level", "lower", "upper"])
    w.writerows(rows)

# ------------------------------------------------------------ chisq extreme weights
crow = []
for x, p in [([100, 100], [1, 5e-324]), ([100, 0], [1, 5e-324]), ([100, 0, 5], [1, 5e-324, 1e-310]),
             ([10, 30], [1e308, 1e308]), ([10, 30, 5], [DBL_MAX, DBL_MAX, DBL_MAX]),
             ([1, 2, 3], [DBL_MAX, 1, 5e-324]), ([0, 2, 3], [5e-324, 1, 1]),
             ([7, 0], [1, 1e-300]), ([7, 1], [1, 1e-300]), ([7, 1], [1, 1e-290]),
             ([1000000, 1], [1, 1e-300]), ([5, 5], [2.5e-308, 2.5e-308]),
             ([4503599627370496, 1], [1, 5e-324])]:
    n = sum(x)
    ps = [mp.mpf(v) for v in p]
    s = sum(ps)
    stat = mp.mpf(0)
    for xi, pi in zip(x, ps):
        e = n * pi / s
        stat += (xi - e) ** 2 / e
    k = len(x)
    if stat > DBL_MAX:
        pv = mp.mpf(0)
    else:
        pv = mp.gammainc(mp.mpf(k - 1) / 2, stat / 2, mp.inf, regularized=True)
    crow.append(["{" + ",".join(str(v) for v in x) + "}",
                 "{" + ",".join(repr(v) for v in p) + "}", num(stat), num(pv)])
with open(os.path.join(OUT, "edges_chisq_extreme.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["observed", "p", "statistic", "p_value"])
    w.writerows(crow)

# ------------------------------------------------------------ counts and moments at the limits
orow = []


def t_p(stat, df, alt):
    if mp.isinf(stat):
        return mp.mpf(0) if (alt == "two-sided" or (alt == "greater") == (stat > 0)) else mp.mpf(1)
    dfx = mp.inf if df > 1e12 else df
    if alt == "two-sided":
        return min(1, 2 * t_lower_tail(-abs(stat), dfx))
    if alt == "less":
        return t_lower_tail(stat, dfx)
    return t_lower_tail(-stat, dfx)


def t_bounds(est, se, df, alt, conf=0.95):
    dfx = mp.inf if df > 1e12 else df
    return t_interval(est, se, dfx, alt, conf)


MAXN = 2 ** 63 - 1
# t_test (Welch and Student) on text summaries
for (sx, sy) in [((MAXN, 0.0, 1e300), (MAXN, 1.0, 1e300)),
                 ((MAXN, 1e-300, 5e-324), (MAXN, 0.0, 5e-324)),
                 ((2 ** 62, 1.0, DBL_MAX), (2 ** 62, -1.0, DBL_MAX)),
                 ((2, 1e300, DBL_MAX), (3, -1e300, DBL_MAX)),
                 ((2, 1e-300, 1e-310), (2, 0.0, 1e-310)),
                 ((MAXN, 1e-9, float(MAXN - 1)), (MAXN, 0.0, float(MAXN - 1))),
                 ((1000, 3.0, 999 * 4.0), (MAXN, 2.0, float(MAXN - 1) * 4))]:
    for equal_var in [False, True]:
        nx, mx, m2x = [mp.mpf(v) for v in sx]
        ny, my, m2y = [mp.mpf(v) for v in sy]
        est = mx - my
        if equal_var:
            df = nx + ny - 2
            se = mp.sqrt((m2x + m2y) / df * (1 / nx + 1 / ny))
        else:
            a = m2x / (nx - 1) / nx
            b = m2y / (ny - 1) / ny
            se = mp.sqrt(a + b)
            df = (a + b) ** 2 / (a * a / (nx - 1) + b * b / (ny - 1))
        # R's t.test: "data are essentially constant" (abstats: NULL fields)
        constant = se == 0 or se < 10 * mp.mpf(2) ** -52 * max(abs(mx), abs(my))
        stat = est / se
        for alt in ALTS:
            lo, up = t_bounds(est, se, df, alt)
            if constant:
                stat_, df_, lo, up = None, df, None, None
            orow.append(["t_test", "v1 n=%d mean=%r m2=%r|v1 n=%d mean=%r m2=%r" % (sx + sy),
                         "true" if equal_var else "false", alt, num(None if constant else stat), num(df),
                         num(None if constant else t_p(stat, df, alt)), num(est), num(lo), num(up),
                         num(se)])
# interaction_test
for cells in [[(MAXN, 0.0, 1e300), (MAXN, 0.0, 1e300), (MAXN, 0.0, 1e300), (MAXN, 1.0, 1e300)],
              [(2, 0.0, DBL_MAX), (2, 0.0, DBL_MAX), (2, 0.0, DBL_MAX), (2, 1e300, DBL_MAX)],
              [(2, 0.0, 5e-324), (2, 0.0, 0.0), (2, 0.0, 0.0), (2, 1.0, 0.0)],
              [(2, 0.0, 5e-324), (10, 0.0, 5e-324), (1000, 0.0, 5e-324), (MAXN, 1e-300, 5e-324)],
              [(3, 0.0, 1e308), (MAXN, 0.0, 1e-300), (5, 1.0, 1e308), (MAXN, 0.0, 1e-300)]]:
    cs = [[mp.mpf(v) for v in cell] for cell in cells]
    vs = [m2 / (n - 1) / n for (n, m, m2) in cs]
    se = mp.sqrt(sum(vs))
    df = sum(vs) ** 2 / sum(v * v / (c[0] - 1) for v, c in zip(vs, cs))
    est = (cs[3][1] - cs[1][1]) - (cs[2][1] - cs[0][1])
    stat = est / se
    for alt in ALTS:
        lo, up = t_bounds(est, se, df, alt)
        orow.append(["interaction", "|".join("v1 n=%d mean=%r m2=%r" % c for c in cells), "", alt,
                     num(stat), num(df), num(t_p(stat, df, alt)), num(est), num(lo), num(up), num(se)])


# sample_size_check at sizes where the Welch df exceeds 1e12: the normal limit
srow = []
def welch_normal(nt, nc, vt, vc, delta, sig, power):
    z = -qt_tail(mp.mpf(sig) / 2, mp.inf)
    k = nt / nc
    def ncdf(x):
        return mp.mpf(0) if x < -1e6 else (mp.mpf(1) if x > 1e6 else mp.ncdf(x))
    pw = lambda ncp: ncdf(ncp - z) + ncdf(-ncp - z)
    se_now = mp.sqrt(vt / nt + vc / nc)
    p_now = pw(delta / se_now)
    ncp_star = solve_increasing(pw, mp.mpf(power), 0, 100)
    # power(m) = pw(delta / sqrt(vt / (k m) + vc / m)): m = ncp*^2 (vt / k + vc) / delta^2
    m = ncp_star ** 2 * (vt / k + vc) / delta ** 2
    return k * m, m, p_now, ncp_star * se_now


for (t, c, mde, rel) in [((MAXN, 0.0, float(MAXN - 1)), (MAXN, 0.0, float(MAXN - 1)), 1e-8, False),
                         ((MAXN, 0.0, float(MAXN - 1)), (MAXN, 0.0, float(MAXN - 1)), 1e-9, False),
                         ((2 ** 40, 1.0, 1e300), (2 ** 41, 2.0, 1e300), 1e150, False),
                         ((2 ** 40, 1e300, DBL_MAX), (2 ** 40, 1e300, DBL_MAX), 1e-140, True),
                         ((2 ** 50, 1e-300, 1e-300), (2 ** 50, 1e-300, 1e-300), 1e-7, False),
                         ((2 ** 50, 0.0, 1e-300), (2 ** 52, 1e-300, 1e-300), 1e300, True),
                         ((10 ** 13, 5.0, 1e13 * 4), (3 * 10 ** 13, 5.0, 3e13 * 9), 1e-6, False)]:
    nt, mt, m2t = [mp.mpf(v) for v in t]
    nc, mc, m2c = [mp.mpf(v) for v in c]
    vt, vc = m2t / (nt - 1), m2c / (nc - 1)
    scale = abs(mc) if rel else 1
    delta = abs(mp.mpf(mde)) * scale
    a = vt / nt
    b = vc / nc
    df = (a + b) ** 2 / (a * a / (nt - 1) + b * b / (nc - 1))
    if df <= 1e12:
        raise SystemExit("sample_size_check case with df %s: not in the normal limit" % df)
    rt, rc, p_now, mde_now = welch_normal(nt, nc, vt, vc, delta, 0.05, 0.8)
    # the required sizes too must be in the normal limit, or below the
    # smallest design (2 units per arm)
    a_r, b_r = vt / rt, vc / rc
    df_r = (a_r + b_r) ** 2 / (a_r * a_r / (rt - 1) + b_r * b_r / (rc - 1)) if min(rt, rc) > 1 else 0
    if not (df_r > 1e12 or min(rt, rc) < 2):
        raise SystemExit("sample_size_check case with required df %s: not in the normal limit" % df_r)
    srow.append(["v1 n=%d mean=%r m2=%r" % t, "v1 n=%d mean=%r m2=%r" % c, repr(mde),
                 "true" if rel else "false", num(p_now), num(mde_now / scale),
                 mp.nstr(mp.ceil(rt), 25) if rt < 2 ** 63 else "overflow",
                 mp.nstr(mp.ceil(rc), 25) if rc < 2 ** 63 else "overflow",
                 mp.nstr(rt, 25), mp.nstr(rc, 25)])
with open(os.path.join(OUT, "edges_overflow.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["fn", "args", "opt", "alternative", "statistic", "df", "p_value", "estimate",
                "ci_lower", "ci_upper", "std_error"])
    w.writerows(orow)
with open(os.path.join(OUT, "edges_sample_size.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["treatment", "control", "mde", "relative", "power_now", "mde_now",
                "n_required_treatment", "n_required_control", "exact_treatment", "exact_control"])
    w.writerows(srow)
