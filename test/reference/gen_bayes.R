#!/usr/bin/env Rscript
# test/reference/gen_bayes.R: reference values for bayes_test() and for
# bayes_prop_test() at counts up to 1e9.
#
#   cd test/reference && Rscript gen_bayes.R     (after gen_bayes.py)
#
# data/bayes_gauss.csv: GrowthBook's Gaussian model written from its
# formulas with R's pnorm/qnorm: the data's estimate m and standard error s
# (difference of means with the Welch standard error, or the relative
# effect m_T/m_C - 1 with the delta-method standard error), the prior
# N(mu0, tau^2) on the lift (on the absolute scale N(mu0 |m_C|,
# (tau |m_C|)^2)), posterior M = (m/s^2 + mu0/tau^2) / (1/s^2 + 1/tau^2),
# S^2 = 1 / (1/s^2 + 1/tau^2) (flat: M = m, S = s); chance to win
# pnorm(0, M, S, lower.tail = FALSE); credible interval qnorm(c(a/2,
# 1 - a/2), M, S); losses S (dnorm(z) - z pnorm(z, lower.tail = FALSE))
# at z = M/S (treatment) and z = -M/S (control), evaluated in Rmpfr at 256
# bits because the double formula cancels in the tails (R's own double
# value is off by 1e-6 relative at z = 8 and is 0 beyond z = 38, where
# the loss is still a normal double).
#
# data/bayes_prop_r.csv: P(X1 > X2), P(X1 < X2) and the two expected
# losses of Beta posteriors with counts up to 1e9, as integrals over
# s = logit(u) (int f1 F2, int f1 S2, int F1 S2 du, int F2 S1 du) with R's
# pbeta/dbeta (TOMS 708 and Loader's saddle point, on log scale) and
# integrate(rel.tol = 1e-13), split at the mode found by optimize().  The
# same code is first run on the cases of data/bayes_prop_mp.csv (40-digit
# mpmath, gen_bayes.py) and must agree to 1e-11, or the script stops (it
# agrees to 1.3e-14).  R warns that pbeta(log.p = TRUE) underflows (bpser)
# at points of the search grid far out in the tails, where the integrand
# is negligible; the integrals do not use them.
suppressPackageStartupMessages(library(Rmpfr))
fmt <- function(v) ifelse(is.na(v), "", ifelse(is.infinite(v),
	ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))

# ---------------------------------------------------------------------------
# Gaussian model
loss_mp <- function(M, S) {     # E[max(X, 0)], X ~ N(M, S^2), 256 bits
	z <- -mpfr(M, 256) / mpfr(S, 256)
	as.numeric(mpfr(S, 256) * (dnorm(z) - z * pnorm(z, lower.tail = FALSE)))
}
arms <- list(                   # n_t, mean_t, sd_t, n_c, mean_c, sd_c
	c(1000, 10.5, 3, 1000, 10, 3),
	c(5000, 0.105, 0.3066, 5000, 0.1, 0.3),
	c(200, 5.2, 2, 300, 5.0, 2.5),
	c(100000, 3.001, 10, 100000, 3.0, 10),
	c(2500, -1.3, 4, 2500, -1.0, 4.2),
	c(40, 1.0, 1, 35, 1.0, 1),
	c(50000, 102, 20, 60000, 100, 19),   # far tail: z of the posterior ~ 16
	c(1e6, 20, 3, 1e6, 10, 3),           # beyond: chance 1, loss underflows
	c(20000, 10.09, 2, 20000, 10, 2),    # z ~ 4.5
	c(800, 0.3, 1, 900, 0, 1),           # zero control mean
	c(3, 2.0, 0.5, 2, 1.0, 0.7))
