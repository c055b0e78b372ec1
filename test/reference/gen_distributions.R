# gen_distributions.R: R reference values for the abstats distribution
# functions (pnorm ... dpois), written to data/distributions.csv.
#
#   Rscript test/reference/gen_distributions.R     (from the repository top)
#
# A deliberately hard grid: both tails down to 1e-300, degrees of freedom
# from 0.5 to 1e6, beta shapes from 0.1 to 1e4, binomial sizes up to 1e9,
# Poisson means up to 1e7.  The evaluation points of each CDF are R's own
# quantiles of the probability grid (so every tail depth is hit), plus
# fixed points and the edge values R defines (+-Inf, p = 0 or 1).
# Rows where R itself warns (precision not reached) are left out.
# Columns: fn, x (q, p or x), a, b (parameters, empty if unused),
# lower (lower_tail, empty for densities and quantile edges irrelevant),
# expected (R's value, %.17g).

out <- file.path("test", "reference", "data", "distributions.csv")
rows <- list()
fmt <- function(v) {
	if (is.na(v)) return("")
	if (is.infinite(v)) return(if (v > 0) "Infinity" else "-Infinity")
	sprintf("%.17g", v)
}
add <- function(fn, x, a, b, lower, f) {
	warned <- FALSE
	v <- withCallingHandlers(f(), warning = function(w) {
		warned <<- TRUE
		invokeRestart("muffleWarning")
	})
	if (warned || is.na(v)) return(invisible())
	rows[[length(rows) + 1]] <<- paste(fn, fmt(x), fmt(a), fmt(b),
		if (is.na(lower)) "" else if (lower) "true" else "false", fmt(v), sep = ",")
}

ptail <- c(1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-10, 1e-5, 1e-3, 0.025, 0.1, 0.3, 0.5)
pshort <- c(1e-300, 1e-100, 1e-30, 1e-10, 1e-4, 0.05, 0.3, 0.5)

# A continuous family: quantiles of the p grid (both tails) are the
# evaluation points of p and d; the quantile function is checked on the
# p grid itself.  np = 1 or 2 parameters.
continuous <- function(name, pars, pgrid, fixed) {
	pf <- get(paste0("p", name)); qf <- get(paste0("q", name)); df <- get(paste0("d", name))
	for (k in seq_len(nrow(pars))) {
		a <- pars[k, 1]; b <- if (ncol(pars) > 1) pars[k, 2] else NA
		call <- function(f, x, ...) if (is.na(b)) f(x, a, ...) else f(x, a, b, ...)
		pts <- fixed
		for (p in pgrid) for (lt in c(TRUE, FALSE)) {
			q <- call(qf, p, lower.tail = lt)
			if (is.finite(q)) pts <- c(pts, q)
			# R's quantile must reproduce p through R's own CDF (to 1e-12), else R is
			# the inaccurate one there (e.g. qf and qt for small df in far
			# tails return 0 or Inf, qf for df 1e6 is off by 1e-4; checked
			# against mpmath): such rows are left out.  qt(0.5) is exactly
			# 0, which R misses by 1e-16 for df < 1.
			back <- call(pf, q, lower.tail = lt)
			if (abs(back / p - 1) < 1e-12 && !(name == "t" && p == 0.5))
				add(paste0("q", name), p, a, b, lt, function() q)
		}
		for (lt in c(TRUE, FALSE)) for (p in c(0, 1))
			add(paste0("q", name), p, a, b, lt, function() call(qf, p, lower.tail = lt))
		pts <- unique(pts)
		for (x in pts) {
			for (lt in c(TRUE, FALSE))
				add(paste0("p", name), x, a, b, lt, function() call(pf, x, lower.tail = lt))
			if (is.finite(x)) add(paste0("d", name), x, a, b, NA, function() call(df, x))
		}
	}
}

# normal: location/scale on top of the standard grid
continuous("norm", cbind(c(0, 3, -1e3, 0), c(1, 0.01, 1e4, 1e-3)), ptail,
	c(-Inf, Inf, 0, -40, 40, 1e3))
