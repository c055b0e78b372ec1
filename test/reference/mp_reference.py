"""mp_reference.py: high-precision reference distributions (mpmath), shared by
the generators gen_dist_edges.py and gen_noncentral_t_mp.py.

Each function returns an mpmath number computed with enough working
precision that the result is good to far more than double precision:
45 significant digits plus the digits the parameters' size costs (a shape
of 1e308 needs log10(1e308) more digits to resolve its deviations).  Where
mpmath's own special functions are used (ncdf, gammainc, betainc), they
are used directly; where they do not converge (gammainc and betainc with
both parameters beyond ~1e4), the probability is an explicit integral of
the density in a variable where it is smooth and log-concave, by mpmath's
tanh-sinh quadrature with breakpoints at the scale of the density.  None of
this shares code or method with src/dist.c except the textbook formulas.
"""
import mpmath as mp
from mpmath import mpf


def digits_for(*vals):
    """working digits: 45 plus the decimal size of the largest value"""
    m = max([abs(mpf(v)) for v in vals] + [mpf(1)])
    return 45 + (int(mp.log10(m)) if m > 1 else 0)


# ------------------------------------------------------------------ normal
def norm_cdf(z, lower):
    """P[Z <= z] or P[Z > z]"""
    with mp.workdps(60):
        z = mpf(z)
        return mp.ncdf(z) if lower else mp.ncdf(-z)


def norm_quantile(p, lower):
    """z with P[Z <= z] = p (lower) or P[Z > z] = p"""
    with mp.workdps(60):
        p = mpf(p)
        if not lower:
            return -norm_quantile(p, True)
        if p == mpf(1) / 2:
            return mpf(0)
        if p > mpf(1) / 2:
            return -norm_quantile(1 - p, True)
        # log-scale Newton on log ncdf from the asymptotic start
        z = -mp.sqrt(-2 * mp.log(p)) if p < mpf('0.1') else mpf(-1)
        lp = mp.log(p)
        for _ in range(200):
            f = mp.log(mp.ncdf(z)) - lp
            d = mp.npdf(z) / mp.ncdf(z)
            step = f / d
            z -= step
            if abs(step) < mpf(10) ** (-55) * (1 + abs(z)):
                break
        return z


# ------------------------------------------------------------------ gamma
def gamma_cdf(x, a, lower):
    """regularized incomplete gamma P(a, x) (lower) or Q(a, x)"""
    x, a = mpf(x), mpf(a)
    if x <= 0:
        return mpf(0) if lower else mpf(1)
    if a <= 1e4:
        with mp.workdps(60):
            try:
                if lower:
                    return mp.gammainc(a, 0, x, regularized=True)
                return mp.gammainc(a, x, mp.inf, regularized=True)
            except (mp.libmp.NoConvergence, ValueError):
                pass
    # away from the mean the tail's continued fraction converges in a few
    # hundred terms; the quadrature below is good to only ~4e-12 in the
    # far tails at large a (e.g. Q(5e4, 58273.45): 9.01322359220926e-271
    # against 9.0132235921719094e-271 from mpmath's gammainc and the
    # continued fraction)
    t = gamma_tail_cf(x, a, x > a, digits_for(a, x) + 30)
    if t is not None:
        small = (x > a) != lower
        return t if small else 1 - t
    return gamma_cdf_integral(x, a, lower)


