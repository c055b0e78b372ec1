#!/usr/bin/env Rscript
# test/reference/gen_ranks.R: reference values for stats_sample's
# quantile() and the rank tests (mann_whitney_test, signed_rank_test,
# ks_test, kruskal_test), from R 4.2's quantile, wilcox.test, ks.test and
# kruskal.test.
#
#   cd test/reference && Rscript gen_ranks.R
#
# Needs Debian's r-base-core, r-cran-rmpfr and r-cran-exactranktests.
# Deterministic (fixed seed); rerunning rewrites identical files:
#   data/ranks_samples.csv  sid, k: the samples, value = k / divisor
#                           (integers and one division, so R and SQL hold
#                           the very same doubles)
#   data/ranks_info.csv     sid, name, divisor, n
#   data/ranks_quantile.csv sid, q, quantile(x, q, type = 7)
#   data/ranks_mw.csv       wilcox.test(x, y, conf.int = TRUE) cases
#   data/ranks_sr.csv       wilcox.test(x, mu = mu, conf.int = TRUE) cases
#   data/ranks_ks.csv       ks.test(x, y) cases
#   data/ranks_kw.csv       kruskal.test(list(...)) cases
#
# Accuracy of the expected values, and what the regression test
# (sql/rank_tests.sql) allows:
#   - statistics, quantiles, exact-branch p-values, estimates and
#     intervals: R computes them exactly or to a few ulps; 1e-10 relative.
#     The exact p-values are also checked against exactRankTests
#     (pwilcox/psignrank by the shift algorithm of Streitberg & Roehmel) in
#     this script: the run stops if they differ by more than 1e-10.
#   - asymptotic estimates and intervals: R's uniroot() is run with
#     tol.root = 1e-12 (its default 1e-4 is far coarser); where the
#     statistic is 0 on a whole interval (the estimate is then any point of
#     it), the interval's ends are found here by bisection to the last bit
#     and written as est_lo, est_hi: abstats returns the midpoint.  Allowed:
#     1e-10 relative plus 1e-11 absolute (uniroot's tolerance).
#   - R's exact Kolmogorov-Smirnov p-value is 1 - P (paths that stay
#     inside), good to about 1e-12 absolute only; gen_ranks_ks.R counts the
#     same paths in big integers (data/ranks_ks_exact.csv), and abstats is
#     compared with that at 1e-10 relative, with R at 1e-12 absolute.  R's
#     psmirnov overflows beyond about 1000 values in all (it then returns a
#     Monte Carlo estimate), so forced exact cases stay below.
#   - the asymptotic two-sided Kolmogorov-Smirnov p-value: R's pkstwo with
#     tol = 1e-6 keeps one term of its series below t = 1 (error up to 5e-5
#     relative); p_accurate is the series summed with Rmpfr at 128 bits, and
#     abstats is compared with it at 1e-10 (and with R at 1e-4).
# Where R stops with an error (an interval when every observation is tied),
# r_error = 1 and only the statistic and the p-value are compared.
suppressPackageStartupMessages({
	library(Rmpfr)
	library(exactRankTests)
})

set.seed(20261201)
fmt <- function(v) {
	ifelse(is.na(v), "",
		ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
			sprintf("%.17g", v)))
}
outdir <- "data"

# ---------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------
info <- data.frame(sid = integer(), name = character(), divisor = numeric(), n = integer())
codes <- list()
X <- list()
add <- function(name, k, divisor) {
	sid <- length(codes) + 1L
	k <- as.double(k)
	stopifnot(all(abs(k) < 2^53), all(k == round(k)))
	codes[[sid]] <<- k
	X[[name]] <<- k / divisor
	info[nrow(info) + 1, ] <<- list(sid, name, divisor, length(k))
}
cont <- function(x, divisor = 1e6) round(x * divisor)

for (n in c(2, 3, 5, 8, 10, 20, 30, 49, 50, 60, 100, 300, 1000, 5000))
	add(sprintf("normal_%d", n), cont(rnorm(n, 10, 2)), 1e6)
add("normal_49b", cont(rnorm(49, 11, 2)), 1e6)
add("normal_1000b", cont(rnorm(1000, 10.2, 2)), 1e6)
add("normal_20000", cont(rnorm(20000, 10.05, 2), 1e7), 1e7)
add("normal_100000", cont(rnorm(100000, 10, 2), 1e7), 1e7)
add("neg_40", cont(rnorm(40, -5, 3)), 1e6)
for (n in c(5, 10, 20, 200, 1000, 5000))
	add(sprintf("lnorm_%d", n), cont(rlnorm(n, 2, 1)), 1e6)
