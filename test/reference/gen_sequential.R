#!/usr/bin/env Rscript
# test/reference/gen_sequential.R: reference values for sequential_test(),
# the asymptotic confidence sequence of Waudby-Smith, Arbour, Sinha, Kennedy
# & Ramdas (Annals of Statistics 52(6), 2024; arXiv 2103.06476) with
# GrowthBook's parameterization, written from the published formulas:
#
#   rho      = sqrt((-2 log a + log(-2 log a + 1)) / N*)   a = alpha two-sided,
#                                                          2 alpha one-sided
#   halfwidth (two-sided) = sqrt(s2 * 2 (N rho^2 + 1) / (N rho)^2
#                                * log(sqrt(N rho^2 + 1) / alpha))
#   halfwidth (one-sided) = sqrt(s2 * 2 (N rho^2 + 1) / (N rho)^2
#                                * log(1 + sqrt(N rho^2 + 1) / (2 alpha)))
#   s2 = N se^2, N = n_T + n_C, se the Welch standard error;
#   e-value (two-sided)   = exp(rho^2 N z^2 / (2 (N rho^2 + 1))) / sqrt(N rho^2 + 1)
#   e-value (one-sided)   = 2 (exp(rho^2 N z^2 / (2 (N rho^2 + 1))) - 1)
#                           / sqrt(N rho^2 + 1) on the side of the alternative,
#                           0 on the other;
#   p = min(1, 1 / e-value);
#   relative effect m_T / m_C - 1, delta-method standard error
#   sqrt(s_T^2 / (n_T m_C^2) + s_C^2 m_T^2 / (n_C m_C^4)), same multiplier
#   (one-sided bounds mirrored when m_C < 0, as ab_test's).
#
# Every case is checked against a direct numerical evaluation of the
# mixture (R's integrate, rel.tol 1e-12, over +-40 widths around the peak
# of the integrand): the two-sided e-value equals the integral of
# exp(lambda S - lambda^2 N / 2) against N(0, rho^2), S = sqrt(N) z; at the
# boundary of the two-sided sequence that integral equals 1/alpha; at the
# boundary of the one-sided sequence the half-normal mixture is >= 1/alpha
# (so the closed-form one-sided bound is conservative) and its closed form
# 2 exp(w) pnorm(sqrt(2 w)) / sqrt(1 + v) matches the integral.  The
# script stops if any check fails by more than 1e-9 relative.
#
#   cd test/reference && Rscript gen_sequential.R
# writes data/sequential.csv (%.17g).  Deterministic (fixed seed).
set.seed(20261210)
fmt <- function(v) ifelse(is.na(v), "", ifelse(is.infinite(v),
	ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))

rho_of <- function(a, tuning) sqrt((-2 * log(a) + log(-2 * log(a) + 1)) / tuning)

# mixture integrals, relative to a reference value `scale` (avoids overflow)
mix2 <- function(S, N, rho, logscale) {
	prec <- N + 1 / rho^2
	peak <- S / prec
	w <- 1 / sqrt(prec)
	f <- function(l) exp(l * S - l^2 * N / 2 - logscale) * dnorm(l, 0, rho)
	integrate(f, peak - 40 * w, peak + 40 * w, rel.tol = 1e-12,
		subdivisions = 1000L)$value
}
mix1 <- function(S, N, rho, logscale) {     # half-normal mixture, lambda >= 0
	prec <- N + 1 / rho^2
	peak <- S / prec
	w <- 1 / sqrt(prec)
	f <- function(l) 2 * exp(l * S - l^2 * N / 2 - logscale) * dnorm(l, 0, rho)
	integrate(f, max(0, peak - 40 * w), max(0, peak) + 40 * w, rel.tol = 1e-12,
		subdivisions = 1000L)$value
}
check <- function(ok, what) if (!isTRUE(ok)) stop("check failed: ", what)

# summaries: (n_t, mean_t, sd_t, n_c, mean_c, sd_c)
arms <- list(
	c(1000, 10.2, 3.1, 1000, 10.0, 3.0),     # small lift, N < N*
	c(5000, 0.105, 0.3066, 5000, 0.100, 0.3),  # conversion-like, N > N*
	c(200, 5.5, 2, 300, 5.0, 2.5),           # small unbalanced
	c(100000, 3.02, 10, 100000, 3.0, 10),     # large N
	c(2500, -1.3, 4, 2500, -1.0, 4.2),       # negative means
	c(40, 1.0, 1, 35, 1.0, 1),               # no difference at all
	c(50000, 102, 20, 60000, 100, 19),       # strong effect (p tiny)
	c(3, 2.0, 0.5, 2, 1.0, 0.7),             # tiny samples
	c(800, 0.3, 1, 900, 0, 1),               # zero control mean: relative NULL
	c(1e7, 50.01, 30, 1e7, 50, 30)           # very large N
)
for (i in 1:6) {                              # random cases
	n_t <- round(10^runif(1, 1.5, 6)); n_c <- round(n_t * runif(1, 0.5, 2))
	m_c <- rnorm(1, 10, 5); s_c <- 10^runif(1, -1, 1.5)
	arms[[length(arms) + 1]] <- c(n_t, m_c + rnorm(1, 0, 3 * s_c / sqrt(n_t)),
		s_c * runif(1, 0.8, 1.25), n_c, m_c, s_c)
}
tunings <- c(5000, 1000, 250000)
alts <- c("two-sided", "greater", "less")
levels <- c(0.95, 0.9, 0.99)

