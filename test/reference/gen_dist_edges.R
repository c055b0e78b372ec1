# gen_dist_edges.R: R reference values for the edge behaviour of the
# discrete distributions (sql/dist_edges.sql), written to
# data/dist_edges_r.csv.
#
#   Rscript test/reference/gen_dist_edges.R     (from the repository top)
#
# Debian R 4.2.2 (the version is written into the data file's last row's
# comment column and checked below).  Two classes:
#   - R's integer fuzz at every boundary of dbinom, pbinom, dpois, ppois:
#     x slightly below 0 (e.g. -2e-22: the sign is tested before the
#     rounding), slightly below and above a whole number (inside and
#     outside R's tolerance, 1e-7 relative for d*, floor(x + 1e-7) for p*),
#     slightly above size, both tails;
#   - quantiles of the Poisson and binomial at means beyond 2^53, where
#     consecutive doubles differ by more than 1 (qpois(0.95, 1e20,
#     lower.tail = FALSE) never returned in abstats 0.1.0), kept only when
#     R's answer satisfies the quantile definition by R's own CDF with a
#     margin of 1e-9 (as gen_distributions.R does).
# Columns: fn, x, a, b, lower, expected (as distributions.csv).

stopifnot(R.version$major == "4", R.version$minor == "2.2")
out <- file.path("test", "reference", "data", "dist_edges_r.csv")
rows <- list()
fmt <- function(v) {
	if (is.na(v)) return("")
	if (is.infinite(v)) return(if (v > 0) "Infinity" else "-Infinity")
	sprintf("%.17g", v)
}
add <- function(fn, x, a, b, lower, v) {
	rows[[length(rows) + 1]] <<- paste(fn, fmt(x), fmt(a), fmt(b),
		if (is.na(lower)) "" else if (lower) "true" else "false", fmt(v), sep = ",")
}
quiet <- function(e) suppressWarnings(e)

# the fuzz at the boundaries
for (k in c(0, 1, 3, 10)) {
	xs <- c(k - 2e-22, k - 1e-8, k - 5e-8, k - 0.9e-7 * max(1, k), k - 1.1e-7 * max(1, k),
	        k - 2e-7, k - 1e-7, k + 1e-12, k + 0.9e-7 * max(1, k), k + 1.1e-7 * max(1, k),
	        k - 0.5, k + 0.5)
	for (x in unique(xs)) {
		for (n in c(10, 1e6)) for (pr in c(0.5, 0.01)) {
			add("dbinom", x, n, pr, NA, quiet(dbinom(x, n, pr)))
			for (lt in c(TRUE, FALSE)) add("pbinom", x, n, pr, lt, pbinom(x, n, pr, lower.tail = lt))
		}
		for (lam in c(1, 3.5, 1e6)) {
			add("dpois", x, lam, NA, NA, quiet(dpois(x, lam)))
			for (lt in c(TRUE, FALSE)) add("ppois", x, lam, NA, lt, ppois(x, lam, lower.tail = lt))
		}
	}
}
# slightly above size, and negative arguments of every kind
for (n in c(10, 1e6)) {
	for (x in c(n + 1e-12, n + 1e-8, n + 0.9e-7 * n, n + 1.1e-7 * n, n + 0.5, -1e-300, -5e-324, -1)) {
		add("dbinom", x, n, 0.3, NA, quiet(dbinom(x, n, 0.3)))
		for (lt in c(TRUE, FALSE)) add("pbinom", x, n, 0.3, lt, pbinom(x, n, 0.3, lower.tail = lt))
	}
}
for (x in c(-1e-300, -5e-324, -1)) {
	add("dpois", x, 2, NA, NA, dpois(x, 2))
	for (lt in c(TRUE, FALSE)) add("ppois", x, 2, NA, lt, ppois(x, 2, lower.tail = lt))
}

# the Poisson at a mean of 1e15 (abstats 0.1.0 gave up: 22003)
for (lt in c(TRUE, FALSE)) add("ppois", 1e15 + 1e8, 1e15, NA, lt, ppois(1e15 + 1e8, 1e15, lower.tail = lt))

# quantiles beyond 2^53
qcheck <- function(d, p, a, b, lt) {
	qf <- get(paste0("q", d)); pf <- get(paste0("p", d))
	call <- function(f, x, ...) if (is.na(b)) f(x, a, ...) else f(x, a, b, ...)
	y <- call(qf, p, lower.tail = lt)
	if (!is.finite(y)) return(invisible())
	below <- y - max(1, 2^(floor(log2(y)) - 52))	# the whole number (double) below y
	here <- call(pf, y, lower.tail = lt)
	prev <- if (y > 0) call(pf, below, lower.tail = lt) else NA
	ok <- if (lt) here >= p * (1 + 1e-9) && (is.na(prev) || prev < p * (1 - 1e-9))
		else here < p * (1 - 1e-9) && (is.na(prev) || prev >= p * (1 + 1e-9))
	if (ok) add(paste0("q", d), p, a, b, lt, y)
}
for (lam in c(1e15, 1e16, 1e17, 1e18, 1e20, 1e25)) for (p in c(0.05, 0.5, 0.95))
	for (lt in c(TRUE, FALSE)) qcheck("pois", p, lam, NA, lt)
for (n in c(2^53, 2^53 - 1, 1e15)) for (pr in c(0.5, 0.999)) for (p in c(0.05, 0.5, 0.95))
	for (lt in c(TRUE, FALSE)) qcheck("binom", p, n, pr, lt)

writeLines(c("fn,x,a,b,lower,expected", unlist(rows)), out)
cat(sprintf("%s: %d rows (%s)\n", out, length(rows), R.version.string))