for (n in c(3, 5, 12))
	add(sprintf("unif_%d", n), cont(runif(n, 0, 5)), 1e6)
add("t3_80", cont(rt(80, 3)), 1e6)
# ties
for (n in c(10, 20, 45, 500))
	add(sprintf("int_%d", n), round(rnorm(n, 0, 2)), 1)
add("likert_30", sample(1:5, 30, TRUE), 1)
add("likert_40", sample(2:5, 40, TRUE), 1)
add("binary_50", rbinom(50, 1, 0.3), 1)
add("binary_60", rbinom(60, 1, 0.45), 1)
revenue <- function(n, p = 0.1, scale = 30)
	ifelse(runif(n) < p, round(scale * exp(1.1 * rnorm(n)) * 100), 0)
for (n in c(100, 300, 5000, 20000))
	add(sprintf("rev_%d", n), revenue(n, 0.1 + (n == 300) * 0.02), 100)
add("const_5", rep(7, 5), 1)
add("const_6", rep(7, 6), 1)
add("const_4", rep(3, 4), 1)
add("one_1", 4, 1)
add("one_1b", 2, 1)
add("sym_6", c(-3, -1, 1, 1, 3, 5), 1)      # |x| ties across signs
add("zeros_12", c(0, 0, 0, 1, -1, 2, 2, -2, 3, 0, 5, -4), 1)
add("mu_only_3", c(2.5, 2.5, 2.5) * 2, 2)     # all equal to mu = 2.5

# ---------------------------------------------------------------------------
# Quantiles
# ---------------------------------------------------------------------------
qs <- c(0, 0.001, 0.01, 0.1, 0.25, 1/3, 0.5, 2/3, 0.75, 0.9, 0.99, 0.999, 1)
qrows <- do.call(rbind, lapply(seq_len(nrow(info)), function(i) {
	x <- X[[info$name[i]]]
	data.frame(sid = info$sid[i], q = qs, expected = unname(quantile(x, qs, type = 7)))
}))

# ---------------------------------------------------------------------------
# Helpers: the flat interval of R's estimate (where W(d) = 0 on a whole
# interval, uniroot returns an arbitrary point of it)
# ---------------------------------------------------------------------------
# ends of {d : f(d) == 0} around a root r, by bisection (f > 0 left, < 0 right)
flat_ends <- function(f, r, lo, hi) {
	if (f(r) != 0) return(c(NA, NA))
	a <- lo; b <- r                      # f(a) > 0, f(b) == 0
	for (i in 1:200) { m <- a + (b - a) / 2; if (m <= a || m >= b) break
		if (f(m) > 0) a <- m else b <- m }
	left <- b
	a <- r; b <- hi                      # f(a) == 0, f(b) < 0
	for (i in 1:200) { m <- a + (b - a) / 2; if (m <= a || m >= b) break
		if (f(m) < 0) b <- m else a <- m }
	c(left, a)
}
mw_W0 <- function(x, y) function(d) {
	r <- rank(c(x - d, y))
	sum(r[seq_along(x)]) - length(x) * (length(x) + 1) / 2 - length(x) * length(y) / 2
}
sr_W0 <- function(x) function(d) {
	xd <- x - d
	xd <- xd[xd != 0]
	r <- rank(abs(xd))
	sum(r[xd > 0]) - length(xd) * (length(xd) + 1) / 4
}