rows <- list()
id <- 0
for (a in arms) for (tuning in tunings) for (alt in alts) for (cl in levels) {
	id <- id + 1
	n_t <- a[1]; m_t <- a[2]; s_t <- a[3]; n_c <- a[4]; m_c <- a[5]; s_c <- a[6]
	N <- n_t + n_c
	alpha <- 1 - cl
	se <- sqrt(s_t^2 / n_t + s_c^2 / n_c)
	est <- m_t - m_c
	z <- est / se
	s2 <- se^2 * N
	two <- alt == "two-sided"
	rho <- rho_of(if (two) alpha else 2 * alpha, tuning)
	u <- N * rho^2 + 1
	if (two) {
		hw_mult <- sqrt(2 * u / (N * rho)^2 * log(sqrt(u) / alpha))
		st2 <- est^2 * N / se^2
		logE <- rho^2 * st2 / (2 * u) - log(u) / 2
	} else {
		hw_mult <- sqrt(2 * u / (N * rho)^2 * log(1 + sqrt(u) / (2 * alpha)))
		w <- rho^2 * N * z^2 / (2 * u)
		right_side <- if (alt == "greater") z > 0 else z < 0
		logE <- if (right_side) log(2) + w + log(-expm1(-w)) - log(u) / 2 else -Inf
	}
	hw <- sqrt(s2) * hw_mult
	lower <- if (alt == "less") -Inf else est - hw
	upper <- if (alt == "greater") Inf else est + hw
	evalue <- exp(logE)
	p <- min(1, exp(-logE))

	# numerical checks of the mixture
	S <- sqrt(N) * z
	if (two) {
		check(abs(mix2(S, N, rho, logE) - 1) < 1e-9, paste("e-value", id))
		Sb <- sqrt(N) * hw / se
		check(abs(mix2(Sb, N, rho, -log(alpha)) - 1) < 1e-9, paste("boundary", id))
	} else {
		Sb <- sqrt(N) * hw / se
		wb <- rho^2 * Sb^2 / (2 * u)
		closed <- 2 * exp(wb) * pnorm(sqrt(2 * wb)) / sqrt(u)
		num <- mix1(Sb, N, rho, wb) * exp(wb)
		check(abs(num / closed - 1) < 1e-9, paste("half-normal mixture", id))
		check(num >= 1 / alpha, paste("one-sided validity", id))
		check(abs(2 * expm1(wb) / sqrt(u) * alpha - 1) < 1e-9,
			paste("one-sided boundary", id))
	}

	rel <- if (m_c != 0) m_t / m_c - 1 else NA
	rel_se <- if (m_c != 0) sqrt(s_t^2 / (n_t * m_c^2) + s_c^2 * m_t^2 / (n_c * m_c^4)) else NA
	rel_hw <- rel_se * sqrt(N) * hw_mult
	# a negative control mean mirrors one-sided relative bounds (the
	# relative effect falls as the difference rises), as ab_test
	rel_alt <- if (m_c < 0 && !two) (if (alt == "greater") "less" else "greater") else alt
	rel_lower <- if (rel_alt == "less") -Inf else rel - rel_hw
	rel_upper <- if (rel_alt == "greater") Inf else rel + rel_hw
	if (is.na(rel)) { rel_lower <- NA; rel_upper <- NA }
	rows[[id]] <- c(case_id = id, n_t = fmt(n_t), mean_t = fmt(m_t),
		sd_t = fmt(s_t), n_c = fmt(n_c), mean_c = fmt(m_c), sd_c = fmt(s_c),
		tuning = fmt(tuning), alternative = alt, conf_level = fmt(cl), statistic = fmt(z), p_value = fmt(p), estimate = fmt(est),
		ci_lower = fmt(lower), ci_upper = fmt(upper), std_error = fmt(se),
		rel_estimate = fmt(rel), rel_ci_lower = fmt(rel_lower),
		rel_ci_upper = fmt(rel_upper), rel_std_error = fmt(rel_se),
		e_value = fmt(evalue))
}
out <- do.call(rbind, rows)
write.csv(out, "data/sequential.csv", row.names = FALSE, quote = FALSE)
cat(nrow(out), "cases written to data/sequential.csv; every mixture check passed\n")

# GrowthBook's rho against the exact optimum (README): the width at N is
# proportional to sqrt((1 + 1/v) (log(1 + v) - 2 log alpha)), v = N rho^2.
for (alpha in c(0.05, 0.1, 0.01)) {
	c0 <- -2 * log(alpha)
	v_gb <- c0 + log(c0 + 1)
	u_opt <- uniroot(function(u) u - log(u) - (1 + c0), c(1 + c0, 10 * (1 + c0)),
		tol = 1e-14)$root
	v_opt <- u_opt - 1
	width <- function(v) sqrt((1 + 1 / v) * (log1p(v) - 2 * log(alpha)))
	cat(sprintf("alpha %.2f: N* rho^2 gbstats %.4f, optimum %.4f; gbstats tightest at N = %.4f N*; width at N* %.5f%% above the optimum\n",
		alpha, v_gb, v_opt, v_opt / v_gb, 100 * (width(v_gb) / width(v_opt) - 1)))
}
