#!/usr/bin/env Rscript
# test/reference/gen_effects.R: reference values for ab_test(), ratio_test()
# and cuped_test() (sql/effects.sql, sql/effects_joint.sql).
#
#   cd test/reference && Rscript gen_effects.R
#
# Needs Debian's r-base-core and r-cran-rmpfr.  Deterministic (fixed seed);
# rerunning rewrites identical files:
#   data/effects_units.csv  sample_id, m1..m4: the raw units of every arm
#                           (%.17g, read back exactly); ab_test uses m1
#   data/effects_ab.csv     ab_test cases and expected fields
#   data/effects_joint.csv  ratio_test and cuped_test cases and expected
#                           fields (joint summaries of m1..mk)
#   data/effects_size.csv   sample_size_check_relative, _ratio and _cuped:
#                           sizes, power, mde (kind: ratio or cuped)
#
# Sources of the expected values:
#   - the absolute part (statistic, df, p_value, estimate, ci_lower,
#     ci_upper, std_error) is R's t.test() on the raw units;
#   - the relative effect is written here from the published formulas,
#     independently of the C code, and cross-checked:
#       Fieller (1954): the textbook roots
#         (rho_hat -/+ (q / |y2|) sqrt(v1 (1 - g) + rho_hat^2 v2)) / (1 - g),
#         g = q^2 v2 / y2^2, evaluated in 256-bit arithmetic (Rmpfr), and the
#         shape of the set read off the limits of T(rho) at +-infinity and
#         which roots solve T(rho) = +q or -q.  Cross-check: the membership
#         of 4000 points of a grid, computed by brute force from T(rho),
#         agrees with the set, every finite bound solves T(bound) = +-q to
#         1e-9, and 0 is in the set exactly when the t.test interval holds 0;
#       delta method: se_rel^2 = v1 / y2^2 + y1^2 v2 / y2^4.  Cross-check:
#         the gradient of y1 / y2 by central differences (1e-6);
#       log ratio (tea-tasting): se_log^2 = v1 / y1^2 + v2 / y2^2 with the
#         Welch df of the relative variances.  Cross-check: the gradient of
#         log(y1 / y2) by central differences (1e-6).
#   Here v_i = var(x_i) / n_i (Welch) or s_p^2 / n_i with the pooled
#   variance (var.equal); q is the t quantile of the absolute test.
suppressPackageStartupMessages(library(Rmpfr))

PREC <- 256
set.seed(20260915)
fmt <- function(v) {
	if (is.character(v)) return(ifelse(is.na(v), "", v))
	ifelse(is.na(v), "",
		ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
			sprintf("%.17g", v)))
}

# ---------------------------------------------------------------------------
# Arms: raw units (a list of numeric matrices with 1..4 columns)
# ---------------------------------------------------------------------------
units <- list()
add_units <- function(id, m) units[[id]] <<- as.matrix(m)

revenue <- function(n, p, meanlog) {
	v <- numeric(n)
	buy <- rbinom(n, 1, p) == 1
	v[buy] <- round(rlnorm(sum(buy), meanlog = meanlog, sdlog = 1.1), 2)
	v
}
add_units("normal_500", rnorm(500, 10, 2))
add_units("normal_400", rnorm(400, 9.6, 2.5))
add_units("revenue_3000_b", revenue(3000, 0.106, 3.45))
add_units("revenue_3000_a", revenue(3000, 0.100, 3.40))
add_units("binary_5000_b", rbinom(5000, 1, 0.106))
add_units("binary_5000_a", rbinom(5000, 1, 0.100))
add_units("binary_20000_b", rbinom(20000, 1, 0.021))
add_units("binary_20000_a", rbinom(20000, 1, 0.020))
add_units("near0_60_t", rnorm(60, 0.15, 1))
add_units("near0_60_c", rnorm(60, 0.10, 1))
add_units("clear_40_t", rnorm(40, 1.0, 1))
add_units("near0_40_c", rnorm(40, 0.05, 1))
add_units("neg_200_t", rnorm(200, -4, 1.5))
add_units("neg_200_c", rnorm(200, -5, 1.5))
add_units("negpos_100_t", rnorm(100, -0.5, 1))
add_units("pos_100_c", rnorm(100, 3, 1))
add_units("small_2", c(3.1, 4.4))
add_units("small_3", c(2.0, 2.9, 3.3))
add_units("wide_30", rnorm(30, 12, 5))
add_units("narrow_2000", rnorm(2000, 10, 1))
add_units("zero_mean_7", c(-3, -2, -1, 0, 1, 2, 3))
add_units("normal_50_m1", rnorm(50, 1, 1))
add_units("normal_80_m2", rnorm(80, 2, 1))
add_units("constant_10", rep(5, 10))
add_units("single_1", 4.5)
add_units("exp_300", rexp(300, 0.5))
add_units("exp_250", rexp(250, 0.55))