# ---------------------------------------------------------------------------
# wilcox.test, two samples
# ---------------------------------------------------------------------------
sid_of <- function(name) info$sid[info$name == name]
mw_rows <- list()
mw_case <- function(xn, yn, alternative, mu, correct, exact, conf) {
	x <- X[[xn]]; y <- X[[yn]]
	res <- tryCatch(suppressWarnings(wilcox.test(x, y, alternative = alternative, mu = mu,
		correct = correct, exact = exact, conf.int = TRUE, conf.level = conf, tol.root = 1e-12)),
		error = function(e) NULL)
	r_error <- is.null(res)
	if (r_error)
		res <- suppressWarnings(wilcox.test(x, y, alternative = alternative, mu = mu,
			correct = correct, exact = exact))
	est_lo <- est_hi <- NA
	est <- ci <- c(NA, NA)
	if (!r_error) {
		est <- unname(res$estimate)
		ci <- as.numeric(res$conf.int)
		if (!grepl("exact", res$method)) {
			e <- flat_ends(mw_W0(x, y), est, min(x) - max(y), max(x) - min(y))
			est_lo <- e[1]; est_hi <- e[2]
		}
	}
	p_alt <- NA
	if (grepl("exact", res$method)) {
		# an independent exact p-value
		p_alt <- wilcox.exact(x, y, alternative = alternative, mu = mu, exact = TRUE)$p.value
		stopifnot(abs(p_alt - res$p.value) <= 1e-10 * max(p_alt, res$p.value))
	}
	mw_rows[[length(mw_rows) + 1]] <<- data.frame(
		sid_x = sid_of(xn), sid_y = sid_of(yn), alternative = alternative, mu = mu,
		correct = correct, exact = if (is.null(exact)) NA else exact, conf_level = conf,
		statistic = unname(res$statistic), p_value = res$p.value,
		estimate = est[1], ci_lower = ci[1], ci_upper = ci[2], est_lo = est_lo, est_hi = est_hi,
		r_error = as.integer(r_error), p_alt = p_alt, method = res$method)
}
small_pairs <- list(c("normal_2", "normal_3"), c("normal_5", "unif_5"), c("normal_8", "normal_10"),
	c("lnorm_10", "lnorm_20"), c("normal_30", "normal_49"), c("normal_49", "normal_49b"),
	c("normal_49", "normal_50"), c("normal_50", "normal_60"), c("unif_3", "normal_100"),
	c("one_1", "one_1b"), c("one_1", "normal_5"), c("neg_40", "normal_20"),
	c("int_10", "int_20"), c("likert_30", "likert_40"), c("binary_50", "binary_60"),
	c("rev_100", "rev_300"), c("const_5", "const_6"), c("const_5", "int_10"),
	c("const_4", "const_5"), c("int_45", "normal_10"), c("t3_80", "normal_100"))
for (p in small_pairs) {
	xs <- X[[p[1]]]; ys <- X[[p[2]]]
	mus <- c(0, signif(median(xs) - median(ys), 2))
	if (grepl("int|likert|binary|const", p[1])) mus <- c(0, 1)
	for (alt in c("two.sided", "less", "greater"))
		for (mu in unique(mus))
			for (correct in c(TRUE, FALSE))
				for (exact in list(NULL, TRUE, FALSE))
					for (conf in c(0.95, 0.8, 0.99)) {
						# forced exact beyond R's rule is slow (R and here): one case
						if (isTRUE(exact) && length(xs) * length(ys) > 2500 &&
							!(conf == 0.95 && correct && mu == 0 && alt == "two.sided")) next
						mw_case(p[1], p[2], alt, mu, correct, exact, conf)
					}
}
large_pairs <- list(c("normal_1000", "normal_1000b"), c("lnorm_5000", "lnorm_1000"),
	c("rev_5000", "rev_20000"), c("normal_100000", "normal_20000"), c("int_500", "lnorm_200"))
for (p in large_pairs)
	for (alt in c("two.sided", "less", "greater"))
		mw_case(p[1], p[2], alt, 0, TRUE, NULL, 0.95)
mw_case("normal_1000", "normal_1000b", "two.sided", 0.3, FALSE, NULL, 0.9)
mw_case("rev_5000", "rev_20000", "greater", 0.5, TRUE, FALSE, 0.99)
mw <- do.call(rbind, mw_rows)

