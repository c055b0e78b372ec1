#!/usr/bin/env Rscript
# test/reference/gen_samples.R: reference samples and expected values for
# the stats_summary accessors and t_test(), against R and exact arithmetic.
#
#   cd test/reference && Rscript gen_samples.R
#
# Needs Debian's r-base-core and r-cran-rmpfr (apt-get install r-cran-rmpfr).
# Deterministic (fixed seed); rerunning rewrites identical files:
#   data/samples.csv          sample_id, value (%.17g, round-trips exactly)
#   data/summary_expected.csv per sample and source: n, mean, var, sd,
#                             var_pop, sd_pop, sem, skewness (G1), kurtosis
#                             (excess G2), min, max, mean_ci 0.95 and 0.99
#   data/ttest_one.csv        one-sample t.test cases (mu, alternative,
#                             conf_level) and their results
#   data/ttest_two.csv        two-sample t.test cases (Welch and
#                             var.equal = TRUE) and their results
#   data/nist_expected.csv    NIST StRD NumAcc1-4 certified mean and sd,
#                             with R's own mean() and sd() of the same data
#
# Two sources of expected values per case:
#   source = 'R'      R 4.x doubles: mean(), var(), sd(), t.test(); skewness
#                     and kurtosis by the two-pass double formulas that scipy
#                     skew/kurtosis(bias=False) use (G1 and excess G2 of Joanes
#                     and Gill 1998); population variance M2 / n two-pass.
#   source = 'exact'  the same quantities computed with Rmpfr at 256 bits on
#                     the very same doubles (two-pass, no rounding to speak
#                     of), rounded once to double.  Quantiles/probabilities of
#                     the t distribution come from R's pt()/qt() evaluated at
#                     the exact statistic and df, so 'exact' isolates the
#                     error of the moments and the test arithmetic.
# The regression tests compare with R at relative 1e-10 on well-conditioned
# samples, and on large-offset samples (kind = 'offset') check that our
# error against 'exact' is no larger than R's (see sql/summary_reference.sql).
#
# Where R's t.test stops (n < 2, "data are essentially constant") or
# divides by a zero standard error, abstats returns NULL for the undefined
# fields; the script writes the expected NULLs (empty CSV fields) by that
# rule rather than by hand.
suppressPackageStartupMessages(library(Rmpfr))

PREC <- 256
set.seed(20261125)
fmt <- function(v) {
	ifelse(is.na(v), "",
		ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
			sprintf("%.17g", v)))
}

# ---------------------------------------------------------------------------
# Samples: id, kind ('well' conditioned, 'offset' = large mean, small spread,
# 'degenerate' = n = 1 or constant), values
# ---------------------------------------------------------------------------
samples <- list()
add <- function(id, kind, x) samples[[id]] <<- list(id = id, kind = kind, x = as.double(x))

for (n in c(2, 3, 4, 5, 10, 30, 100, 1000, 5000))
	add(sprintf("normal_%d", n), "well", rnorm(n, mean = 10, sd = 2))
add("normal_neg_200", "well", rnorm(200, mean = -3.5, sd = 0.7))
add("tdist3_300", "well", rt(300, df = 3))
for (n in c(50, 500, 3000))
	add(sprintf("lognormal_%d", n), "well", rlnorm(n, meanlog = 3, sdlog = 1.2))
for (n in c(20, 2000))
	add(sprintf("exponential_%d", n), "well", rexp(n, rate = 0.25))