# ---------------------------------------------------------------------------
# Relative effect (see the header)
# ---------------------------------------------------------------------------
m <- function(x) mpfr(x, PREC)

# The arm means and their variances as the absolute test uses them.
arm_stats <- function(x, y, eqv) {
	n1 <- length(x); n2 <- length(y)
	y1 <- mean(x); y2 <- mean(y)
	if (eqv) {
		if (n1 + n2 < 3) return(NULL)
		df <- n1 + n2 - 2
		sp2 <- (sum((x - y1)^2) + sum((y - y2)^2)) / df
		v1 <- sp2 / n1; v2 <- sp2 / n2
	} else {
		if (n1 < 2 || n2 < 2) return(NULL)
		v1 <- var(x) / n1; v2 <- var(y) / n2
		df <- (v1 + v2)^2 / (v1^2 / (n1 - 1) + v2^2 / (n2 - 1))
	}
	list(n1 = n1, n2 = n2, y1 = y1, y2 = y2, v1 = v1, v2 = v2, df = df, x = x, y = y)
}

# q of the absolute test: two-sided (1 + level) / 2, one-sided level.
crit <- function(alt, level, df)
	if (alt == "two.sided") qt((1 - level) / 2, df, lower.tail = FALSE) else
		qt(1 - level, df, lower.tail = FALSE)

# T(rho) = (y1 - rho y2) / sqrt(v1 + rho^2 v2), the test of mu1 = rho mu2
Tfun <- function(s, rho) (s$y1 - rho * s$y2) / sqrt(s$v1 + rho^2 * s$v2)

# Fieller's set for rho - 1: list(kind, lower, upper, gap) (NULL: undefined)
fieller <- function(s, alt, q) {
	y1 <- m(s$y1); y2 <- m(s$y2); v1 <- m(s$v1); v2 <- m(s$v2); qm <- m(q)
	sgn <- if (alt == "less") -1 else 1		# less: -T(rho) <= q
	# roots of (y1 - rho y2)^2 = q^2 (v1 + rho^2 v2), textbook form
	roots <- c()
	if (y2 != 0) {
		rho_hat <- y1 / y2
		g <- qm^2 * v2 / y2^2
		d <- v1 * (1 - g) + rho_hat^2 * v2
		if (g != 1 && d >= 0) {
			w <- abs(qm) / abs(y2) * sqrt(d)
			roots <- c((rho_hat - w) / (1 - g), (rho_hat + w) / (1 - g))
		} else if (g == 1) {
			roots <- c((y1^2 - qm^2 * v1) / (2 * y1 * y2))
		}
	} else {
		# y2 = 0: y1^2 = q^2 (v1 + rho^2 v2)
		r2 <- (y1^2 - qm^2 * v1) / (qm^2 * v2)
		if (r2 >= 0) roots <- c(-sqrt(r2), sqrt(r2))
	}
	roots <- sort(unique(asNumeric(roots - 1)))	# in delta = rho - 1
	# the side of T at each root, and the limits of sgn T at +-infinity
	Tm <- function(delta) sgn * asNumeric((y1 - m(1 + delta) * y2) /
		sqrt(v1 + m(1 + delta)^2 * v2))
	lim_plus <- sgn * asNumeric(-y2 / sqrt(v2))
	lim_minus <- sgn * asNumeric(y2 / sqrt(v2))
	if (alt == "two.sided") {
		inp <- abs(lim_plus) < q; inm <- abs(lim_minus) < q
		valid <- roots
	} else {
		inp <- lim_plus < q; inm <- lim_minus < q
		valid <- roots[vapply(roots, function(r) sign(Tm(r)) == sign(q) || Tm(r) == 0,
							  logical(1))]
	}
	nv <- length(valid)
	if (inp && !inm) return(list(kind = "interval", lower = valid[nv], upper = Inf))
	if (inm && !inp) return(list(kind = "interval", lower = -Inf, upper = valid[1]))
	if (inp && inm) {
		if (nv == 2) return(list(kind = "exclusive", lower = -Inf, upper = Inf, gap = valid))
		return(list(kind = "unbounded", lower = -Inf, upper = Inf))
	}
	if (nv == 2) return(list(kind = "interval", lower = valid[1], upper = valid[2]))
	if (nv == 1) return(list(kind = "interval", lower = valid[1], upper = valid[1]))
	list(kind = "empty", lower = NA, upper = NA)
}

