#!/usr/bin/env Rscript
# test/reference/gen_quantile.R: reference values for quantile_test(),
# written in R from the published formulas (no R package implements them):
# the order-statistic interval of a quantile with ranks
# n q -/+ z sqrt(n q (1 - q)) (Woodruff 1952; Deng, Knoblich & Lu 2018, the
# method GrowthBook documents for quantile metrics), its width / (2 z) as
# the standard error, a normal test and interval for the difference, and
# the delta method for the relative difference; each arm's interval is
# cross-checked against the exact binomial (distribution-free) interval.
#
#   cd test/reference && Rscript gen_quantile.R
#
# Deterministic (fixed seed); rerunning rewrites identical files:
#   data/quantile_samples.csv  sid, k: value = k / divisor
#   data/quantile_info.csv     sid, name, divisor, n
#   data/quantile_cases.csv    sid_t, sid_c, q, conf_level, alternative, mu,
#                              the expected result fields, and for each arm
#                              the exact interval's order statistics
#                              x(l), x(u) and their neighbours x(l-1),
#                              x(l+1), x(u-1), x(u+1) (t_/c_ prefixes)
#
# Estimates and order statistics use R's quantile(type = 7) and the same
# arithmetic as abstats (an order statistic at a fractional rank r is
# quantile(x, (r - 1) / (n - 1))), so sql/quantile_test.sql allows 1e-10
# relative (plus 1e-12 of the sample's range, for bounds that are sums of
# terms of opposite signs).
#
# The exact binomial interval for the q-quantile is [x(l), x(u)] with
# l = qbinom(alpha / 2, n, q), u = qbinom(1 - alpha / 2, n, q) + 1 (clamped
# to 1..n), coverage P(l <= B < u), B ~ Binomial(n, q) (e.g. Conover,
# Practical Nonparametric Statistics, 3rd ed., 3.2).  Wherever abstats'
# interval is defined, its ranks r_L, r_U differ from l, u by
# -2 < r_L - l < 2 and -3 < r_U - u < 1 (checked here: the exact upper rank
# carries the +1 of P(B < u), the normal approximation has no continuity
# correction), so sql/quantile_test.sql checks that each arm's lower bound
# lies in [x(l - 2), x(l + 2)] and its upper bound in [x(u - 3), x(u + 1)].
set.seed(20261204)
fmt <- function(v) ifelse(is.na(v), "",
	ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))
outdir <- "data"

info <- data.frame(sid = integer(), name = character(), divisor = numeric(), n = integer())
codes <- list()
X <- list()
add_sample <- function(name, k, divisor) {
	sid <- length(codes) + 1L
	k <- as.double(k)
	stopifnot(all(abs(k) < 2^53), all(k == round(k)))
	codes[[sid]] <<- k
	X[[sid]] <<- sort(k / divisor)
	info[nrow(info) + 1, ] <<- list(sid, name, divisor, length(k))
	sid
}
cont <- function(x, divisor = 1e6) round(x * divisor)

# One arm, as quantile.c: estimate, interval, standard error
arm <- function(x, q, conf) {
	n <- length(x)
	z <- qnorm(1 - (1 - conf) / 2)
	half <- z * sqrt(n * q * (1 - q))
	rl <- n * q - half
	ru <- n * q + half
	est <- quantile(x, q, type = 7, names = FALSE)
	if (n < 2 || rl < 1 || ru > n) return(list(q = est, lo = NA, hi = NA, se = NA, rl = rl, ru = ru))
	lo <- quantile(x, (rl - 1) / (n - 1), type = 7, names = FALSE)
	hi <- quantile(x, (ru - 1) / (n - 1), type = 7, names = FALSE)
	list(q = est, lo = lo, hi = hi, se = (hi - lo) / (2 * z), rl = rl, ru = ru)
}
# The exact binomial interval's ranks and order statistics (with neighbours)
exact_arm <- function(x, q, conf) {
	n <- length(x)
	a <- 1 - conf
	l <- max(1, qbinom(a / 2, n, q))
	u <- min(n, qbinom(1 - a / 2, n, q) + 1)
	at <- function(i) x[min(max(i, 1), n)]
	list(l = l, u = u, lo = at(l), hi = at(u), lo_m = at(l - 2), lo_p = at(l + 2),
		hi_m = at(u - 3), hi_p = at(u + 1))
}
crit <- function(conf, alt) if (alt == "two.sided") qnorm(1 - (1 - conf) / 2) else qnorm(conf)
interval <- function(est, se, conf, alt) {
	k <- crit(conf, alt)
	switch(alt, two.sided = c(est - k * se, est + k * se), less = c(-Inf, est + k * se),
		greater = c(est - k * se, Inf))
}