continuous("t", cbind(c(0.1, 0.5, 1, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 1e5, 3e5, 1e6)), ptail,
	c(-Inf, Inf, 0, -1, 1, 1e-3, 50, -1e5))
continuous("chisq", cbind(c(0.1, 0.5, 1, 2, 3, 10, 100, 1e3, 1e4, 1e5, 1e6)), ptail,
	c(-Inf, Inf, 0, -1, 1e-3, 1, 1e3, 1e7))
fdf <- c(0.5, 1, 3, 10, 100, 1e4, 1e6)
continuous("f", as.matrix(expand.grid(fdf, fdf)), pshort, c(-Inf, Inf, 0, -1, 1, 1e5))
bsh <- c(0.1, 0.5, 1, 2, 10, 100, 1e3, 1e4)
continuous("beta", as.matrix(expand.grid(bsh, bsh)), pshort, c(-1, 0, 1, 2, 0.5, 1e-5, 0.99999, -Inf, Inf))


# A discrete quantile from R, kept only when R's answer y satisfies the
# definition with a margin, by R's own CDF: P(y) >= p (1 + 1e-9) > p (1 - 1e-9)
# > P(y - 1) in the lower tail (P[X > .] and reversed in the upper).  This
# leaves out ties at an attained probability (ill-posed: the answer hangs
# on the last bits of the CDF) and R 4.2.2's wrong answers, e.g.
# qbinom(1e-10, 10000, 0.999) = 10000 whereas pbinom(9964, 10000, 0.999)
# is already above 1e-10.
qcheck <- function(d, p, a, b, lt) {
	qf <- get(paste0("q", d)); pf <- get(paste0("p", d))
	call <- function(f, x, ...) if (is.na(b)) f(x, a, ...) else f(x, a, b, ...)
	y <- call(qf, p, lower.tail = lt)
	if (!is.finite(y)) return(invisible())
	here <- call(pf, y, lower.tail = lt)
	below <- if (y > 0) call(pf, y - 1, lower.tail = lt) else NA
	ok <- if (lt) here >= p * (1 + 1e-9) && (is.na(below) || below < p * (1 - 1e-9))
		else here < p * (1 - 1e-9) && (is.na(below) || below >= p * (1 + 1e-9))
	if (ok) add(paste0("q", d), p, a, b, lt, function() y)
}

# beta with a zero shape: R's point masses (at 0, at 1, half at each).
# Left out, as R 4.2 is wrong there: pbeta(1, a, 0) is 0 in R (the mass at
# 1 is not counted in P[X <= 1]), pbeta(0, 0, b) is 0 (the mass at 0 is not
# counted in P[X <= 0]; R >= 4.3 returns 1, and 1/2 for two zero shapes:
# gen_dist_edges.py has those closed forms), and qbeta(p, 0, 0, lower.tail
# = FALSE) ignores lower.tail (0 for p = 0.3, where P[X > 0] = 1/2 > 0.3).
for (ab in list(c(0, 2), c(2, 0), c(0, 0))) {
	a <- ab[1]; b <- ab[2]
	for (lt in c(TRUE, FALSE)) {
		for (x in c(0, 0.3, 1)) if (!(x >= 1 && b == 0) && !(x == 0 && a == 0))
			add("pbeta", x, a, b, lt, function() pbeta(x, a, b, lower.tail = lt))
		for (p in c(0, 0.3, 0.5, 0.7, 1)) if (lt || a + b > 0 || p %in% c(0, 0.5, 1))
			add("qbeta", p, a, b, lt, function() qbeta(p, a, b, lower.tail = lt))
	}
	for (x in c(0, 0.3, 1)) add("dbeta", x, a, b, NA, function() dbeta(x, a, b))
}