# brute-force check of a Fieller set: grid membership and bounds
check_fieller <- function(s, alt, q, f, abs_ci) {
	sgn <- if (alt == "less") -1 else 1
	member <- function(delta) {
		t <- sgn * Tfun(s, 1 + delta)
		if (alt == "two.sided") abs(t) <= q else t <= q
	}
	in_set <- function(delta) switch(f$kind,
		interval = f$lower <= delta & delta <= f$upper,
		exclusive = !(f$gap[1] < delta & delta < f$gap[2]),
		unbounded = rep(TRUE, length(delta)), empty = rep(FALSE, length(delta)))
	b <- c(f$lower, f$upper, f$gap)
	b <- b[is.finite(b)]
	span <- max(c(10, 10 * abs(b), if (s$y2 != 0) 10 * abs(s$y1 / s$y2)))
	grid <- c(seq(-span, span, length.out = 3001), -span * 10^(1:6), span * 10^(1:6),
			  b + 1e-7 * base::pmax(1, abs(b)), b - 1e-7 * base::pmax(1, abs(b)))
	near <- rep(FALSE, length(grid))
	for (x in b) near <- near | abs(grid - x) <= 1e-8 * max(1, abs(x))
	bad <- !near & member(grid) != in_set(grid)
	if (any(bad))
		stop(sprintf("Fieller set disagrees with brute force at delta = %g", grid[bad][1]))
	for (x in b) {
		t <- sgn * Tfun(s, 1 + x)
		if (abs(abs(t) - abs(q)) > 1e-9 * abs(q)) stop("Fieller bound does not solve T = q")
	}
	# 0 in the set exactly when the absolute interval holds 0
	zero_abs <- abs_ci[1] <= 0 && 0 <= abs_ci[2]
	if (in_set(0) != zero_abs) stop("Fieller set and the t-test disagree at 0")
}

delta_se <- function(s) sqrt(s$v1 / s$y2^2 + s$y1^2 * s$v2 / s$y2^4)

check_gradient <- function(f, s, se, what) {
	h1 <- 1e-6 * max(abs(s$y1), 1e-8); h2 <- 1e-6 * max(abs(s$y2), 1e-8)
	g1 <- (f(s$y1 + h1, s$y2) - f(s$y1 - h1, s$y2)) / (2 * h1)
	g2 <- (f(s$y1, s$y2 + h2) - f(s$y1, s$y2 - h2)) / (2 * h2)
	se_num <- sqrt(g1^2 * s$v1 + g2^2 * s$v2)
	if (se == 0 && se_num == 0) return(invisible())
	if (abs(se_num / se - 1) > 1e-6) stop(paste("numerical gradient disagrees:", what))
}

# the one-sided bound's side: mirrored when the control mean is negative
bounds <- function(alt, flip, est, hw) {
	if (alt == "two.sided") return(c(est - hw, est + hw))
	lower_only <- (alt == "greater") != flip
	if (lower_only) c(est - hw, Inf) else c(-Inf, est + hw)
}

relative <- function(s, alt, level, eqv, method, tested, abs_ci) {
	out <- list(rel_estimate = NA, rel_ci_lower = NA, rel_ci_upper = NA,
				rel_std_error = NA, rel_ci_kind = NA)
	if (s$y2 != 0) {
		out$rel_estimate <- (s$y1 - s$y2) / s$y2
		out$rel_std_error <- delta_se(s)
		check_gradient(function(a, b) a / b, s, out$rel_std_error, "delta")
	}
	if (!tested) return(out)
	q <- crit(alt, level, s$df)
	if (method == "fieller") {
		f <- fieller(s, alt, q)
		check_fieller(s, alt, q, f, abs_ci)
		out$rel_ci_kind <- f$kind
		out$rel_ci_lower <- f$lower; out$rel_ci_upper <- f$upper
	} else if (method == "delta") {
		if (s$y2 == 0) return(out)
		ci <- bounds(alt, s$y2 < 0, out$rel_estimate, q * out$rel_std_error)
		out$rel_ci_kind <- "interval"
		out$rel_ci_lower <- ci[1]; out$rel_ci_upper <- ci[2]
	} else {
		if (s$y2 == 0 || s$y1 / s$y2 <= 0) return(out)
		if (eqv) {
			df <- s$n1 + s$n2 - 2
			pooled <- (sum((s$x - s$y1)^2) / s$y1^2 + sum((s$y - s$y2)^2) / s$y2^2) / df
			se_log <- sqrt(pooled / s$n1 + pooled / s$n2)
			# the same as the Welch form with pooled relative variances
			check_gradient(function(a, b) log(a / b),
						   list(y1 = s$y1, y2 = s$y2, v1 = pooled * s$y1^2 / s$n1,
								v2 = pooled * s$y2^2 / s$n2), se_log, "log (pooled)")
		} else {
			a <- var(s$x) / s$y1^2 / s$n1; b <- var(s$y) / s$y2^2 / s$n2
			se_log <- sqrt(a + b)
			df <- (a + b)^2 / (a^2 / (s$n1 - 1) + b^2 / (s$n2 - 1))
			check_gradient(function(a, b) log(a / b), s, se_log, "log")
		}
		ql <- crit(alt, level, df)
		ci <- bounds(alt, s$y2 < 0, log(s$y1 / s$y2), ql * se_log)
		out$rel_ci_kind <- "interval"
		out$rel_ci_lower <- exp(ci[1]) - 1; out$rel_ci_upper <- exp(ci[2]) - 1
		if (ci[1] == -Inf) out$rel_ci_lower <- -Inf
	}
	out
}

