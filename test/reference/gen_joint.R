#!/usr/bin/env Rscript
# test/reference/gen_joint.R: reference samples of pairs (x, y) and the
# expected values of the joint_summary accessors and of cor_test(), from R
# and from exact arithmetic.
#
#   cd test/reference && Rscript gen_joint.R
#
# Needs Debian's r-base-core and r-cran-rmpfr.  Deterministic (fixed seed);
# rerunning rewrites identical files:
#   data/joint_samples.csv   sample_id, x, y (%.17g, round-trips exactly)
#   data/joint_expected.csv  per sample and source: n, mean_x, mean_y,
#                            var_x, var_y, cov, cor
#   data/cor_test.csv        cor.test cases (alternative, conf_level) and
#                            their results
# Two samples of 100 000 pairs are not written out: they are generated from
# integer formulas that R and PostgreSQL evaluate to the same doubles
# (formula_x/formula_y below; sql/cor_test.sql has the same formulas).
#
# Two sources of expected values per case:
#   source = 'R'      R 4.x doubles: mean(), var(), cov(), cor(), and
#                     cor.test(x, y, method = "pearson").
#   source = 'exact'  the same quantities with Rmpfr at 256 bits on the very
#                     same doubles (two-pass), rounded once to double; for
#                     cor.test the t statistic, atanh(r) and the interval
#                     ends are also computed at 256 bits from the exact r,
#                     and only the p-value (R's pt at the exact t) and the
#                     normal quantile (R's qnorm) are R doubles, so 'exact'
#                     isolates the error of the moments and the arithmetic.
# sql/cor_test.sql compares with R at 1e-10 relative and, where R's own r is
# off (near-collinear samples amplify its last-bit error through 1 - r^2),
# with 'exact'.
#
# Where R's cor.test stops (fewer than 3 pairs) the sample is not used; a
# sample with a constant metric gets R's NA estimate (NULL in SQL).
suppressPackageStartupMessages(library(Rmpfr))

PREC <- 256
set.seed(20261201)
fmt <- function(v) {
	ifelse(is.na(v), "",
		ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
			sprintf("%.17g", v)))
}

samples <- list()
add <- function(id, kind, x, y, write = TRUE)
	samples[[id]] <<- list(id = id, kind = kind, x = as.double(x), y = as.double(y),
						   write = write)

# correlated normal pairs: y = rho x + sqrt(1 - rho^2) e
cnorm <- function(n, rho, mx = 0, sx = 1, my = 0, sy = 1) {
	x <- rnorm(n)
	y <- rho * x + sqrt(1 - rho^2) * rnorm(n)
	list(x = mx + sx * x, y = my + sy * y)
}
for (n in c(3, 4, 5, 6, 10, 30, 100, 1000, 5000))
	for (rho in if (n == 5000) 0.3 else c(0, 0.3, -0.6, 0.95)) {
		p <- cnorm(n, rho, 10, 2, -3, 0.5)
		add(sprintf("normal_%d_rho%s", n, rho), "well", p$x, p$y)
	}
p <- cnorm(5000, 0.001); add("weak_5000", "well", p$x, p$y)
p <- cnorm(200, -0.999); add("strong_neg_200", "well", p$x, p$y)
# heavy tails, skewed, discrete, revenue-like
x <- rt(300, df = 3); add("tdist3_300", "well", x, x + rt(300, df = 3))
x <- rlnorm(500, 3, 1.2); add("lognormal_500", "well", x, x * rlnorm(500, 0, 0.5))
for (n in c(1000, 5000)) {
	sessions <- rpois(n, 3) + 1
	orders <- rbinom(n, sessions, 0.1)
	revenue <- ifelse(orders > 0, round(orders * rlnorm(n, 3.5, 1), 2), 0)
	add(sprintf("revenue_sessions_%d", n), "well", revenue, sessions)
	add(sprintf("orders_sessions_%d", n), "well", orders, sessions)
}
b <- rbinom(500, 1, 0.3); add("binary_500", "well", b, ifelse(runif(500) < 0.8, b, 1 - b))
add("binary_10", "well", c(0, 1, 1, 0, 1, 0, 0, 1, 1, 1), c(0, 1, 0, 0, 1, 0, 1, 1, 1, 1))
x <- sample(1:5, 200, replace = TRUE); add("likert_200", "well", x, pmin(5, x + sample(-1:1, 200, TRUE)))
add("ties_12", "well", c(1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5), c(2, 1, 2, 3, 2, 3, 4, 3, 5, 4, 6, 5))
add("three_points", "well", c(1, 2, 4), c(3, 1, 2))
add("four_points", "well", c(0.5, -1, 2, 7), c(1e-3, 3e-3, -2e-3, 4e-3))
# near-collinear: r within 1e-6 .. 1e-12 of 1
x <- rnorm(50); add("near1_1e-6_50", "near1", x, x + rnorm(50, sd = 1e-3))
x <- rnorm(500); add("near1_1e-12_500", "near1", x, -2 * x + rnorm(500, sd = 1e-6))
# large offsets: means 1e6 .. 1e9 with a much smaller spread
p <- cnorm(1000, 0.5, 1e6, 0.01, 1e9, 0.1); add("offset_1e6_1e9_1000", "offset", p$x, p$y)
p <- cnorm(300, -0.2, 1e7, 1, -5e7, 3); add("offset_1e7_300", "offset", round(p$x, 1), p$y)
p <- cnorm(2000, 0.9, 1e9, 0.1, 1e8, 1); add("offset_1e9_2000", "offset", p$x, p$y)
# a constant metric: R's estimate is NA ("the standard deviation is zero")
add("constant_y_10", "degenerate", 1:10, rep(3.25, 10))
add("constant_x_5", "degenerate", rep(1e9 + 0.5, 5), c(1, 2, 3, 5, 8))