priors <- list(c(0, NA), c(0, 0.3), c(0.05, 0.1), c(-0.2, 0.01))
rows <- list()
for (a in arms) for (pr in priors) for (relative in c(TRUE, FALSE)) for (cl in c(0.95, 0.9)) {
	n_t <- a[1]; m_t <- a[2]; s_t <- a[3]; n_c <- a[4]; m_c <- a[5]; s_c <- a[6]
	est <- m_t - m_c
	se <- sqrt(s_t^2 / n_t + s_c^2 / n_c)
	rel <- if (m_c != 0) est / m_c else NA
	rel_se <- if (m_c != 0) sqrt(s_t^2 / (n_t * m_c^2) + s_c^2 * m_t^2 / (n_c * m_c^4)) else NA
	m <- if (relative) rel else est
	s <- if (relative) rel_se else se
	mu0 <- pr[1]; tau <- pr[2]
	if (!relative && !is.na(tau)) { mu0 <- mu0 * abs(m_c); tau <- tau * abs(m_c) }
	M <- S <- lower <- upper <- ctw <- lt <- lc <- NA
	if (!is.na(m) && !is.na(s) && (is.na(tau) || tau > 0)) {
		if (is.na(tau)) { M <- m; S <- s } else {
			prec <- 1 / s^2 + 1 / tau^2
			M <- (m / s^2 + mu0 / tau^2) / prec
			S <- sqrt(1 / prec)
		}
		ci <- qnorm(c((1 - cl) / 2, 1 - (1 - cl) / 2), M, S)
		lower <- ci[1]; upper <- ci[2]
		ctw <- pnorm(0, M, S, lower.tail = FALSE)
		lt <- loss_mp(-M, S)
		lc <- loss_mp(M, S)
	}
	rows[[length(rows) + 1]] <- c(n_t = fmt(n_t), mean_t = fmt(m_t), sd_t = fmt(s_t),
		n_c = fmt(n_c), mean_c = fmt(m_c), sd_c = fmt(s_c), prior_mean = fmt(pr[1]),
		prior_sd = fmt(pr[2]), relative = if (relative) "true" else "false",
		conf_level = fmt(cl), posterior_mean = fmt(M), ci_lower = fmt(lower),
		ci_upper = fmt(upper), posterior_sd = fmt(S), chance_to_win = fmt(ctw),
		loss_treatment = fmt(lt), loss_control = fmt(lc))
}
out <- do.call(rbind, rows)
out <- cbind(case_id = seq_len(nrow(out)), out)
write.csv(out, "data/bayes_gauss.csv", row.names = FALSE, quote = FALSE)
cat(nrow(out), "cases written to data/bayes_gauss.csv\n")

# ---------------------------------------------------------------------------
# Beta posteriors by integration over s = logit(u)
lcdf <- function(s, a, b, upper) {   # log P(X <= u) or log P(X > u)
	ifelse(s <= 0,
		pbeta(plogis(s), a, b, lower.tail = !upper, log.p = TRUE),
		pbeta(plogis(-s), b, a, lower.tail = upper, log.p = TRUE))
}
ljac <- function(s) plogis(s, log.p = TRUE) + plogis(-s, log.p = TRUE)
ldens <- function(s, a, b) {          # log density of logit(X)
	ifelse(s <= 0, dbeta(plogis(s), a, b, log = TRUE),
		dbeta(plogis(-s), b, a, log = TRUE)) + ljac(s)
}
integral <- function(logh, a1, b1, a2, b2) {
	mu <- c(digamma(a1) - digamma(b1), digamma(a2) - digamma(b2))
	sdv <- sqrt(c(trigamma(a1) + trigamma(b1), trigamma(a2) + trigamma(b2)))
	w <- min(sdv)
	# the log-integrand is concave: its maximum, on a generous interval
	grid <- sort(c(seq(min(mu - 40 * sdv), max(mu + 40 * sdv), length.out = 2001),
		mu[1] + (-40:40) * sdv[1], mu[2] + (-40:40) * sdv[2]))
	g <- logh(grid)
	k <- which.max(g)
	opt <- optimize(logh, c(grid[max(1, k - 1)], grid[min(length(grid), k + 1)]),
		maximum = TRUE, tol = 1e-12 * max(1, abs(grid[k])))
	mode <- opt$maximum; top <- opt$objective
	left <- mode - w; step <- w
	while (logh(left) > top - 50) { left <- left - step; step <- step * 1.5 }
	right <- mode + w; step <- w
	while (logh(right) > top - 50) { right <- right + step; step <- step * 1.5 }
	f <- function(s) exp(logh(s) - top)
	v <- integrate(f, left, mode, rel.tol = 1e-13, subdivisions = 2000L)$value +
		integrate(f, mode, right, rel.tol = 1e-13, subdivisions = 2000L)$value
	exp(top + log(v))
}
beta_case <- function(x1, n1, x2, n2, al, be) {
	a1 <- x1 + al; b1 <- n1 - x1 + be; a2 <- x2 + al; b2 <- n2 - x2 + be
	c(p_greater = integral(function(s) ldens(s, a1, b1) + lcdf(s, a2, b2, FALSE), a1, b1, a2, b2),
	  p_less = integral(function(s) ldens(s, a1, b1) + lcdf(s, a2, b2, TRUE), a1, b1, a2, b2),
	  loss_treatment = integral(function(s) lcdf(s, a1, b1, FALSE) + lcdf(s, a2, b2, TRUE) + ljac(s),
		a1, b1, a2, b2),
	  loss_control = integral(function(s) lcdf(s, a2, b2, FALSE) + lcdf(s, a1, b1, TRUE) + ljac(s),
		a1, b1, a2, b2))
}