# The absolute part: R's t.test, with abstats' NULLs where it stops.
absolute <- function(x, y, mu, eqv, alt, level) {
	nx <- length(x); ny <- length(y)
	est <- mean(x) - mean(y)
	none <- c(statistic = NA, df = NA, p_value = NA, estimate = est,
			  ci_lower = NA, ci_upper = NA, std_error = NA)
	ok <- if (eqv) nx + ny >= 3 else nx >= 2 && ny >= 2
	if (!ok) return(none)
	r <- tryCatch(t.test(x, y, mu = mu, alternative = alt, var.equal = eqv,
						 conf.level = level), error = function(e) NULL)
	if (is.null(r) || r$stderr == 0) {
		# "data are essentially constant": statistic undefined
		s <- arm_stats(x, y, eqv)
		none["std_error"] <- sqrt(s$v1 + s$v2)
		none["df"] <- if (eqv) nx + ny - 2 else NA
		return(none)
	}
	c(statistic = unname(r$statistic), df = unname(r$parameter),
	  p_value = r$p.value, estimate = unname(r$estimate[1] - r$estimate[2]),
	  ci_lower = r$conf.int[1], ci_upper = r$conf.int[2], std_error = r$stderr)
}

ALTS <- c("two.sided", "less", "greater")
alt_sql <- function(a) if (a == "two.sided") "two-sided" else a

ab_pairs <- list(
	c("normal_500", "normal_400"), c("revenue_3000_b", "revenue_3000_a"),
	c("binary_5000_b", "binary_5000_a"), c("binary_20000_b", "binary_20000_a"),
	c("near0_60_t", "near0_60_c"), c("clear_40_t", "near0_40_c"),
	c("neg_200_t", "neg_200_c"), c("negpos_100_t", "pos_100_c"),
	c("small_2", "small_3"), c("wide_30", "narrow_2000"),
	c("normal_50_m1", "zero_mean_7"), c("zero_mean_7", "normal_80_m2"),
	c("constant_10", "constant_10"), c("single_1", "small_3"),
	c("exp_300", "exp_250"), c("pos_100_c", "negpos_100_t"))

# The expected fields of one case: x, y the unit-level values whose means
# are the two arms' estimates.
case_fields <- function(x, y, alt, eqv, level, method, mu) {
	a <- absolute(x, y, mu, eqv, alt, level)
	s <- arm_stats(x, y, eqv)
	tested <- !is.na(a["statistic"])
	rel <- if (is.null(s)) {
		list(rel_estimate = if (mean(y) != 0) (mean(x) - mean(y)) / mean(y) else NA,
			 rel_ci_lower = NA, rel_ci_upper = NA, rel_std_error = NA, rel_ci_kind = NA)
	} else relative(s, alt, level, eqv, method, tested, a[c("ci_lower", "ci_upper")])
	c(fmt(a),
	  rel_estimate = fmt(rel$rel_estimate), rel_ci_lower = fmt(rel$rel_ci_lower),
	  rel_ci_upper = fmt(rel$rel_ci_upper), rel_std_error = fmt(rel$rel_std_error),
	  rel_ci_kind = fmt(rel$rel_ci_kind),
	  treatment_mean = fmt(mean(x)), control_mean = fmt(mean(y)))
}