# 100 000 pairs from integer formulas (exact in doubles, the same in SQL):
#   x_i = ((i * 7919) mod 10007) / 100
#   y_i = x_i / 2 + ((i * 104729) mod 9973) / 1000
# and the same shifted by 1e6 and 1e9.
i <- as.double(1:100000)
fx <- ((i * 7919) %% 10007) / 100
fy <- fx / 2 + ((i * 104729) %% 9973) / 1000
add("formula_100000", "formula", fx, fy, write = FALSE)
add("formula_offset_100000", "formula", fx + 1e6, fy + 1e9, write = FALSE)

ids <- names(samples)
long <- do.call(rbind, lapply(Filter(function(s) s$write, samples), function(s)
	data.frame(sample_id = s$id, x = fmt(s$x), y = fmt(s$y), stringsAsFactors = FALSE)))
write.csv(long, "data/joint_samples.csv", row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# Accessors: n, means, variances, covariance, correlation
# ---------------------------------------------------------------------------
moments_r <- function(x, y) {
	r <- suppressWarnings(cor(x, y))
	c(n = length(x), mean_x = mean(x), mean_y = mean(y), var_x = var(x),
	  var_y = var(y), cov = cov(x, y), cor = r)
}
exact <- function(x, y) {
	X <- mpfr(x, PREC); Y <- mpfr(y, PREC)
	n <- length(x)
	dx <- X - sum(X) / n; dy <- Y - sum(Y) / n
	sxx <- sum(dx * dx); syy <- sum(dy * dy); sxy <- sum(dx * dy)
	list(n = n, mx = sum(X) / n, my = sum(Y) / n, sxx = sxx, syy = syy, sxy = sxy,
		 r = if (sxx > 0 && syy > 0) sxy / sqrt(sxx * syy) else NA)
}
moments_exact <- function(e) {
	num <- asNumeric
	c(n = e$n, mean_x = num(e$mx), mean_y = num(e$my), var_x = num(e$sxx / (e$n - 1)),
	  var_y = num(e$syy / (e$n - 1)), cov = num(e$sxy / (e$n - 1)),
	  cor = if (is.na(e$r)) NA else num(e$r))
}

exacts <- list()
rows <- list()
for (id in ids) {
	s <- samples[[id]]
	exacts[[id]] <- exact(s$x, s$y)
	for (src in c("R", "exact")) {
		v <- if (src == "R") moments_r(s$x, s$y) else moments_exact(exacts[[id]])
		rows[[length(rows) + 1]] <- c(sample_id = id, kind = s$kind, source = src, fmt(v))
	}
}
out <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
out$n <- sub("\\.0+$", "", out$n)
write.csv(out, "data/joint_expected.csv", row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# cor.test
# ---------------------------------------------------------------------------
cortest_r <- function(x, y, alt, level) {
	t <- suppressWarnings(cor.test(x, y, alternative = alt, conf.level = level))
	ci <- if (is.null(t$conf.int)) c(NA, NA) else as.numeric(t$conf.int)
	# R reports the fixed end (-1 or 1) of a one-sided interval even when r
	# is NA; the interval is undefined then, NULL in SQL
	if (is.na(t$estimate)) ci <- c(NA, NA)
	c(statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value,
	  estimate = unname(t$estimate), ci_lower = ci[1], ci_upper = ci[2])
}
# cor.test's formulas on the exact r (see the header)
cortest_exact <- function(e, alt, level) {
	n <- e$n
	df <- n - 2
	if (is.na(e$r))
		return(c(statistic = NA, df = df, p_value = NA, estimate = NA,
				 ci_lower = NA, ci_upper = NA))
	r <- e$r
	tm <- sqrt(mpfr(df, PREC)) * r / sqrt(1 - r * r)
	t <- asNumeric(tm)
	p <- switch(alt, less = pt(t, df), greater = pt(t, df, lower.tail = FALSE),
				two.sided = 2 * min(pt(t, df), pt(t, df, lower.tail = FALSE)))
	ci <- c(NA, NA)
	if (n > 3) {
		z <- atanh(r)
		sigma <- 1 / sqrt(mpfr(n - 3, PREC))
		ci <- switch(alt,
			less = c(-1, asNumeric(tanh(z + sigma * qnorm(level)))),
			greater = c(asNumeric(tanh(z - sigma * qnorm(level))), 1),
			two.sided = asNumeric(tanh(z + c(-1, 1) * sigma * qnorm((1 + level) / 2))))
	}
	c(statistic = t, df = df, p_value = p, estimate = asNumeric(r),
	  ci_lower = ci[1], ci_upper = ci[2])
}

rows <- list()
case_id <- 0
for (id in ids) {
	s <- samples[[id]]
	levels <- if (s$kind == "well" && length(s$x) %in% c(10, 1000)) c(0.95, 0.9, 0.99) else 0.95
	for (alt in c("two.sided", "less", "greater"))
		for (level in levels) {
			case_id <- case_id + 1
			for (src in c("R", "exact")) {
				v <- if (src == "R") cortest_r(s$x, s$y, alt, level)
					 else cortest_exact(exacts[[id]], alt, level)
				rows[[length(rows) + 1]] <- c(case_id = case_id, sample_id = id, kind = s$kind,
					alternative = alt, conf_level = fmt(level), source = src, fmt(v),
					method = "Pearson's product-moment correlation")
			}
		}
}
out <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
write.csv(out, "data/cor_test.csv", row.names = FALSE, quote = FALSE)