def gamma_tail_cf(x, a, upper, dps):
    """Q(a, x) for x > a (Legendre's continued fraction, A&S 6.5.31) or
    P(a, x) for x < a (DLMF 8.9.2), by the modified Lentz method; None if
    it has not converged in 5000 terms (near the mean)"""
    with mp.workdps(dps):
        x, a = mpf(x), mpf(a)
        tiny = mpf(10) ** (-2 * dps)
        eps = mpf(10) ** (5 - dps)
        if upper:
            # x^a e^-x / Gamma(a) / (x+1-a- 1(1-a)/(x+3-a- 2(2-a)/(x+5-a- ...)))
            b = x + 1 - a
            c = 1 / tiny
            d = 1 / b
            h = d
            for n in range(1, 5000):
                an = -n * (n - a)
                b += 2
                d = an * d + b
                if abs(d) < tiny:
                    d = tiny
                c = b + an / c
                if abs(c) < tiny:
                    c = tiny
                d = 1 / d
                h *= d * c
                if abs(d * c - 1) < eps:
                    return mp.exp(a * mp.log(x) - x - mp.loggamma(a)) * h
            return None
        # gamma(a, x) = x^a e^-x / (a - a x/(a+1 + x/(a+2 - (a+1) x/(a+3 + 2x/(a+4 - ...)))))
        f = c = a
        d = mpf(0)
        for k in range(1, 5000):
            ak = -(a + (k - 1) // 2) * x if k % 2 == 1 else (k // 2) * x
            bk = a + k
            d = bk + ak * d
            if abs(d) < tiny:
                d = tiny
            c = bk + ak / c
            if abs(c) < tiny:
                c = tiny
            d = 1 / d
            f *= c * d
            if abs(c * d - 1) < eps:
                return mp.exp(a * mp.log(x) - x - mp.loggamma(a)) / f
        return None


def gamma_cdf_integral(x, a, lower):
    """the Gamma(a) density integrated in eps, t = a (1 + eps)"""
    with mp.workdps(digits_for(a) + 15):
        x, a = mpf(x), mpf(a)
        const = (a - 1) * mp.log(a) - a - mp.loggamma(a) + mp.log(a)

        def f(e):
            return mp.exp((a - 1) * mp.log1p(e) - a * e + const)
        ex = x / a - 1
        # Chernoff: the tail beyond x is below exp(-a (ex - log1p(ex))); past
        # exp(-1e5) it is 0 (or the other tail 1) to far more than 45 digits
        if a * (ex - mp.log1p(ex)) > 10 ** 5:
            small = (ex < 0) == lower
            return mpf(0) if small else mpf(1)
        h = 1 / (abs(a * ex) + mp.sqrt(a))
        if lower:
            pts = [ex]
            for k in range(400):
                nxt = ex - h * 2 ** k
                if nxt <= -1:
                    break
                pts.append(nxt)
            pts.append(mpf(-1))
            return mp.quad(f, pts[::-1])
        pts = [ex] + [ex + h * 2 ** k for k in range(90)] + [mp.inf]
        return mp.quad(f, pts)


# ------------------------------------------------------------------ beta
def beta_cdf(x, a, b, lower, y=None):
    """I_x(a, b) (lower) or 1 - I_x(a, b); y = 1 - x may be given exactly"""
    with mp.workdps(digits_for(a, b) + 30):
        x, a, b = mpf(x), mpf(a), mpf(b)
        y = 1 - x if y is None else mpf(y)
        if x <= 0:
            return mpf(0) if lower else mpf(1)
        if y <= 0:
            return mpf(1) if lower else mpf(0)
        if min(a, b) <= 1e4:
            try:
                # the tail on x's side of the mean from x itself, the other
                # as its complement: y = 1 - x rounds to 1 when x is below
                # 10^-dps (I_y(b, a) was then 1 for pf(4e-156, 0.001, 1e8,
                # upper), whose value is 0.1667)
                if x * (a + b) < a:
                    v = mp.betainc(a, b, 0, x, regularized=True)
                    return v if lower else 1 - v
                v = mp.betainc(b, a, 0, y, regularized=True)
                return 1 - v if lower else v
            except (mp.libmp.NoConvergence, ValueError):
                pass
        # away from the mean the small tail's continued fraction converges
        # quickly (the quadrature below is good to only ~1e-12 in far tails)
        below = x * (a + b) < a
        t = beta_tail_cf(x, y, a, b) if below else beta_tail_cf(y, x, b, a)
        if t is not None:
            return t if below == lower else 1 - t
        return beta_cdf_integral(x, y, a, b, lower)


def beta_tail_cf(x, y, a, b):
    """I_x(a, b) for x below the mean, by the continued fraction of A&S
    26.5.8 (modified Lentz), the prefactor x^a y^b / (a B(a, b)); None if
    it has not converged in 5000 terms (near the mean)"""
    dps = mp.mp.dps
    tiny = mpf(10) ** (-2 * dps)
    eps = mpf(10) ** (5 - dps)
    f = c = mpf(1)
    d = mpf(0)
    for k in range(1, 10000):
        m = k // 2
        if k % 2 == 1:
            dk = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        else:
            dk = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1 + dk * d
        if abs(d) < tiny:
            d = tiny
        c = 1 + dk / c
        if abs(c) < tiny:
            c = tiny
        d = 1 / d
        f *= c * d
        if abs(c * d - 1) < eps:
            lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
            return mp.exp(a * mp.log(x) + b * mp.log(y) - lb) / (a * f)
    return None


def beta_cdf_integral(x, y, a, b, lower):
    """the density of W = log(U/(1-U)) (log-concave) integrated from w_x"""
    lb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)

    def f(w):
        return mp.exp(a * w - (a + b) * mp.log1p(mp.exp(w)) - lb)
    wx = mp.log(x) - mp.log(y)
    wm = mp.log(a / b)
    # Chernoff: the tail beyond x is below exp(-n KL(x, a/n)); past exp(-1e5)
    # it is 0 (or the other tail 1) to far more than 45 digits
    n = a + b
    kl = a * mp.log(a / (n * x)) + b * mp.log(b / (n * y))
    if kl > 10 ** 5:
        small = (x < a / n) == lower
        return mpf(0) if small else mpf(1)
    sd = mp.sqrt(1 / a + 1 / b)
    slope = abs(a - (a + b) / (1 + mp.exp(-wx)))
    h = min(sd, 1 / slope) if slope > 0 else sd
    d = -1 if lower else 1
    pts = [wx] + [wx + d * h * 2 ** k for k in range(90)]
    if (wm - wx) * d > 0:
        pts += [wm + j * sd for j in range(-8, 9)]
    pts = sorted(set(p for p in pts if (p - wx) * d >= 0), reverse=(d < 0))
    pts.append(d * mp.inf)
    return abs(mp.quad(f, pts))


