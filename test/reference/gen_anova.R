#!/usr/bin/env Rscript
# test/reference/gen_anova.R: reference values for anova_test(), from
# R 4.2's oneway.test(y ~ g, var.equal = FALSE) (Welch) and
# oneway.test(y ~ g, var.equal = TRUE) (the classic F test, which equals
# anova(lm(y ~ g)); checked below).
#
#   cd test/reference && Rscript gen_anova.R
#
# Deterministic (fixed seed); rerunning rewrites identical files:
#   data/anova_values.csv  cid, arm, k: the observations, value = k / divisor
#                          (integers and one division, so R and SQL hold the
#                          very same doubles)
#   data/anova_cases.csv   cid, name, divisor, equal_var, ill_conditioned,
#                          statistic, df1, df2, p_value (the 256-bit values,
#                          below), r_statistic, r_df2, r_p_value (R's own),
#                          n_arms, n, method
#
# Shapes: 2 to 10 arms, equal and very unequal sizes (2 to 20,000 per
# arm), equal and unequal means and variances, large common offsets
# (1e6 to 1e9 with spreads down to 1e-3), tiny variances (1e-8 around 1),
# integer data with ties, and differences so large that p is far below
# 1e-300 (R's pf is accurate there: it is pbeta's upper tail).
#
# Accuracy.  A stored stats_summary keeps each arm's mean as one double, so
# the reference is the test computed in 256-bit arithmetic (Rmpfr) from
# exactly that: each arm's mean rounded to the nearest double, its M2 about
# the exact mean; the p-value is R's pf at the 256-bit F rounded to double
# (pf is accurate to a few ulps there).  The regression test
# (sql/anova.sql) compares abstats with it at 1e-10 relative, and with R's
# oneway.test at 1e-10 too except on ill-conditioned data (means near 1e6
# to 1e9 or spreads of 1e-8 relative to the mean), where R's weighted mean
# of the arm means, formed near 1e9, loses digits: there R is off by up to
# the largest relative difference this script prints (3e-7), and the
# comparison with R allows 1e-5.  This script stops if R and the 256-bit
# values differ by more than 1e-9 on any other case.  oneway.test refuses arms of one observation; for those cases
# the classic F test comes from anova(lm(y ~ g)) and Welch's fields are
# empty (NULL in abstats: the test needs every arm's variance).
suppressPackageStartupMessages(library(Rmpfr))
set.seed(20261202)
fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
outdir <- "data"

cases <- list()
values <- list()
# The test from per-arm summaries, in 256-bit arithmetic: each arm's mean
# rounded to the nearest double (what a stored stats_summary holds) and its
# M2 about the exact mean, then Welch's or the classic F statistic exactly
# as the formulas of src/anova.c; NA where undefined.
oneway_mp <- function(ys, equal_var) {
	prec <- 256
	k <- length(ys)
	n <- sapply(ys, length)
	mean_exact <- lapply(ys, function(y) sum(mpfr(y, prec)) / length(y))
	means <- mpfr(sapply(mean_exact, asNumeric), prec)
	m2 <- do.call(c, lapply(seq_len(k), function(i)
		mpfr(asNumeric(sum((mpfr(ys[[i]], prec) - mean_exact[[i]])^2)), prec)))
	if (equal_var) {
		N <- sum(n)
		if (N <= k) return(c(NA, NA, NA))
		g <- sum(n * means) / N
		ssb <- sum(n * (means - g)^2)
		ssw <- sum(m2)
		if (ssw == 0) return(c(if (ssb > 0) Inf else NA, k - 1, N - k))
		return(c(asNumeric((ssb / (k - 1)) / (ssw / (N - k))), k - 1, N - k))
	}
	if (any(n < 2) || any(m2 == 0)) return(c(NA, NA, NA))
	v <- m2 / (n - 1)
	w <- n / v
	W <- sum(w)
	m <- sum(w * means) / W
	tmp <- sum((1 - w / W)^2 / (n - 1)) / (k^2 - 1)
	c(asNumeric(sum(w * (means - m)^2) / ((k - 1) * (1 + 2 * (k - 2) * tmp))), k - 1,
	  asNumeric(1 / (3 * tmp)))
}