# binomial
for (n in c(0, 1, 10, 100, 1e4, 1e6, 1e9)) for (pr in c(0, 1e-6, 0.001, 0.1, 0.5, 0.9, 0.999, 1)) {
	pts <- c(-Inf, Inf, -1, 0, 1, 0.5, 2.7, n, n - 1, n / 2, n + 1)
	for (p in ptail) for (lt in c(TRUE, FALSE)) {
		qcheck("binom", p, n, pr, lt)
		pts <- c(pts, qbinom(p, n, pr, lower.tail = lt) + c(-1, 0, 1))
	}
	for (lt in c(TRUE, FALSE)) {
		for (p in c(0, 1))
			add("qbinom", p, n, pr, lt, function() qbinom(p, n, pr, lower.tail = lt))
		for (p in c(0.999999, 1 - 1e-15))
			qcheck("binom", p, n, pr, lt)
	}
	pts <- unique(pts[pts >= -1 & pts <= n + 1 | is.infinite(pts)])
	for (x in pts) {
		for (lt in c(TRUE, FALSE)) {
			add("pbinom", x, n, pr, lt, function() pbinom(x, n, pr, lower.tail = lt))
			# the quantile of an attained probability: R's fuzz must return x
			if (is.finite(x) && x >= 0 && x <= n) {
				# just below and above an attained probability: the answer
				# must switch between x and its neighbour exactly as R's
				# does.  (At the attained value itself the answer hangs on
				# the last bits of the CDF: R's pbinom/ppois are off by up
				# to ~100 DBL_EPSILON there, more than R's 8 DBL_EPSILON
				# fuzz, while ours agree with mpmath to a few.)
				pv <- pbinom(x, n, pr, lower.tail = lt)
				for (pe in pv * c(1 - 1e-9, 1 + 1e-9)) if (pe > 0 && pe < 1)
					qcheck("binom", pe, n, pr, lt)
			}
		}
		if (is.finite(x)) add("dbinom", x, n, pr, NA, function() dbinom(x, n, pr))
	}
	add("dbinom", 0.3, n, pr, NA, function() dbinom(0.3, n, pr))
}

# Poisson
for (lam in c(0, 1e-3, 0.5, 1, 10, 1e3, 1e5, 1e7)) {
	pts <- c(-Inf, Inf, -1, 0, 1, 0.5, 2.7, lam, 3 * lam + 10)
	for (p in ptail) for (lt in c(TRUE, FALSE)) {
		qcheck("pois", p, lam, NA, lt)
		pts <- c(pts, qpois(p, lam, lower.tail = lt) + c(-1, 0, 1))
	}
	for (lt in c(TRUE, FALSE)) {
		for (p in c(0, 1))
			add("qpois", p, lam, NA, lt, function() qpois(p, lam, lower.tail = lt))
		qcheck("pois", 0.999999, lam, NA, lt)
	}
	pts <- unique(pts[pts >= -1 | is.infinite(pts)])
	for (x in pts) {
		for (lt in c(TRUE, FALSE)) {
			add("ppois", x, lam, NA, lt, function() ppois(x, lam, lower.tail = lt))
			if (is.finite(x) && x >= 0) {
				# just below and above an attained probability: the answer
				# must switch between x and its neighbour exactly as R's
				# does.  (At the attained value itself the answer hangs on
				# the last bits of the CDF: R's pbinom/ppois are off by up
				# to ~100 DBL_EPSILON there, more than R's 8 DBL_EPSILON
				# fuzz, while ours agree with mpmath to a few.)
				pv <- ppois(x, lam, lower.tail = lt)
				for (pe in pv * c(1 - 1e-9, 1 + 1e-9)) if (pe > 0 && pe < 1)
					qcheck("pois", pe, lam, NA, lt)
			}
		}
		if (is.finite(x)) add("dpois", x, lam, NA, NA, function() dpois(x, lam))
	}
	add("dpois", 0.3, lam, NA, NA, function() dpois(0.3, lam))
}

writeLines(c("fn,x,a,b,lower,expected", unlist(rows)), out)
cat(sprintf("%s: %d rows (%s)\n", out, length(rows), R.version.string))