# ------------------------------------------------------------------ t
def t_cdf(q, nu, lower):
    """Student's t CDF through the incomplete beta (A&S 26.7.1):
    P[|T| > |q|] = I_x(nu/2, 1/2), x = nu/(nu + q^2) = 1 - y.  For x <= 1/2
    directly; otherwise as 1 - I_y(1/2, nu/2), with the working precision
    raised until the digits lost to the subtraction are covered (mpmath's
    hypergeometric series for I_x with x near 1 and a huge nu does not
    converge)."""
    q, nu = mpf(q), mpf(nu)
    if q == 0:
        return mpf(1) / 2
    r = max(nu / (q * q), (q * q) / nu)
    small = (q < 0) == lower
    with mp.workdps(digits_for(nu, q * q, r) + 20):
        # the density beyond |q| is below (1 + q^2/nu)^(-(nu+1)/2) sqrt(nu):
        # past exp(-5000) the tail is 0 far below the smallest double
        if (nu + 1) / 2 * mp.log1p(q * q / nu) - mp.log(nu + 1) > 5000:
            return mpf(0) if small else mpf(1)
    extra = 20
    while True:
        with mp.workdps(digits_for(nu, q * q, r) + extra):
            x = nu / (nu + q * q)
            y = q * q / (nu + q * q)
            if x <= mpf(1) / 2:
                tail = mp.betainc(nu / 2, mpf(1) / 2, 0, x, regularized=True) / 2
            else:
                tail = (1 - mp.betainc(mpf(1) / 2, nu / 2, 0, y, regularized=True)) / 2
                if tail <= 0 and extra < 2000:
                    extra = 2 * extra + 400
                    continue
                if tail > 0 and -mp.log10(tail) + 45 > mp.mp.dps - 10 and extra < 2000:
                    extra = int(-mp.log10(tail)) + 80
                    continue
            return tail if small else 1 - tail


def log_ncdf(w):
    """log P[Z <= w], with the asymptotic series beyond |w| = 1e6 (mpmath's
    erfc overflows a float for huge arguments)"""
    if w > 1e6:
        return mpf(0)        # log(1 - Q), Q < exp(-5e11)
    if w < -1e6:
        w2 = w * w
        return -w2 / 2 - mp.log(-w) - mp.log(2 * mp.pi) / 2 + \
            mp.log(1 - 1 / w2 + 3 / w2 ** 2 - 15 / w2 ** 3 + 105 / w2 ** 4)
    return mp.log(mp.ncdf(w))