# ---------------------------------------------------------------------------
# wilcox.test, one sample
# ---------------------------------------------------------------------------
sr_rows <- list()
sr_case <- function(xn, mu, alternative, correct, exact, conf) {
	x <- X[[xn]]
	res <- tryCatch(suppressWarnings(wilcox.test(x, mu = mu, alternative = alternative,
		correct = correct, exact = exact, conf.int = TRUE, conf.level = conf, tol.root = 1e-12)),
		error = function(e) NULL)
	r_error <- is.null(res)
	if (r_error)
		res <- suppressWarnings(wilcox.test(x, mu = mu, alternative = alternative,
			correct = correct, exact = exact))
	est_lo <- est_hi <- NA
	est <- ci <- c(NA, NA)
	if (!r_error) {
		est <- unname(res$estimate)
		ci <- as.numeric(res$conf.int)
		xe <- x[x != mu]
		if (!grepl("exact", res$method) && length(xe) > 0 && is.finite(est) &&
			length(unique(xe)) > 1)
			{ e <- flat_ends(sr_W0(xe), est, min(xe), max(xe)); est_lo <- e[1]; est_hi <- e[2] }
	}
	p_alt <- NA
	if (grepl("exact", res$method)) {
		p_alt <- wilcox.exact(x, mu = mu, alternative = alternative, exact = TRUE)$p.value
		stopifnot(abs(p_alt - res$p.value) <= 1e-10 * max(p_alt, res$p.value))
	}
	sr_rows[[length(sr_rows) + 1]] <<- data.frame(
		sid = sid_of(xn), mu = mu, alternative = alternative, correct = correct,
		exact = if (is.null(exact)) NA else exact, conf_level = conf,
		statistic = unname(res$statistic), p_value = res$p.value,
		estimate = est[1], ci_lower = ci[1], ci_upper = ci[2], est_lo = est_lo, est_hi = est_hi,
		r_error = as.integer(r_error), p_alt = p_alt, method = res$method)
}
for (xn in c("normal_2", "normal_3", "normal_8", "normal_20", "normal_49", "normal_50",
	"normal_60", "lnorm_10", "neg_40", "unif_12", "int_10", "int_45", "likert_30",
	"sym_6", "zeros_12", "one_1", "const_5", "mu_only_3", "t3_80", "binary_50")) {
	x <- X[[xn]]
	mus <- unique(c(0, signif(median(x), 2), x[1]))
	for (alt in c("two.sided", "less", "greater"))
		for (mu in mus)
			for (correct in c(TRUE, FALSE))
				for (exact in list(NULL, TRUE, FALSE))
					for (conf in c(0.95, 0.8, 0.99))
						sr_case(xn, mu, alt, correct, exact, conf)
}
for (xn in c("normal_1000", "lnorm_5000", "rev_5000", "normal_100000", "int_500"))
	for (alt in c("two.sided", "less", "greater"))
		sr_case(xn, signif(median(X[[xn]]), 3), alt, TRUE, NULL, 0.95)
sr_case("normal_5000", 10, "two.sided", FALSE, NULL, 0.9)
sr <- do.call(rbind, sr_rows)

# ---------------------------------------------------------------------------
# ks.test, two samples (R 4.2.2: exact when n.x * n.y < 10000, ties or not)
# ---------------------------------------------------------------------------
# P(K > t) for Kolmogorov's limit, summed at 128 bits
kolmogorov_upper <- function(t) {
	if (t <= 0) return(1)
	t <- mpfr(t, 128)
	k <- 1:60
	if (t < 1) {
		s <- sum(exp(-((2 * k - 1)^2) * (Const("pi", 128)^2) / (8 * t^2)))
		as.numeric(1 - sqrt(2 * Const("pi", 128)) / t * s)
	} else
		as.numeric(2 * sum((-1)^(k - 1) * exp(-2 * k^2 * t^2)))
}
ks_rows <- list()
ks_case <- function(xn, yn, alternative, exact) {
	x <- X[[xn]]; y <- X[[yn]]
	res <- suppressWarnings(ks.test(x, y, alternative = alternative, exact = exact))
	p_acc <- res$p.value
	if (!res$exact) {
		n <- length(x) * length(y) / (length(x) + length(y))
		D <- unname(res$statistic)
		p_acc <- if (alternative == "two.sided") {
			if (D < .Machine$double.eps) 1 else kolmogorov_upper(sqrt(n) * D)
		} else exp(-2 * n * D^2)
		p_acc <- min(1, max(0, p_acc))
	}
	ks_rows[[length(ks_rows) + 1]] <<- data.frame(
		sid_x = sid_of(xn), sid_y = sid_of(yn), alternative = alternative,
		exact = if (is.null(exact)) NA else exact,
		statistic = unname(res$statistic), p_value = res$p.value, p_accurate = p_acc,
		method = res$method)
}
ks_pairs <- list(c("normal_2", "normal_3"), c("normal_5", "unif_5"), c("normal_8", "normal_10"),
	c("lnorm_10", "lnorm_20"), c("normal_49", "normal_49b"), c("normal_50", "normal_60"),
	c("normal_100", "normal_60"), c("int_10", "int_20"), c("likert_30", "likert_40"),
	c("binary_50", "binary_60"), c("rev_100", "rev_300"), c("const_5", "const_6"),
	c("const_5", "int_10"), c("one_1", "normal_5"), c("unif_3", "normal_300"),
	c("normal_300", "lnorm_200"), c("t3_80", "normal_100"))
