#!/usr/bin/python3
# test/reference/gen_bayes.py: high-precision reference values for
# bayes_prop_test() (Debian's python3-mpmath; run with /usr/bin/python3,
# not a pyenv python without mpmath):
#
#   cd test/reference && /usr/bin/python3 gen_bayes.py
# writes data/bayes_prop_mp.csv: for each case (x1, n1, x2, n2, prior) with
# posteriors X1 ~ Beta(x1 + alpha, n1 - x1 + beta) (treatment) and
# X2 ~ Beta(x2 + alpha, n2 - x2 + beta): P(X1 > X2), P(X1 < X2),
# E[max(X2 - X1, 0)] (loss_treatment), E[max(X1 - X2, 0)] (loss_control),
# at 40 significant digits, rounded once to double.
#
# Integer shapes (priors with integer alpha, beta): exact sums, no
# quadrature.  P(X2 > X1) by Evan Miller's closed form
#   sum_{i=0}^{a2-1} B(a1 + i, b1 + b2) / ((b2 + i) B(1 + i, b2) B(a1, b1))
# summed over the smaller of the usable integer shapes (X -> 1 - X swaps
# a and b), and the losses by the size-biased identity
#   E[max(X1 - X2, 0)] = E[X1] P(X1' > X2) - E[X2] P(X1 > X2'),
# X' ~ Beta(a + 1, b) (x f(x) = E[X] f'(x)), whose cancellation costs a
# few of the 40 digits at most.  Other shapes (a prior of 1/2): the
# integrals P(X1 > X2) = int f1 F2 and E[max(X1 - X2, 0)] = int F2 S1
# (and mirrored) over s = logit(u), where shapes below 1 have no endpoint
# singularity, by mpmath's tanh-sinh quadrature with mpmath's betainc,
# split around the two posteriors; mpmath's hypergeometric betainc limits
# these cases to shapes in the hundreds.  Printed: the largest departure
# from P(X1 > X2) + P(X1 < X2) = 1 and from loss_control - loss_treatment =
# E[X1] - E[X2], both computed independently.  Counts up to 1e9 are covered by
# gen_bayes.R (R's pbeta and integrate), checked there against this file.
import csv
import mpmath as mp

mp.mp.dps = 40


def miller_gt(a1, b1, a2, b2):
    """P(X2 > X1) for an integer a2: Miller's sum, terms by their ratio."""
    a1, b1, a2, b2 = map(mp.mpf, (a1, b1, a2, b2))
    term = mp.exp(mp.loggamma(a1 + b1) + mp.loggamma(b1 + b2)
                  - mp.loggamma(b1) - mp.loggamma(a1 + b1 + b2))
    total = mp.mpf(0)
    for i in range(int(a2)):
        total += term
        term *= (a1 + i) * (b2 + i) / ((a1 + b1 + b2 + i) * (1 + i))
    return total


def is_int(v):
    return float(v) == int(v)


def p_greater_exact(a1, b1, a2, b2):
    """P(X1 > X2) from a sum over a1 or b2 (whichever is an integer and smaller)."""
    options = []
    if is_int(a1):
        options.append((a1, lambda: miller_gt(a2, b2, a1, b1)))
    if is_int(b2):
        options.append((b2, lambda: miller_gt(b1, a1, b2, a2)))
    return min(options, key=lambda o: o[0])[1]()


def p_less_exact(a1, b1, a2, b2):
    """P(X1 < X2) = P(X2 > X1) from a sum over a2 or b1."""
    options = []
    if is_int(a2):
        options.append((a2, lambda: miller_gt(a1, b1, a2, b2)))
    if is_int(b1):
        options.append((b1, lambda: miller_gt(b2, a2, b1, a1)))
    return min(options, key=lambda o: o[0])[1]()


def exact(a1, b1, a2, b2):
    m1 = mp.mpf(a1) / (a1 + b1)
    m2 = mp.mpf(a2) / (a2 + b2)
    pg = p_greater_exact(a1, b1, a2, b2)
    pl = p_less_exact(a1, b1, a2, b2)
    loss_c = m1 * p_greater_exact(a1 + 1, b1, a2, b2) - m2 * p_greater_exact(a1, b1, a2 + 1, b2)
    loss_t = m2 * p_less_exact(a1, b1, a2 + 1, b2) - m1 * p_less_exact(a1 + 1, b1, a2, b2)
    return pg, pl, loss_t, loss_c