add <- function(name, codes, divisor) {
	# codes: list of integer vectors, one per arm
	cid <- length(cases) / 2 + 1L
	for (a in seq_along(codes)) {
		k <- as.double(codes[[a]])
		stopifnot(all(abs(k) < 2^53), all(k == round(k)), length(k) >= 1)
		values[[length(values) + 1]] <<- data.frame(cid = cid, arm = sprintf("arm%02d", a), k = k)
	}
	ys <- lapply(codes, function(k) as.double(k) / divisor)
	y <- unlist(ys)
	g <- factor(rep(sprintf("arm%02d", seq_along(codes)), sapply(codes, length)))
	small <- any(sapply(codes, length) < 2)
	for (ev in c(FALSE, TRUE)) {
		if (!small) {
			r <- oneway.test(y ~ g, var.equal = ev)
			stat <- unname(r$statistic)
			df <- unname(r$parameter)
			p <- r$p.value
			method <- r$method
		} else if (ev) {
			# an arm of one observation: oneway.test stops ("not enough
			# observations"), anova(lm) gives the classic F test
			a <- anova(lm(y ~ g))
			stat <- a$`F value`[1]
			df <- a$Df
			p <- a$`Pr(>F)`[1]
			method <- "One-way analysis of means"
		} else {
			# Welch's test needs every arm's variance: NULL in abstats
			stat <- NA
			df <- c(NA, NA)
			p <- NA
			method <- "One-way analysis of means (not assuming equal variances)"
		}
		mp <- oneway_mp(ys, ev)
		mp_p <- if (is.na(mp[1])) NA else pf(mp[1], mp[2], mp[3], lower.tail = FALSE)
		ill <- startsWith(name, "offset") || startsWith(name, "tiny")
		# R agrees with the 256-bit values to 1e-9 unless the data are
		# ill-conditioned (its weighted mean of means near 1e9 loses digits)
		stopifnot(is.na(stat) == is.na(mp[1]), ill || is.na(stat) ||
			(abs(stat / mp[1] - 1) < 1e-9 && abs(p - mp_p) <= 1e-9 * p))
		cases[[length(cases) + 1]] <<- data.frame(cid = cid, name = name, divisor = divisor,
			equal_var = ifelse(ev, "true", "false"), ill_conditioned = ifelse(ill, "true", "false"),
			statistic = mp[1], df1 = mp[2], df2 = mp[3], p_value = mp_p,
			r_statistic = stat, r_df2 = df[2], r_p_value = p,
			n_arms = length(codes), n = length(y), method = method)
	}
}
cont <- function(x, divisor) round(x * divisor)

# arms of normal data: k arms, sizes, means, sds
normal_arms <- function(sizes, means, sds, divisor)
	lapply(seq_along(sizes), function(i) cont(rnorm(sizes[i], means[i], sds[i]), divisor))