# revenue-like: most users spend nothing, spenders are log-normal, cents
for (n in c(1000, 5000)) {
	spend <- rbinom(n, 1, 0.08) == 1
	v <- numeric(n)
	v[spend] <- round(rlnorm(sum(spend), meanlog = 3.5, sdlog = 1.0), 2)
	add(sprintf("revenue_%d", n), "well", v)
}
add("binary_10", "well", c(0, 1, 1, 0, 1, 0, 0, 1, 1, 1))
add("binary_100", "well", rbinom(100, 1, 0.1))
add("binary_2000", "well", rbinom(2000, 1, 0.03))
add("poisson_500", "well", rpois(500, 3))
add("likert_200", "well", sample(1:5, 200, replace = TRUE))
add("pair_1_2", "well", c(1, 2))
# large offsets: mean 1e6 .. 1e9, spread many orders of magnitude smaller
add("offset_1e6_1000", "offset", 1e6 + rnorm(1000, sd = 0.01))
add("offset_1e7_300", "offset", 1e7 + round(rnorm(300, sd = 1), 1))
add("offset_1e8_500", "offset", 1e8 + rnorm(500, sd = 1))
add("offset_1e9_2000", "offset", 1e9 + rnorm(2000, sd = 0.1))
add("offset_1e9_100", "offset", 1e9 + runif(100) * 1e-3)
add("offset_neg5e7_400", "offset", -5e7 + rexp(400, rate = 50))
# degenerate
add("constant_10", "degenerate", rep(3.25, 10))
add("constant_zero_5", "degenerate", rep(0, 5))
add("constant_big_7", "degenerate", rep(1e9 + 0.5, 7))
add("single_42", "degenerate", 42.5)
add("single_0", "degenerate", 0)

# NIST StRD univariate NumAcc1-4, built from their published definitions:
# NumAcc1 = 10000001, 10000003, 10000002; NumAcc2/3/4 = 1001 values, the
# first 1.2 / 1000000.2 / 10000000.2, then alternately x - 0.1 and x + 0.1.
# Values are parsed from their decimal text, as a reader of the NIST files
# would.  Certified values (NIST Statistical Reference Datasets, Univariate
# Summary Statistics): NumAcc1 mean 10000002, sd 1; NumAcc2 mean 1.2,
# sd 0.1; NumAcc3 mean 1000000.2, sd 0.1; NumAcc4 mean 10000000.2, sd 0.1.
numacc <- function(first, lo, hi) {
	as.double(c(first, rep(c(lo, hi), 500)))
}
nist <- list(
	numacc1 = list(x = as.double(c("10000001", "10000003", "10000002")),
				   mean = "10000002", sd = "1"),
	numacc2 = list(x = numacc("1.2", "1.1", "1.3"), mean = "1.2", sd = "0.1"),
	numacc3 = list(x = numacc("1000000.2", "1000000.1", "1000000.3"),
				   mean = "1000000.2", sd = "0.1"),
	numacc4 = list(x = numacc("10000000.2", "10000000.1", "10000000.3"),
				   mean = "10000000.2", sd = "0.1"))
for (id in names(nist))
	add(id, "nist", nist[[id]]$x)

ids <- names(samples)
long <- do.call(rbind, lapply(samples, function(s)
	data.frame(sample_id = s$id, value = fmt(s$x), stringsAsFactors = FALSE)))