for (p in ks_pairs)
	for (alt in c("two.sided", "less", "greater"))
		for (exact in list(NULL, TRUE, FALSE))
			ks_case(p[1], p[2], alt, exact)
for (p in list(c("normal_1000", "normal_1000b"), c("rev_5000", "rev_20000"),
	c("normal_100000", "normal_20000"), c("lnorm_5000", "lnorm_1000")))
	for (alt in c("two.sided", "less", "greater"))
		ks_case(p[1], p[2], alt, NULL)
ks_case("int_500", "lnorm_200", "greater", TRUE)
ks <- do.call(rbind, ks_rows)

# ---------------------------------------------------------------------------
# kruskal.test
# ---------------------------------------------------------------------------
kw_sets <- list(c("normal_5", "normal_8", "normal_10"), c("normal_2", "normal_3"),
	c("int_10", "int_20", "likert_30"), c("rev_100", "rev_300", "rev_5000"),
	c("const_5", "const_6"), c("const_5", "const_4"), c("one_1", "one_1b"),
	c("one_1", "one_1b", "normal_3"), c("lnorm_5", "lnorm_10", "lnorm_20", "lnorm_200", "normal_30", "unif_12"),
	c("binary_50", "binary_60"), c("normal_100000", "normal_20000", "normal_1000"),
	c("normal_49", "normal_49b", "normal_50", "normal_60"))
kw <- do.call(rbind, lapply(kw_sets, function(s) {
	res <- kruskal.test(lapply(s, function(nm) X[[nm]]))
	data.frame(sids = paste(sapply(s, sid_of), collapse = ";"),
		statistic = unname(res$statistic), df = unname(res$parameter), p_value = res$p.value)
}))

# ---------------------------------------------------------------------------
# Write
# ---------------------------------------------------------------------------
dir.create(outdir, showWarnings = FALSE)
samples_out <- data.frame(sid = rep(info$sid, info$n), k = unlist(codes))
write.csv(data.frame(sid = samples_out$sid, k = sprintf("%.0f", samples_out$k)),
	file.path(outdir, "ranks_samples.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(sid = info$sid, name = info$name, divisor = sprintf("%.0f", info$divisor), n = info$n),
	file.path(outdir, "ranks_info.csv"), row.names = FALSE, quote = FALSE)
write.csv(data.frame(sid = qrows$sid, q = fmt(qrows$q), expected = fmt(qrows$expected)),
	file.path(outdir, "ranks_quantile.csv"), row.names = FALSE, quote = FALSE)
numcols <- function(d, cols) { for (c in cols) d[[c]] <- fmt(d[[c]]); d }
tf <- function(v) ifelse(is.na(v), "", ifelse(v, "true", "false"))
mw$correct <- tf(mw$correct); mw$exact <- tf(mw$exact)
write.csv(numcols(mw, c("mu", "conf_level", "statistic", "p_value", "estimate", "ci_lower",
	"ci_upper", "est_lo", "est_hi", "p_alt")), file.path(outdir, "ranks_mw.csv"), row.names = FALSE,
	quote = FALSE)
sr$correct <- tf(sr$correct); sr$exact <- tf(sr$exact)
write.csv(numcols(sr, c("mu", "conf_level", "statistic", "p_value", "estimate", "ci_lower",
	"ci_upper", "est_lo", "est_hi", "p_alt")), file.path(outdir, "ranks_sr.csv"), row.names = FALSE,
	quote = FALSE)
ks$exact <- tf(ks$exact)
write.csv(numcols(ks, c("statistic", "p_value", "p_accurate")), file.path(outdir, "ranks_ks.csv"),
	row.names = FALSE, quote = FALSE)
write.csv(numcols(kw, c("statistic", "df", "p_value")), file.path(outdir, "ranks_kw.csv"),
	row.names = FALSE, quote = FALSE)
cat(sprintf("samples %d (%d values), quantiles %d, mw %d, sr %d, ks %d, kw %d\n",
	nrow(info), sum(info$n), nrow(qrows), nrow(mw), nrow(sr), nrow(ks), nrow(kw)))