for (k in 2:10) {
	add(sprintf("equal_%d_arms", k), normal_arms(rep(30, k), rep(10, k), rep(2, k), 1e6), 1e6)
	add(sprintf("shifted_%d_arms", k),
		normal_arms(sample(5:80, k, TRUE), 10 + 0.3 * (1:k), runif(k, 0.5, 3), 1e6), 1e6)
}
add("two_arms_small", normal_arms(c(2, 3), c(0, 1), c(1, 1), 1e6), 1e6)
add("three_arms_n2", normal_arms(c(2, 2, 2), c(0, 1, 2), c(1, 1, 1), 1e6), 1e6)
add("unequal_sizes", normal_arms(c(2, 1000, 50, 7), c(5, 5.2, 4.9, 5.5), c(1, 2, 0.5, 3), 1e6), 1e6)
add("unequal_sizes_hetero", normal_arms(c(3, 5000, 10), c(1, 1.1, 0.8), c(10, 0.1, 1), 1e6), 1e6)
add("large_arms", normal_arms(c(20000, 20000, 15000), c(10, 10.01, 10.02), c(2, 2, 2.5), 1e6), 1e6)
add("large_and_tiny_arm", normal_arms(c(20000, 4), c(10, 12), c(2, 2), 1e6), 1e6)
add("no_difference", normal_arms(c(40, 40, 40), c(3, 3, 3), c(1, 1, 1), 1e6), 1e6)
add("strong_difference", normal_arms(c(60, 60, 60), c(0, 1.5, 3), c(1, 1, 1), 1e6), 1e6)
add("huge_difference", normal_arms(c(200, 200, 200), c(0, 100, 200), c(1, 1, 1), 1e6), 1e6)
add("huge_difference_hetero", normal_arms(c(300, 250, 20), c(0, 50, 100), c(1, 3, 0.5), 1e6), 1e6)
add("offset_1e6", normal_arms(c(50, 60, 70), 1e6 + c(0, 0.5, 1), c(1, 1, 1), 1e6), 1e6)
add("offset_1e9", normal_arms(c(40, 40, 40, 40), 1e9 + c(0, 1e-3, 2e-3, 0), c(1e-3, 1e-3, 2e-3, 1e-3), 1e6), 1e6)
add("offset_1e9_equal", normal_arms(c(25, 25), 1e9 + c(0, 0), c(1e-3, 1e-3), 1e6), 1e6)
add("tiny_variance", normal_arms(c(30, 30, 30), 1 + c(0, 1e-8, 3e-8), c(1e-8, 1e-8, 2e-8), 1e12), 1e12)
add("tiny_variance_negative", normal_arms(c(20, 30, 40), -2 + c(0, 2e-9, 1e-9), c(1e-9, 3e-9, 1e-9), 1e12), 1e12)
add("hetero_variances", normal_arms(c(20, 20, 20, 20, 20), c(0, 0, 0, 0, 1), c(0.01, 0.1, 1, 10, 100), 1e6), 1e6)
add("single_observation_arms", list(cont(rnorm(1), 1e6), cont(rnorm(5, 1), 1e6), cont(rnorm(1, 2), 1e6)), 1e6)
add("one_single_observation_arm", normal_arms(c(1, 10, 12), c(0, 0.5, 1), c(1, 1, 1), 1e6), 1e6)
add("integers_ties", lapply(c(15, 25, 35), function(n) as.double(sample(0:4, n, TRUE))), 1)
add("likert_many_arms", lapply(1:8, function(i) as.double(sample(1:5, 12 + i, TRUE, prob = c(1, 2, 3, 2, 1) + (i == 8)))), 1)
add("revenue_like", lapply(c(500, 520, 480, 510), function(n)
	cont(ifelse(runif(n) < 0.1, exp(rnorm(n, 3, 1)), 0), 100)), 100)
add("skewed_arms", lapply(c(60, 70, 80), function(n) cont(rexp(n, 1) ^ 2, 1e4)), 1e4)

cases <- do.call(rbind, cases)
values <- do.call(rbind, values)
stopifnot(sum(is.na(cases$statistic)) == 2)
out <- cases
for (f in c("statistic", "df1", "df2", "p_value", "r_statistic", "r_df2", "r_p_value"))
	out[[f]] <- fmt(out[[f]])
out$divisor <- fmt(out$divisor)
write.csv(out, file.path(outdir, "anova_cases.csv"), row.names = FALSE, quote = FALSE)
values$k <- sprintf("%.0f", values$k)
write.csv(values, file.path(outdir, "anova_values.csv"), row.names = FALSE, quote = FALSE)
cat(nrow(cases), "cases,", nrow(values), "values; smallest p", min(cases$p_value, na.rm = TRUE), "\n")
ok <- !is.na(cases$statistic) & is.finite(cases$statistic)
cat("largest relative difference R - 256-bit, statistic:",
	max(abs(cases$r_statistic[ok] / cases$statistic[ok] - 1)), "(ill-conditioned data),",
	max(abs(cases$r_statistic[ok & cases$ill_conditioned == "false"] /
		cases$statistic[ok & cases$ill_conditioned == "false"] - 1)), "(others)\n")