cases <- list()
gap_lo <- c(0, 0)
gap_hi <- c(0, 0)
add_case <- function(st, sc, q, conf, alt, mu) {
	t <- arm(X[[st]], q, conf)
	c <- arm(X[[sc]], q, conf)
	est <- t$q - c$q
	se <- sqrt(t$se^2 + c$se^2)
	stat <- p <- NA
	ci <- c(NA, NA)
	if (!is.na(se) && se > 0) {
		stat <- (est - mu) / se
		p <- switch(alt, two.sided = min(1, 2 * pnorm(-abs(stat))), less = pnorm(stat),
			greater = pnorm(stat, lower.tail = FALSE))
		ci <- interval(est, se, conf, alt)
	}
	rel <- rel_se <- NA
	rci <- c(NA, NA)
	kind <- NA
	if (c$q != 0) {
		rel <- t$q / c$q - 1
		rel_se <- sqrt((t$se / c$q)^2 + (t$q / c$q * c$se / c$q)^2)
		if (!is.na(rel_se) && rel_se > 0) {
			ralt <- if (c$q < 0 && alt != "two.sided") setdiff(c("less", "greater"), alt) else alt
			rci <- interval(rel, rel_se, conf, ralt)
			kind <- "interval"
		}
	}
	et <- exact_arm(X[[st]], q, conf)
	ec <- exact_arm(X[[sc]], q, conf)
	for (a in list(list(t, et), list(c, ec)))
		if (!is.na(a[[1]]$se)) {
			gap_lo <<- range(gap_lo, a[[1]]$rl - a[[2]]$l)
			gap_hi <<- range(gap_hi, a[[1]]$ru - a[[2]]$u)
		}
	cases[[length(cases) + 1]] <<- data.frame(sid_t = st, sid_c = sc, q = q, conf_level = conf,
		alternative = alt, mu = mu, statistic = stat, p_value = p, estimate = est,
		ci_lower = ci[1], ci_upper = ci[2], std_error = se, rel_estimate = rel,
		rel_ci_lower = rci[1], rel_ci_upper = rci[2], rel_std_error = rel_se, rel_ci_kind = kind,
		treatment_quantile = t$q, control_quantile = c$q,
		treatment_ci_lower = t$lo, treatment_ci_upper = t$hi,
		control_ci_lower = c$lo, control_ci_upper = c$hi,
		t_exact_lo = et$lo, t_exact_hi = et$hi, t_exact_lo_m = et$lo_m, t_exact_lo_p = et$lo_p,
		t_exact_hi_m = et$hi_m, t_exact_hi_p = et$hi_p,
		c_exact_lo = ec$lo, c_exact_hi = ec$hi, c_exact_lo_m = ec$lo_m, c_exact_lo_p = ec$lo_p,
		c_exact_hi_m = ec$hi_m, c_exact_hi_p = ec$hi_p)
}

# samples: pairs (treatment, control) of the same shape
shapes <- list()
for (n in c(2, 5, 10, 20, 50, 100, 1000, 10000)) {
	shapes[[length(shapes) + 1]] <- c(
		add_sample(sprintf("normal_t_%d", n), cont(rnorm(n, 10.2, 2)), 1e6),
		add_sample(sprintf("normal_c_%d", n), cont(rnorm(n, 10, 2)), 1e6))
}
for (n in c(30, 300, 3000)) {
	shapes[[length(shapes) + 1]] <- c(
		add_sample(sprintf("lognormal_t_%d", n), cont(exp(rnorm(n, 3.1, 1)), 100), 100),
		add_sample(sprintf("lognormal_c_%d", n), cont(exp(rnorm(n, 3, 1)), 100), 100))
	shapes[[length(shapes) + 1]] <- c(
		add_sample(sprintf("revenue_t_%d", n), cont(ifelse(runif(n) < 0.12, exp(rnorm(n, 3, 1)), 0), 100), 100),
		add_sample(sprintf("revenue_c_%d", n), cont(ifelse(runif(n) < 0.10, exp(rnorm(n, 3, 1)), 0), 100), 100))
	shapes[[length(shapes) + 1]] <- c(
		add_sample(sprintf("integers_t_%d", n), sample(0:9, n, TRUE), 1),
		add_sample(sprintf("integers_c_%d", n), sample(0:9, n, TRUE, prob = 10:1), 1))
	shapes[[length(shapes) + 1]] <- c(
		add_sample(sprintf("negative_t_%d", n), cont(rnorm(n, -5, 1)), 1e6),
		add_sample(sprintf("negative_c_%d", n), cont(rnorm(n, -5.3, 1.5)), 1e6))
}
shapes[[length(shapes) + 1]] <- c(
	add_sample("unequal_t_40", cont(rexp(40, 1 / 20)), 1e4),
	add_sample("unequal_c_20000", cont(rexp(20000, 1 / 18)), 1e4))

for (sh in shapes) for (q in c(0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99)) {
	add_case(sh[1], sh[2], q, 0.95, "two.sided", 0)
	add_case(sh[1], sh[2], q, 0.8, "less", 0)
	add_case(sh[1], sh[2], q, 0.99, "greater", 0)
	add_case(sh[1], sh[2], q, 0.95, "two.sided", 0.5)
	add_case(sh[2], sh[1], q, 0.9, "greater", -0.25)
}

cases <- do.call(rbind, cases)
out <- cases
for (f in names(out)[sapply(out, is.numeric)]) if (!(f %in% c("sid_t", "sid_c"))) out[[f]] <- fmt(out[[f]])
out$rel_ci_kind <- ifelse(is.na(cases$rel_ci_kind), "", cases$rel_ci_kind)
write.csv(out, file.path(outdir, "quantile_cases.csv"), row.names = FALSE, quote = FALSE)
write.csv(info, file.path(outdir, "quantile_info.csv"), row.names = FALSE, quote = FALSE)
smp <- do.call(rbind, lapply(seq_along(codes), function(i) data.frame(sid = i, k = sprintf("%.0f", codes[[i]]))))
write.csv(smp, file.path(outdir, "quantile_samples.csv"), row.names = FALSE, quote = FALSE)
cat(nrow(cases), "cases,", nrow(smp), "values; defined p-values:", sum(!is.na(cases$p_value)),
	"; asymptotic - exact ranks: lower", gap_lo, "upper", gap_hi, "\n")