def by_quadrature(a1, b1, a2, b2):
    """The four integrals over s = logit(u) (no endpoint singularities for
    shapes below 1), tanh-sinh over the real line split around the two
    posteriors' logit means."""
    a1, b1, a2, b2 = map(mp.mpf, (a1, b1, a2, b2))
    lb1 = mp.log(mp.beta(a1, b1))
    u_of = lambda s: 1 / (1 + mp.exp(-s))
    # density of logit(X1): u^a1 (1 - u)^b1 / B(a1, b1)
    g1 = lambda s: mp.exp(a1 * mp.log(u_of(s)) + b1 * mp.log(u_of(-s)) - lb1)
    F = lambda s, a, b: mp.betainc(a, b, 0, u_of(s), regularized=True)
    S = lambda s, a, b: mp.betainc(a, b, u_of(s), 1, regularized=True)
    jac = lambda s: u_of(s) * u_of(-s)
    pts = {mp.ninf, mp.inf}
    for a, b in ((a1, b1), (a2, b2)):
        m = mp.digamma(a) - mp.digamma(b)
        sd = mp.sqrt(mp.psi(1, a) + mp.psi(1, b))
        for k in range(-16, 17, 2):
            pts.add(m + k * sd)
    pts = sorted(pts)
    pg = mp.quad(lambda s: g1(s) * F(s, a2, b2), pts)
    pl = mp.quad(lambda s: g1(s) * S(s, a2, b2), pts)
    loss_t = mp.quad(lambda s: F(s, a1, b1) * S(s, a2, b2) * jac(s), pts)
    loss_c = mp.quad(lambda s: F(s, a2, b2) * S(s, a1, b1) * jac(s), pts)
    return pg, pl, loss_t, loss_c


# (x1, n1, x2, n2, prior_alpha, prior_beta)
cases = []
for prior in ((1, 1), (2, 3), (1, 10)):
    for counts in ((10, 100, 15, 100), (15, 100, 10, 100), (0, 0, 0, 0), (0, 50, 0, 50),
                   (3, 40, 0, 25), (50, 1000, 80, 1000), (120, 1000, 100, 1000),
                   (500, 1000, 510, 1000), (1000, 10000, 1200, 10000),
                   (2000, 100000, 2400, 100000), (49, 50, 50, 50), (5, 10, 10, 10),
                   (300, 5000, 200, 5000), (10, 100000, 40, 100000), (7, 7, 0, 7)):
        cases.append(counts + prior)
for prior in ((0.5, 0.5), (0.25, 1.5)):
    for counts in ((10, 100, 15, 100), (0, 0, 0, 0), (0, 30, 2, 30), (20, 200, 35, 210),
                   (100, 300, 60, 300), (30, 30, 29, 30), (1, 400, 9, 400)):
        cases.append(counts + prior)
# cross-check: integer cases by quadrature too (agreement printed)
check = [(10, 100, 15, 100, 1, 1), (3, 40, 0, 25, 2, 3), (120, 1000, 100, 1000, 1, 1)]

worst = mp.mpf(0)
for c in check:
    x1, n1, x2, n2, al, be = c
    e = exact(x1 + al, n1 - x1 + be, x2 + al, n2 - x2 + be)
    q = by_quadrature(x1 + al, n1 - x1 + be, x2 + al, n2 - x2 + be)
    for u, v in zip(e, q):
        worst = max(worst, abs(u / v - 1))
print("exact sums against quadrature, worst relative difference:", mp.nstr(worst, 3))

worst_sum = mp.mpf(0)
worst_id = mp.mpf(0)
with open("data/bayes_prop_mp.csv", "w", newline="") as fh:
    w = csv.writer(fh)
    w.writerow(["case_id", "x1", "n1", "x2", "n2", "prior_alpha", "prior_beta", "method",
                "p_greater", "p_less", "loss_treatment", "loss_control"])
    for i, c in enumerate(cases, 1):
        x1, n1, x2, n2, al, be = c
        shapes = (x1 + al, n1 - x1 + be, x2 + al, n2 - x2 + be)
        integer = all(is_int(v) for v in shapes)
        vals = exact(*shapes) if integer else by_quadrature(*shapes)
        worst_sum = max(worst_sum, abs(vals[0] + vals[1] - 1))
        dm = mp.mpf(shapes[0]) / (shapes[0] + shapes[1]) - mp.mpf(shapes[2]) / (shapes[2] + shapes[3])
        worst_id = max(worst_id, abs((vals[3] - vals[2]) - dm) / max(vals[2], vals[3]))
        w.writerow([i, x1, n1, x2, n2, repr(float(al)), repr(float(be)),
                    "exact sum" if integer else "quadrature"]
                   + [mp.nstr(v, 17, min_fixed=-1, max_fixed=-1) if v != 0 else "0" for v in vals])
print(len(cases), "cases written to data/bayes_prop_mp.csv")
print("worst |P(X1 > X2) + P(X1 < X2) - 1|:", mp.nstr(worst_sum, 3),
      "; worst relative error of the loss identity:", mp.nstr(worst_id, 3))