write.csv(long, "data/samples.csv", row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# Summary statistics
# ---------------------------------------------------------------------------
NA_SUMMARY <- function(n) NULL

# R doubles, two-pass
summary_r <- function(x) {
	n <- length(x)
	m <- mean(x)
	v <- if (n >= 2) var(x) else NA
	d <- x - m
	m2 <- sum(d^2); m3 <- sum(d^3); m4 <- sum(d^4)
	skew <- if (n >= 3 && m2 > 0) {
		g1 <- sqrt(n) * m3 / m2^1.5
		g1 * sqrt(n * (n - 1)) / (n - 2)
	} else NA
	kurt <- if (n >= 4 && m2 > 0) {
		g2 <- n * m4 / m2^2 - 3
		((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
	} else NA
	ci <- function(level) if (n >= 2) {
		if (sd(x) > 0) as.numeric(t.test(x, conf.level = level)$conf.int)
		else c(m, m)
	} else c(NA, NA)
	c95 <- ci(0.95); c99 <- ci(0.99)
	c(n = n, mean = m, var = v, sd = sqrt(v), var_pop = m2 / n,
	  sd_pop = sqrt(m2 / n), sem = sqrt(v / n), skewness = skew,
	  kurtosis = kurt, min = min(x), max = max(x),
	  ci95_lower = c95[1], ci95_upper = c95[2],
	  ci99_lower = c99[1], ci99_upper = c99[2])
}

# Exact moments of the doubles in x (mpfr, PREC bits)
exact_moments <- function(x) {
	X <- mpfr(x, PREC)
	n <- length(x)
	M <- sum(X) / n
	D <- X - M
	list(n = n, mean = M, m2 = sum(D^2), m3 = sum(D^3), m4 = sum(D^4))
}

summary_exact <- function(x) {
	e <- exact_moments(x)
	n <- e$n
	num <- function(v) asNumeric(v)
	v <- if (n >= 2) e$m2 / (n - 1) else NA
	skew <- if (n >= 3 && e$m2 > 0)
		num(sqrt(mpfr(n, PREC)) * e$m3 / (e$m2 * sqrt(e$m2)) *
			sqrt(mpfr(n * (n - 1), PREC)) / (n - 2)) else NA
	kurt <- if (n >= 4 && e$m2 > 0) {
		g2 <- n * e$m4 / e$m2^2 - 3
		num(((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)))
	} else NA
	ci <- function(level) if (n >= 2) {
		sem <- sqrt(v / n)
		q <- qt((1 - level) / 2, n - 1, lower.tail = FALSE)
		if (e$m2 > 0) c(num(e$mean - q * sem), num(e$mean + q * sem))
		else c(num(e$mean), num(e$mean))
	} else c(NA, NA)
	c95 <- ci(0.95); c99 <- ci(0.99)
	c(n = n, mean = num(e$mean),
	  var = if (n >= 2) num(v) else NA,
	  sd = if (n >= 2) num(sqrt(v)) else NA,
	  var_pop = num(e$m2 / n), sd_pop = num(sqrt(e$m2 / n)),
	  sem = if (n >= 2) num(sqrt(v / n)) else NA,
	  skewness = skew, kurtosis = kurt, min = min(x), max = max(x),
	  ci95_lower = c95[1], ci95_upper = c95[2],
	  ci99_lower = c99[1], ci99_upper = c99[2])
}

rows <- list()
for (id in ids) {
	s <- samples[[id]]
	for (src in c("R", "exact")) {
		v <- if (src == "R") summary_r(s$x) else summary_exact(s$x)
		rows[[length(rows) + 1]] <- c(sample_id = id, kind = s$kind,
									  source = src, fmt(v))
	}
}
out <- as.data.frame(do.call(rbind, rows), stringsAsFactors = FALSE)
out$n <- sub("\\.0+$", "", out$n)
write.csv(out, "data/summary_expected.csv", row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# t-tests
# ---------------------------------------------------------------------------
ALTS <- c("two.sided", "less", "greater")
# abstats spells R's "two.sided" also 'two-sided'; the tests use both.
alt_sql <- function(a, i) if (a == "two.sided" && i %% 2 == 0) "two-sided" else a

# The interval and p-value of a t statistic, as R's t.test.default.
finish <- function(est, se, df, mu, alt, level, exact) {
	if (exact) {
		t <- (est - mu) / se
		tn <- asNumeric(t); dfn <- asNumeric(df)
	} else {
		t <- (est - mu) / se; tn <- t; dfn <- df
	}
	p <- switch(alt,
		less = pt(tn, dfn),
		greater = pt(tn, dfn, lower.tail = FALSE),
		two.sided = 2 * pt(-abs(tn), dfn))
	ci <- switch(alt,
		less = c(-Inf, asNumeric(est + qt(1 - level, dfn, lower.tail = FALSE) * se)),
		greater = c(asNumeric(est - qt(1 - level, dfn, lower.tail = FALSE) * se), Inf),
		two.sided = {
			q <- qt((1 - level) / 2, dfn, lower.tail = FALSE)
			c(asNumeric(est - q * se), asNumeric(est + q * se))
		})
	c(statistic = asNumeric(t), df = dfn, p_value = p, estimate = asNumeric(est),
	  ci_lower = ci[1], ci_upper = ci[2], std_error = asNumeric(se))
}

undefined <- function(est, se, df)
	c(statistic = NA, df = df, p_value = NA, estimate = est,
	  ci_lower = NA, ci_upper = NA, std_error = se)

# R's own t.test, with abstats' NULLs where R stops.
one_r <- function(x, mu, alt, level) {
	n <- length(x)
	if (n < 2) return(undefined(mean(x), NA, NA))
	# abstats: zero variance leaves the statistic undefined even where R's
	# "essentially constant" test (strict <, scaled by |mean|) lets a mean
	# of 0 through to a t of +-Inf or NaN
	if (sd(x) == 0) return(undefined(mean(x), 0, n - 1))
	r <- tryCatch(t.test(x, mu = mu, alternative = alt, conf.level = level),
				  error = function(e) NULL)
	if (is.null(r)) return(undefined(mean(x), sqrt(var(x) / n), n - 1))
	c(statistic = unname(r$statistic), df = unname(r$parameter),
	  p_value = r$p.value, estimate = unname(r$estimate),
	  ci_lower = r$conf.int[1], ci_upper = r$conf.int[2], std_error = r$stderr)
}

one_exact <- function(x, mu, alt, level) {
	n <- length(x)
	e <- exact_moments(x)
	if (n < 2) return(undefined(asNumeric(e$mean), NA, NA))
	se <- sqrt(e$m2 / (n - 1) / n)
	if (asNumeric(se) < 10 * .Machine$double.eps * abs(asNumeric(e$mean)) || se == 0)
		return(undefined(asNumeric(e$mean), asNumeric(se), n - 1))
	finish(e$mean, se, mpfr(n - 1, PREC), mu, alt, level, TRUE)
}

two_r <- function(x, y, mu, eqv, alt, level) {
	nx <- length(x); ny <- length(y)
	est <- mean(x) - mean(y)
	ok <- if (eqv) nx + ny >= 3 else nx >= 2 && ny >= 2
	if (!ok) return(undefined(est, NA, NA))
	r <- tryCatch(t.test(x, y, mu = mu, alternative = alt, var.equal = eqv,
						 conf.level = level), error = function(e) NULL)
	if (is.null(r)) stop("unexpected t.test error")	# no such pairs below
	c(statistic = unname(r$statistic), df = unname(r$parameter),
	  p_value = r$p.value, estimate = unname(r$estimate[1] - r$estimate[2]),
	  ci_lower = r$conf.int[1], ci_upper = r$conf.int[2], std_error = r$stderr)
}

two_exact <- function(x, y, mu, eqv, alt, level) {
	ex <- exact_moments(x); ey <- exact_moments(y)
	nx <- ex$n; ny <- ey$n
	est <- ex$mean - ey$mean
	if (eqv) {
		df <- mpfr(nx + ny - 2, PREC)
		se <- sqrt((ex$m2 + ey$m2) / df * (mpfr(1, PREC) / nx + mpfr(1, PREC) / ny))
	} else {
		a <- ex$m2 / (nx - 1) / nx; b <- ey$m2 / (ny - 1) / ny
		se <- sqrt(a + b)
		df <- (a + b)^2 / (a^2 / (nx - 1) + b^2 / (ny - 1))
	}
	finish(est, se, df, mu, alt, level, TRUE)
}

# One-sample cases: every sample, mu = 0 and mu near the mean (which makes
# mean - mu cancel: the hard case for large offsets), every alternative,
# three confidence levels.
rows <- list(); case <- 0
for (id in ids) {
	s <- samples[[id]]
	if (s$kind == "nist") next
	x <- s$x
	spread <- if (length(x) >= 2 && sd(x) > 0) sd(x) else 1
	mus <- unique(c(0, signif(mean(x) + 0.3 * spread / sqrt(length(x)), 8),
					signif(mean(x) - 2 * spread, 6)))
	for (mu in mus) for (alt in ALTS) for (level in c(0.95, 0.9, 0.999)) {
		case <- case + 1
		for (src in c("R", "exact")) {
			v <- if (src == "R") one_r(x, mu, alt, level) else one_exact(x, mu, alt, level)
			rows[[length(rows) + 1]] <- c(case_id = case, sample_id = id,
				kind = s$kind, mu = fmt(mu), alternative = alt_sql(alt, case),
				conf_level = level, source = src, fmt(v),
				method = "One Sample t-test")
		}
	}
}
write.csv(as.data.frame(do.call(rbind, rows)), "data/ttest_one.csv",
		  row.names = FALSE, quote = FALSE)

# Two-sample cases: pairs of samples of like and unlike shapes and sizes.
pairs <- list(
	c("normal_30", "normal_100"), c("normal_1000", "normal_5000"),
	c("normal_5", "normal_10"), c("normal_2", "normal_3"),
	c("lognormal_500", "lognormal_3000"), c("lognormal_50", "exponential_20"),
	c("revenue_5000", "revenue_1000"), c("binary_2000", "binary_100"),
	c("binary_10", "likert_200"), c("poisson_500", "likert_200"),
	c("exponential_2000", "normal_1000"), c("tdist3_300", "normal_neg_200"),
	c("pair_1_2", "normal_4"), c("constant_10", "normal_30"),
	c("offset_1e6_1000", "offset_1e6_1000"), c("offset_1e9_2000", "offset_1e9_100"),
	c("offset_1e8_500", "offset_1e7_300"))
rows <- list(); case <- 0
for (p in pairs) {
	sx <- samples[[p[1]]]; sy <- samples[[p[2]]]
	x <- sx$x; y <- sy$x
	if (identical(p[1], p[2])) y <- x + 0.001 * rnorm(length(x))  # a close twin
	kind <- if (sx$kind == "offset" || sy$kind == "offset") "offset" else "well"
	sp <- sqrt(var(x) / length(x) + var(y) / length(y))
	mus <- c(signif(mean(x) - mean(y) + 0.5 * sp, 8), -1.5)
	for (eqv in c(FALSE, TRUE)) for (mu in mus) for (alt in ALTS)
		for (level in c(0.95, 0.8)) {
			case <- case + 1
			for (src in c("R", "exact")) {
				v <- if (src == "R") two_r(x, y, mu, eqv, alt, level)
					 else two_exact(x, y, mu, eqv, alt, level)
				rows[[length(rows) + 1]] <- c(case_id = case,
					x_id = p[1], y_id = if (identical(p[1], p[2])) paste0(p[1], "_twin") else p[2],
					kind = kind, equal_var = eqv, mu = fmt(mu),
					alternative = alt_sql(alt, case), conf_level = level,
					source = src, fmt(v),
					method = if (eqv) "Two Sample t-test" else "Welch Two Sample t-test")
			}
		}
	if (identical(p[1], p[2])) {
		# the twin is a sample of its own in samples.csv
		twin <- paste0(p[1], "_twin")
		if (is.null(samples[[twin]])) {
			write.table(data.frame(sample_id = twin, value = fmt(y)),
						"data/samples.csv", append = TRUE, sep = ",",
						row.names = FALSE, col.names = FALSE, quote = FALSE)
			samples[[twin]] <- list(id = twin, kind = "offset", x = y)
		}
	}
}
write.csv(as.data.frame(do.call(rbind, rows)), "data/ttest_two.csv",
		  row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# NIST StRD certified values, and R's own results on the same doubles
# ---------------------------------------------------------------------------
out <- do.call(rbind, lapply(names(nist), function(id) {
	d <- nist[[id]]
	data.frame(sample_id = id, certified_mean = d$mean, certified_sd = d$sd,
			   r_mean = fmt(mean(d$x)), r_sd = fmt(sd(d$x)))
}))
write.csv(out, "data/nist_expected.csv", row.names = FALSE, quote = FALSE)