# ------------------------------------------------------------------ noncentral t
def nct_cdf(q, nu, d, lower):
    """P[T <= q] or P[T > q] for T = (Z + d)/S, S^2 ~ chi2(nu)/nu, integrated
    over u = log S: the part where q e^u is negligible (u < u0, relative
    1e-40) is Phi(-+d) P[S <= e^u0] exactly (mpmath gammainc); the rest by
    tanh-sinh quadrature split at multiples of the width around the maximum
    of the integrand (a scan, then golden-section search)."""
    with mp.workdps(45 + (int(mp.log10(nu)) if nu > 1 else 0)):
        q, nu, d = mpf(q), mpf(nu), mpf(d)
        if q == 0:
            return mp.ncdf(-d) if lower else mp.ncdf(d)
        m = nu / 2
        K = mp.log(2) + m * mp.log(m) - mp.loggamma(m)
        sgn = 1 if lower else -1

        def logg(u):
            return log_ncdf(sgn * (q * mp.exp(u) - d)) + K + nu * u - m * mp.exp(2 * u)
        u0 = mp.log(mpf('1e-40') / (abs(q) * (abs(d) + 1)))
        A = mp.ncdf(-sgn * d) * mp.gammainc(m, 0, m * mp.exp(2 * u0), regularized=True)
        hi = max(u0 + 1, mpf(40))
        n = 200
        with mp.workdps(20):
            grid = [u0 + (hi - u0) * i / n for i in range(n + 1)]
            vals = [logg(u) for u in grid]
        i = max(range(len(vals)), key=lambda k: vals[k])
        a_, b_ = grid[max(i - 1, 0)], grid[min(i + 1, n)]
        gr = (mp.sqrt(5) - 1) / 2
        width = 1 / mp.sqrt(2 * nu) if nu > 0.5 else mpf(1)
        for _ in range(300):
            if b_ - a_ < width * mpf('1e-4'):
                break
            c1 = b_ - gr * (b_ - a_)
            c2 = a_ + gr * (b_ - a_)
            if logg(c1) > logg(c2):
                b_ = c2
            else:
                a_ = c1
        us = max((a_ + b_) / 2, u0)
        H = logg(us)
        e = width * mpf('1e-3')
        c2 = (logg(us + e) - 2 * H + logg(us - e)) / e ** 2
        su = 1 / mp.sqrt(-c2) if c2 < 0 else width
        pts = [us - su * 2 ** k for k in range(6, -1, -1)] + [us] + \
              [us + su * 2 ** k for k in range(0, 7)]
        if d / q > 0:
            # where Phi turns (q e^u = d), over 1/|d|: a plateau may end in a
            # cliff there, away from the maximum
            uc, wc = mp.log(d / q), 1 / abs(d)
            pts += [uc + wc * k for k in (-64, -32, -16, -8, -4, -2, -1, 0, 1, 2, 4, 8, 16, 32, 64)]
        # beyond u_end the chi density is below exp(-1e5) (an infinite
        # endpoint would make mpmath evaluate exp(exp(2u)) at huge u)
        u_end = max(pts[-1], mp.log(mpf(10) ** 5 / m) / 2)
        pts = sorted(set([p for p in pts if u0 < p < u_end] + [u0, u_end]))
        v = mp.quad(lambda u: mp.exp(logg(u) - H), pts)
        return A + v * mp.exp(H)


# ------------------------------------------------------------------ helpers
def to_double(v):
    """v correctly rounded to a double (subnormals included): through a
    60-digit decimal string, as float(mpf) rounds towards zero"""
    with mp.workdps(70):
        return float(mp.nstr(mpf(v), 60))


def fmt(v):
    """a double as written in the CSV files (shortest repr of the double
    nearest to v)"""
    if mp.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(to_double(v))


def bracket(v):
    """the two doubles around the exact value v (equal when v is a double)"""
    import math
    f = to_double(v)
    if mpf(f) == v:
        return f, f
    if mpf(f) < v:
        return f, math.nextafter(f, math.inf)
    return math.nextafter(f, -math.inf), f