mp <- read.csv("data/bayes_prop_mp.csv")
worst <- 0
for (i in seq_len(nrow(mp))) {
	r <- mp[i, ]
	v <- beta_case(r$x1, r$n1, r$x2, r$n2, r$prior_alpha, r$prior_beta)
	ref <- unlist(r[c("p_greater", "p_less", "loss_treatment", "loss_control")])
	worst <- max(worst, abs(v / ref - 1))
}
cat(sprintf("R integration against the mpmath cases: worst relative difference %.3g\n", worst))
if (worst > 1e-11) stop("R's integration disagrees with mpmath")

big <- list(                    # x1, n1, x2, n2, prior_alpha, prior_beta
	c(1e8, 1e9, 100010000, 1e9, 1, 1),
	c(1e8, 1e9, 100100000, 1e9, 1, 1),        # P ~ 5e-14
	c(100100000, 1e9, 1e8, 1e9, 1, 1),
	c(5e8, 1e9, 500020000, 1e9, 0.5, 0.5),
	c(0, 1e9, 3, 1e9, 0.5, 0.5),
	c(1e9, 1e9, 999999998, 1e9, 0.5, 0.5),
	c(123456789, 987654321, 12345, 98765, 1, 1),
	c(1000000, 10000000, 1001000, 10000000, 0.5, 0.5),
	c(20000000, 400000000, 20000000, 400000000, 1, 1),
	c(31, 1e9, 17, 5e8, 1, 1),
	c(999999, 1e6, 1e6, 1e6, 1, 1),
	c(3000, 1e5, 3450, 1e5, 0.5, 0.5),
	c(7, 1e9, 7, 1e9, 2, 3))
rows <- list()
for (i in seq_along(big)) {
	b <- big[[i]]
	v <- beta_case(b[1], b[2], b[3], b[4], b[5], b[6])
	rows[[i]] <- c(case_id = i, x1 = sprintf("%.0f", b[1]), n1 = sprintf("%.0f", b[2]),
		x2 = sprintf("%.0f", b[3]), n2 = sprintf("%.0f", b[4]), prior_alpha = fmt(b[5]),
		prior_beta = fmt(b[6]), p_greater = fmt(v[1]), p_less = fmt(v[2]),
		loss_treatment = fmt(v[3]), loss_control = fmt(v[4]))
}
write.csv(do.call(rbind, rows), "data/bayes_prop_r.csv", row.names = FALSE, quote = FALSE)
cat(length(big), "cases written to data/bayes_prop_r.csv\n")
