#!/usr/bin/python3
"""gen_temme_coefficients.py: exact Taylor coefficients of Temme's C_k(eta).

    /usr/bin/python3 test/reference/gen_temme_coefficients.py

Prints the rational coefficients used by pgamma_temme_log() in src/dist.c.
Temme's uniform expansion of the incomplete gamma function (N. M. Temme,
SIAM J. Math. Anal. 10 (1979); DiDonato & Morris, ACM TOMS 12 (1986)):
with lambda = x/a, mu = lambda - 1 and eta^2/2 = mu - log(1 + mu)
(sign of mu),

    Q(a, x) = erfc(eta sqrt(a/2))/2
              + exp(-a eta^2/2)/sqrt(2 pi a) * sum_k C_k(eta) a^-k,
    C_0 = 1/mu - 1/eta,
    C_k = (1/eta) dC_{k-1}/deta + (-1)^k g_k / mu,

g_k the coefficients of Gamma*(a) = 1 + 1/(12a) + 1/(288a^2) - ...  The
closed forms cancel near eta = 0; their Taylor series are computed here
exactly in rational arithmetic (series reversion of eta(mu)).  Checks:
C_0 starts -1/3, 1/12, -2/135 and C_1 -1/540, -1/288 (Temme 1979).
"""
from fractions import Fraction as F

N = 30                      # series order kept in the intermediate steps
G = [F(1), F(1, 12), F(1, 288), F(-139, 51840), F(-571, 2488320)]


def mul(a, b):
    c = [F(0)] * N
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b[:N - i]):
                c[i + j] += x * y
    return c


def compose(a, b):          # a(b(x)), b[0] == 0
    res, p = [F(0)] * N, [F(1)] + [F(0)] * (N - 1)
    for k in range(N):
        res = [r + a[k] * q for r, q in zip(res, p)]
        p = mul(p, b)
    return res


def inv(a):                 # 1 / a(x), a[0] != 0
    c = [F(0)] * N
    c[0] = 1 / a[0]
    for n in range(1, N):
        c[n] = -sum(a[k] * c[n - k] for k in range(1, n + 1)) / a[0]
    return c


# eta = mu sqrt(g(mu)), g = 2 (mu - log(1 + mu)) / mu^2 = sum 2 (-mu)^k / (k + 2)
g = [F(2 * (-1) ** k, k + 2) for k in range(N)]
sq = [F(1)]
for k in range(1, N):
    sq.append(sq[-1] * (F(1, 2) - (k - 1)) / k)       # sqrt(1 + u)
u = g[:]
u[0] = F(0)
eta_of_mu = [F(0)] + compose(sq, u)[:N - 1]
# reversion: mu(eta), fixed point on mu <- mu - (eta(mu(eta)) - eta)
mu = [F(0), F(1)] + [F(0)] * (N - 2)
for _ in range(N):
    comp = compose(eta_of_mu, mu)
    mu = [m - (c - (1 if i == 1 else 0)) for i, (m, c) in enumerate(zip(mu, comp))]
im = inv(mu[1:] + [F(0)])   # eta / mu

# C_0 = (eta/mu - 1) / eta
C = [im[1:] + [F(0)]]
for k in range(1, 4):
    prev = C[-1]
    # Laurent series from eta^-1: (1/eta) d/deta prev  +  (-1)^k g_k (eta/mu) / eta
    lau = [F(0)] * (N + 1)      # lau[i] is the coefficient of eta^(i-1)
    for j in range(1, N):
        lau[j - 1] += j * prev[j]
    for j in range(N):
        lau[j] += (-1) ** k * G[k] * im[j]
    assert lau[0] == 0, lau[0]
    C.append(lau[1:N] + [F(0)])

assert C[0][:3] == [F(-1, 3), F(1, 12), F(-2, 135)]
assert C[1][:2] == [F(-1, 540), F(-1, 288)]
for k, n in ((0, 22), (1, 16), (2, 12), (3, 8)):
    print("C%d:" % k)
    for c in C[k][:n]:
        print("    %s," % ("%dL" % c.numerator if c.denominator == 1
                           else "%d.0L / %d.0L" % (c.numerator, c.denominator)))