rows <- list(); case <- 0
add_case <- function(p, alt, eqv, level, method, mu) {
	x <- units[[p[1]]][, 1]; y <- units[[p[2]]][, 1]
	case <<- case + 1
	rows[[length(rows) + 1]] <<- c(case_id = case, t_id = p[1], c_id = p[2],
		alternative = alt_sql(alt), mu = fmt(mu), equal_var = eqv,
		conf_level = level, relative_ci = method,
		case_fields(x, y, alt, eqv, level, method, mu))
}
for (p in ab_pairs) for (alt in ALTS) for (eqv in c(FALSE, TRUE))
	for (level in c(0.95, 0.9)) for (method in c("fieller", "delta", "log"))
		add_case(p, alt, eqv, level, method, 0)
# mu only moves the statistic and p-value; one-sided levels below 0.5 give a
# negative critical value (and can give an empty Fieller set)
for (p in ab_pairs[c(1, 2, 5, 7)]) for (alt in ALTS) for (method in c("fieller", "log"))
	add_case(p, alt, FALSE, 0.99, method, 0.05)
for (p in ab_pairs[c(1, 5, 6, 8)]) for (alt in c("less", "greater"))
	for (method in c("fieller", "delta", "log"))
		add_case(p, alt, FALSE, 0.3, method, 0)

write.csv(as.data.frame(do.call(rbind, rows)), "data/effects_ab.csv",
		  row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------------------
# Joint summaries: ratio_test and cuped_test
# ---------------------------------------------------------------------------
# Ratio metrics: users randomized, sessions and orders per user, before
# (pre-period) and during the experiment; columns orders, sessions,
# pre_orders, pre_sessions.  profit: a numerator that can be negative.
ratio_users <- function(n, lift) {
	visit <- rgamma(n, shape = 2, rate = 1)
	buy <- rbeta(n, 2, 12)
	s_pre <- 1 + rpois(n, visit)
	o_pre <- rbinom(n, s_pre, buy)
	s <- 1 + rpois(n, visit)
	o <- rbinom(n, s, pmin(1, buy * lift))
	cbind(o, s, o_pre, s_pre)
}
add_units("ratio_3000_b", ratio_users(3000, 1.06))
add_units("ratio_3000_a", ratio_users(3000, 1.00))
add_units("ratio_40_b", ratio_users(40, 1.10))
add_units("ratio_50_a", ratio_users(50, 1.00))
profit <- function(u) cbind(20 * u[, 1] - 1.5 * u[, 2], u[, 2], 20 * u[, 3] - 1.5 * u[, 4], u[, 4])
add_units("profit_800_b", profit(ratio_users(800, 1.05)))
add_units("profit_900_a", profit(ratio_users(900, 1.00)))
# CUPED: revenue y and pre-experiment covariates: pre-period revenue,
# pre-period sessions, and a covariate unrelated to y.
cuped_users <- function(n, lift) {
	value <- rgamma(n, shape = 1.5, rate = 0.1)
	pre <- round(value * rlnorm(n, 0, 0.4), 2)
	sessions <- rpois(n, value / 5)
	noise <- rnorm(n)
	y <- round(lift * value * rlnorm(n, 0, 0.5) + 0.3 * sessions, 2)
	cbind(y, pre, sessions, noise)
}
add_units("cuped_2000_b", cuped_users(2000, 1.05))
add_units("cuped_2000_a", cuped_users(2000, 1.00))
add_units("cuped_30_b", cuped_users(30, 1.2)[, 1:3])
add_units("cuped_25_a", cuped_users(25, 1.0)[, 1:3])
collinear <- function(u) cbind(u[, 1:2], 2 * u[, 2])
add_units("collinear_300_b", collinear(cuped_users(300, 1.1)))
add_units("collinear_300_a", collinear(cuped_users(300, 1.0)))

close_to <- function(a, b, tol, what)
	if (any(abs(a - b) > tol * pmax(abs(a), abs(b)))) stop(paste("cross-check failed:", what))

# Ratio metric mean(a) / mean(b): the delta-method unit-level values of the
# arm, shifted by the arm's ratio so that their mean is the ratio:
#   l_i = (a_i - R b_i) / mean(b) + R.
lin <- function(a, b) {
	r <- mean(a) / mean(b)
	(a - r * b) / mean(b) + r
}
# Deng et al. (2018) on summary statistics: Var(R) n = (s_aa - 2 R s_ab +
# R^2 s_bb) / mean(b)^2; the brute-force values must have that variance.
check_ratio <- function(a, b, l) {
	r <- mean(a) / mean(b)
	v <- (var(a) - 2 * r * cov(a, b) + r^2 * var(b)) / mean(b)^2
	close_to(var(l), v, 1e-10, "ratio variance")
	close_to(mean(l), r, 1e-13, "ratio mean")
}
# the co-moment of two linearized ratios a/b and c/d (per unit, centred)
lin_c <- function(a, b) { r <- mean(a) / mean(b); (a - r * b) / mean(b) }

# The unit-level values of both arms for ratio_test: list(x, y) adjusted,
# (ux, uy) unadjusted, theta.
ratio_values <- function(tu, cu, k) {
	ux <- lin(tu[, 1], tu[, 2]); uy <- lin(cu[, 1], cu[, 2])
	check_ratio(tu[, 1], tu[, 2], ux); check_ratio(cu[, 1], cu[, 2], uy)
	if (k == 2) return(list(x = ux, y = uy, ux = ux, uy = uy, theta = NA))
	all <- rbind(tu, cu)
	ly <- lin_c(all[, 1], all[, 2]); lx <- lin_c(all[, 3], all[, 4])
	# theta: the pooled OLS slope of the linearized metric on the
	# linearized pre-period ratio (brute force) ...
	theta <- unname(coef(lm(ly ~ lx))[2])
	# ... and from the total sample's summary statistics (tea-tasting)
	ry <- mean(all[, 1]) / mean(all[, 2]); rx <- mean(all[, 3]) / mean(all[, 4])
	cyx <- (cov(all[, 1], all[, 3]) - rx * cov(all[, 1], all[, 4]) - ry * cov(all[, 2], all[, 3])
			+ ry * rx * cov(all[, 2], all[, 4])) / mean(all[, 2]) / mean(all[, 4])
	vxx <- (var(all[, 3]) - 2 * rx * cov(all[, 3], all[, 4]) + rx^2 * var(all[, 4])) /
		mean(all[, 4])^2
	close_to(theta, cyx / vxx, 1e-9, "ratio theta")
	adj <- function(u) {
		r_y <- mean(u[, 1]) / mean(u[, 2]); r_x <- mean(u[, 3]) / mean(u[, 4])
		lin_c(u[, 1], u[, 2]) - theta * lin_c(u[, 3], u[, 4]) + r_y - theta * (r_x - rx)
	}
	list(x = adj(tu), y = adj(cu), ux = ux, uy = uy, theta = theta)
}

# CUPED: metric 1 adjusted by the others, y - theta'(x - mean of both arms)
cuped_values <- function(tu, cu, k, given) {
	all <- rbind(tu, cu)
	p <- k - 1
	X <- all[, 2:k, drop = FALSE]
	if (is.null(given)) {
		fit <- lm(all[, 1] ~ X)
		theta <- unname(coef(fit)[-1])
		theta[is.na(theta)] <- 0		# aliased covariates, as lm() reports them
		# cross-check: the normal equations on the total sample's covariances
		keep <- !is.na(coef(fit)[-1])
		th2 <- solve(cov(X[, keep, drop = FALSE]), cov(X[, keep, drop = FALSE], all[, 1]))
		close_to(theta[keep], as.vector(th2), 1e-8, "cuped theta")
	} else theta <- given
	xbar <- colMeans(X)
	adj <- function(u) as.vector(u[, 1] - sweep(u[, 2:k, drop = FALSE], 2, xbar) %*% theta)
	list(x = adj(tu), y = adj(cu), ux = tu[, 1], uy = cu[, 1], theta = theta)
}

jrows <- list(); jcase <- 0
add_joint <- function(test, p, k, given, alt, eqv, level, method, mu) {
	tu <- units[[p[1]]][, 1:k, drop = FALSE]; cu <- units[[p[2]]][, 1:k, drop = FALSE]
	v <- if (test == "ratio") ratio_values(tu, cu, k) else cuped_values(tu, cu, k, given)
	f <- case_fields(v$x, v$y, alt, eqv, level, method, mu)
	adjusted <- test == "cuped" || k == 4
	vr <- NA
	if (adjusted) {
		se <- as.numeric(f["std_error"])
		se_u <- absolute(v$ux, v$uy, mu, eqv, alt, level)["std_error"]
		if (!is.na(se) && !is.na(se_u) && se_u > 0) vr <- 1 - (se / se_u)^2
	}
	th <- c(v$theta, NA, NA, NA)[1:3]
	jcase <<- jcase + 1
	jrows[[length(jrows) + 1]] <<- c(case_id = jcase, test = test, t_id = p[1],
		c_id = p[2], k = k,
		theta_given = if (is.null(given)) "" else sprintf("{%s}", paste(fmt(given), collapse = ";")),
		alternative = alt_sql(alt), mu = fmt(mu), equal_var = eqv,
		conf_level = level, relative_ci = method, f,
		variance_reduction = fmt(vr), theta1 = fmt(th[1]), theta2 = fmt(th[2]),
		theta3 = fmt(th[3]))
}
ratio_pairs <- list(c("ratio_3000_b", "ratio_3000_a"), c("ratio_40_b", "ratio_50_a"),
					c("profit_800_b", "profit_900_a"))
for (p in ratio_pairs) for (k in c(2, 4)) for (alt in ALTS) for (eqv in c(FALSE, TRUE))
	for (method in c("fieller", "delta", "log"))
		add_joint("ratio", p, k, NULL, alt, eqv, 0.95, method, 0)
cuped_sets <- list(list(c("cuped_2000_b", "cuped_2000_a"), 2, NULL),
				   list(c("cuped_2000_b", "cuped_2000_a"), 4, NULL),
				   list(c("cuped_2000_b", "cuped_2000_a"), 3, NULL),
				   list(c("cuped_30_b", "cuped_25_a"), 3, NULL),
				   list(c("collinear_300_b", "collinear_300_a"), 3, NULL),
				   list(c("cuped_2000_b", "cuped_2000_a"), 2, 0.5),
				   list(c("cuped_2000_b", "cuped_2000_a"), 4, c(0.4, 0.1, -0.2)))
for (cs in cuped_sets) for (alt in ALTS) for (eqv in c(FALSE, TRUE))
	for (method in c("fieller", "delta", "log"))
		add_joint("cuped", cs[[1]], cs[[2]], cs[[3]], alt, eqv, 0.95, method, 0)
for (p in ratio_pairs[1:2]) for (k in c(2, 4))
	add_joint("ratio", p, k, NULL, "two.sided", FALSE, 0.9, "fieller", 0.01)
for (cs in cuped_sets[c(1, 4)])
	add_joint("cuped", cs[[1]], cs[[2]], cs[[3]], "greater", FALSE, 0.9, "log", 0.5)

# the theta arrays in SQL syntax: {a,b}
jout <- as.data.frame(do.call(rbind, jrows))
jout$theta_given <- gsub(";", ",", jout$theta_given)
write.csv(jout, "data/effects_joint.csv", row.names = FALSE,
		  quote = which(names(jout) == "theta_given"))
cat(sprintf("%d ratio_test / cuped_test cases\n", jcase))

# ---------------------------------------------------------------------------
# Enough data: sample_size_check_relative, sample_size_check_ratio and
# sample_size_check_cuped.  The power of each relative interval to exclude 0 when the
# true relative effect is m, from the unit-level variances vt, vc and the
# control mean mu (see src/effects.c), with R's pt/qt: two-sided, both
# tails of the noncentral t.  Sizes and effects are solved with uniroot at
# tol 1e-14 (the power of the log interval for a drop rises and falls
# again: the search is limited to the left of its maximum, found with
# optimize()).
# ---------------------------------------------------------------------------
TOL <- 1e-14
rel_power <- function(method, nt, nc, vt, vc, mu, m, sig) {
	at <- vt / nt; ac <- vc / nc
	welch <- function(a, b) (a + b)^2 / (a^2 / (nt - 1) + b^2 / (nc - 1))
	tpow <- function(df, ncp) {
		qu <- qt(sig / 2, df, lower.tail = FALSE)
		pt(qu, df, ncp, lower.tail = FALSE) + pt(-qu, df, ncp)
	}
	switch(method,
		fieller = tpow(welch(at, ac), abs(m * mu) / sqrt(at + ac)),
		delta = tpow(welch(at, ac), m * abs(mu) / sqrt(at + (1 + m)^2 * ac)),
		log = {
			a <- at / ((1 + m) * mu)^2; b <- ac / mu^2
			tpow(welch(a, b), log1p(m) / sqrt(a + b))
		})
}
size_expected <- function(method, nt, nc, vt, vc, mu, mde, sig, pw) {
	k <- nt / nc
	f <- function(n) rel_power(method, k * n, n, vt, vc, mu, mde, sig) - pw
	nmin <- max(2, 2 / k)
	m <- if (f(nmin) >= 0) nmin else
		uniroot(f, c(nmin, 1e7), tol = TOL, extendInt = "upX")$root
	sgn <- sign(mde)
	g <- function(u) rel_power(method, nt, nc, vt, vc, mu, sgn * u, sig) - pw
	mde_now <- NA
	if (sgn > 0) {
		hi <- 1e-3
		while (g(hi) < 0 && hi < 1e10) hi <- 2 * hi
		if (g(hi) >= 0) mde_now <- uniroot(g, c(0, hi), tol = TOL)$root
	} else {
		peak <- optimize(g, c(0, 1 - 1e-12), maximum = TRUE, tol = 1e-12)$maximum
		if (g(peak) >= 0) mde_now <- -uniroot(g, c(0, peak), tol = TOL)$root
	}
	c(e_m = m, e_n_required_treatment = ceiling(k * m), e_n_required_control = ceiling(m),
	  e_power_now = rel_power(method, nt, nc, vt, vc, mu, mde, sig), e_mde_now = mde_now)
}

srows <- list(); scase <- 0
add_size <- function(func, p, k, kind, given, mde, relative, method, sig, pw) {
	if (func == "relative") {
		x <- units[[p[1]]][, 1]; y <- units[[p[2]]][, 1]
	} else {
		tu <- units[[p[1]]][, 1:k, drop = FALSE]; cu <- units[[p[2]]][, 1:k, drop = FALSE]
		v <- if (kind == "ratio") ratio_values(tu, cu, k) else cuped_values(tu, cu, k, given)
		x <- v$x; y <- v$y
	}
	e <- size_expected(method, length(x), length(y), var(x), var(y),
					   if (relative) mean(y) else 1, mde, sig, pw)
	scase <<- scase + 1
	srows[[length(srows) + 1]] <<- c(case_id = scase, func = func, t_id = p[1],
		c_id = p[2], k = k, kind = kind,
		theta_given = if (is.null(given)) "" else sprintf("{%s}", paste(fmt(given), collapse = ";")),
		mde = fmt(mde), relative = relative, relative_ci = method, sig_level = sig,
		power = pw, e_m = fmt(e[["e_m"]]),
		e_n_required_treatment = sprintf("%.0f", e[["e_n_required_treatment"]]),
		e_n_required_control = sprintf("%.0f", e[["e_n_required_control"]]),
		e_power_now = fmt(e[["e_power_now"]]), e_mde_now = fmt(e[["e_mde_now"]]))
}
size_pairs <- list(c("normal_500", "normal_400"), c("revenue_3000_b", "revenue_3000_a"),
				   c("binary_5000_b", "binary_5000_a"), c("neg_200_t", "neg_200_c"),
				   c("exp_300", "exp_250"), c("wide_30", "narrow_2000"))
for (p in size_pairs) for (method in c("fieller", "delta", "log"))
	for (mde in c(0.02, 0.1, -0.05)) for (sp in list(c(0.05, 0.8), c(0.01, 0.9)))
		add_size("relative", p, 1, "", NULL, mde, TRUE, method, sp[1], sp[2])
for (p in ratio_pairs) for (k in c(2, 4)) {
	for (method in c("fieller", "delta", "log")) for (mde in c(0.03, -0.1))
		add_size("joint", p, k, "ratio", NULL, mde, TRUE, method, 0.05, 0.8)
	add_size("joint", p, k, "ratio", NULL, 0.01, FALSE, "fieller", 0.05, 0.8)
}
for (cs in cuped_sets) {
	for (method in c("fieller", "delta", "log")) for (mde in c(0.03, -0.1))
		add_size("joint", cs[[1]], cs[[2]], "cuped", cs[[3]], mde, TRUE, method, 0.05, 0.8)
	add_size("joint", cs[[1]], cs[[2]], "cuped", cs[[3]], 0.5, FALSE, "fieller", 0.05, 0.9)
}
sout <- as.data.frame(do.call(rbind, srows))
sout$theta_given <- gsub(";", ",", sout$theta_given)
write.csv(sout, "data/effects_size.csv", row.names = FALSE,
		  quote = which(names(sout) == "theta_given"))
cat(sprintf("%d sample size cases\n", scase))

# ---------------------------------------------------------------------------
# The raw units of every arm
# ---------------------------------------------------------------------------
long <- do.call(rbind, lapply(names(units), function(id) {
	u <- units[[id]]
	cols <- lapply(1:4, function(j) if (j <= ncol(u)) fmt(u[, j]) else rep("", nrow(u)))
	data.frame(sample_id = id, m1 = cols[[1]], m2 = cols[[2]], m3 = cols[[3]],
			   m4 = cols[[4]])
}))
write.csv(long, "data/effects_units.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("%d ab_test cases, %d units\n", case, nrow(long)))
