#!/usr/bin/env Rscript
# test/reference/gen_rank_cor.R: reference values for rank_cor_test(),
# from R 4.2's cor.test(x, y, method = "spearman" / "kendall",
# alternative = ...) with its defaults (exact = NULL, continuity = FALSE).
#
#   cd test/reference && Rscript gen_rank_cor.R
#
# Needs Debian's r-cran-rmpfr (and gmp, which it brings).  Deterministic
# (fixed seed); rerunning rewrites identical files:
#   data/rank_cor_pairs.csv  cid, kx, ky: the pairs, x = kx / divisor and
#                            y = ky / divisor (integers and one division, so
#                            R and SQL hold the very same doubles)
#   data/rank_cor_cases.csv  cid, name, divisor, n, method, alternative,
#                            then R's statistic, p_value, estimate, and the
#                            accurate values below (s_exact, p_exact)
#
# Shapes: n = 2 to 10,000; independent, correlated (rho about +-0.3 to
# 0.95), perfectly monotone and nearly so, few distinct values (ties in
# one or both variables), every x tied (no correlation defined), and
# n around R's limits (9/10 for Spearman's enumeration, 1290/1291 for its
# AS 89 branch, 49/50 for Kendall's exact branch).
#
# Accuracy of the expected values, and what sql/rank_cor.sql allows:
#   - estimate: R's cor() of the ranks (Spearman) and its O(n^2) tau-b
#     (Kendall) are accurate to a few ulps: 1e-10 relative.
#   - Spearman's S: R forms it as (n^3 - n)(1 - rho) / 6 from the rounded
#     rho, which loses digits when rho is near 1; s_exact is the same
#     formula in 256-bit arithmetic on the exact ranks (sum d^2 when
#     there are no ties).  abstats is compared with s_exact at 1e-10
#     relative, with R at 1e-10 relative plus 1e-15 (n^3 - n) / 6 absolute.
#   - p-values: p_exact is
#       * Spearman, exact branch (n <= 9): R's own value (an exact count
#         over the n! permutations);
#       * Spearman, n = 10..1290 without ties: R's own value (AS 89's
#         Edgeworth series is a formula; abstats evaluates the same one);
#       * Spearman with ties or n > 1290: pt() of the t statistic formed
#         from the 256-bit rho (R's own differs where rho is near +-1);
#       * Kendall exact (n < 50, no ties): the tail counted in big integers
#         (gmp) over n!, where R computes 1 - P[T <= q - 1] in doubles;
#       * Kendall otherwise: pnorm() of z formed from the exact C - D.
#     abstats is compared with p_exact at 1e-10 relative, and with R's
#     p_value at 1e-10 relative plus 1e-14 absolute (R's 1 - P).
suppressPackageStartupMessages({
	library(Rmpfr)
	library(gmp)
})
set.seed(20261203)
fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
outdir <- "data"
prec <- 256

cases <- list()
pairs <- list()
ncase <- 0L

# Mahonian numbers M(n, k), k = 0..n(n-1)/2, as big integers
mahonian <- function(n) {
	row <- as.bigz(1)
	if (n >= 2) for (m in 2:n) {
		top <- m * (m - 1) / 2
		old <- c(row, rep(as.bigz(0), top + 1 - length(row)))
		pre <- c(as.bigz(0), cumsum(old))
		k <- 0:top
		row <- pre[k + 2] - pre[pmax(0, k - (m - 1)) + 1]
	}
	row
}
kendall_exact_p <- function(n, q, lower) {
	M <- mahonian(n)
	k <- seq_along(M) - 1
	sel <- if (lower) k <= q else k >= q
	asNumeric(mpfr(sum(M[sel]), prec) / mpfr(factorialZ(n), prec))
}

# The 256-bit Spearman quantities from the exact midranks
spearman_mp <- function(x, y) {
	n <- length(x)
	a <- mpfr(2 * rank(x) - (n + 1), prec)
	b <- mpfr(2 * rank(y) - (n + 1), prec)
	r <- sum(a * b) / sqrt(sum(a * a) * sum(b * b))
	list(r = r, S = mpfr(n, prec) * (mpfr(n, prec)^2 - 1) / 6 * (1 - r))
}

add <- function(name, kx, ky, divisor) {
	stopifnot(length(kx) == length(ky), all(abs(c(kx, ky)) < 2^53))
	ncase <<- ncase + 1L
	cid <- ncase
	pairs[[cid]] <<- data.frame(cid = cid, kx = kx, ky = ky)
	x <- kx / divisor
	y <- ky / divisor
	n <- length(x)
	ties <- min(length(unique(x)), length(unique(y))) < n
	for (method in c("spearman", "kendall")) for (alt in c("two.sided", "less", "greater")) {
		r <- suppressWarnings(tryCatch(cor.test(x, y, method = method, alternative = alt),
			error = function(e) NULL))
		stat <- if (is.null(r)) NA else unname(r$statistic)
		p <- if (is.null(r)) NA else r$p.value
		est <- if (is.null(r)) NA else unname(r$estimate)
		s_exact <- NA
		p_exact <- NA
		if (!is.null(r) && !is.na(est)) {
			if (method == "spearman") {
				mp <- spearman_mp(x, y)
				s_exact <- asNumeric(mp$S)
				if (!ties && n <= 1290) {
					p_exact <- p
				} else {
					rr <- mp$r
					t <- asNumeric(rr / sqrt((1 - rr) * (1 + rr) / (n - 2)))
					pt_tail <- function(lower) pt(t, n - 2, lower.tail = lower)
					# P[S <= q] is the upper tail of t
					p_exact <- switch(alt,
						two.sided = min(1, 2 * (if (asNumeric(mp$S) > (n^3 - n) / 6) pt_tail(TRUE) else pt_tail(FALSE))),
						greater = pt_tail(FALSE), less = pt_tail(TRUE))
				}
			} else {
				if (!ties && n < 50) {
					q <- unname(r$statistic)
					p_exact <- switch(alt,
						two.sided = min(1, 2 * kendall_exact_p(n, q, !(q > n * (n - 1) / 4))),
						greater = kendall_exact_p(n, q, FALSE), less = kendall_exact_p(n, q, TRUE))
				} else {
					# z from the exact C - D, an integer: tau-b times its
					# denominator, rounded (tau is good to ~1e-15, C - D is
					# below 5e7 here)
					tx <- table(x)
					ty <- table(y)
					tx <- as.numeric(tx[tx > 1])
					ty <- as.numeric(ty[ty > 1])
					n0 <- n * (n - 1) / 2
					S <- round(est * sqrt((n0 - sum(tx * (tx - 1) / 2)) * (n0 - sum(ty * (ty - 1) / 2))))
					v <- (n * (n - 1) * (2 * n + 5) - sum(tx * (tx - 1) * (2 * tx + 5)) -
						sum(ty * (ty - 1) * (2 * ty + 5))) / 18 +
						sum(tx * (tx - 1)) * sum(ty * (ty - 1)) / (2 * n * (n - 1)) +
						sum(tx * (tx - 1) * (tx - 2)) * sum(ty * (ty - 1) * (ty - 2)) / (9 * n * (n - 1) * (n - 2))
					z <- S / sqrt(v)
					p_exact <- switch(alt, two.sided = 2 * pnorm(-abs(z)),
						greater = pnorm(z, lower.tail = FALSE), less = pnorm(z))
				}
			}
		}
		cases[[length(cases) + 1]] <<- data.frame(cid = cid, name = name, divisor = divisor, n = n,
			method = method, alternative = alt, statistic = stat, p_value = p, estimate = est,
			s_exact = s_exact, p_exact = p_exact, r_error = is.null(r))
	}
}

cont <- function(v, divisor = 1e6) round(v * divisor)
corr_pair <- function(n, rho) {
	x <- rnorm(n)
	y <- rho * x + sqrt(1 - rho^2) * rnorm(n)
	list(x = cont(x), y = cont(y))
}

for (n in c(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20, 30, 49, 50, 60, 100, 300, 1000, 1290, 1291, 3000, 10000)) {
	p <- corr_pair(n, 0)
	add(sprintf("independent_%d", n), p$x, p$y, 1e6)
}
for (n in c(5, 9, 10, 25, 49, 50, 200, 1290, 1291, 5000)) for (rho in c(0.3, 0.8, -0.6, 0.95)) {
	p <- corr_pair(n, rho)
	add(sprintf("rho%g_%d", rho, n), p$x, p$y, 1e6)
}
for (n in c(3, 6, 9, 10, 40, 49, 100, 1290, 2000)) {
	x <- cont(runif(n))
	add(sprintf("monotone_%d", n), x, x * 3 + 7e6, 1e6)
	add(sprintf("antitone_%d", n), x, -x, 1e6)
	# nearly monotone: the two smallest y swapped
	add(sprintf("nearly_monotone_%d", n), sort(x), sort(x)[c(2, 1, seq_len(n)[-(1:2)])], 1e6)
}
for (n in c(4, 8, 10, 30, 49, 50, 120, 1000, 10000)) {
	x <- sample(1:5, n, TRUE)
	y <- x + sample(0:3, n, TRUE)
	add(sprintf("ties_both_%d", n), x, y, 1)
	add(sprintf("ties_x_%d", n), x, cont(rnorm(n) + x), 1e6)
	add(sprintf("ties_y_%d", n), cont(rnorm(n)), sample(0:1, n, TRUE), 1e6)
}
add("all_x_tied", rep(3, 10), 1:10, 1)
add("all_y_tied_n60", cont(rnorm(60)), rep(-1, 60), 1e6)
add("one_tie_n5", c(1, 2, 2, 3, 4), c(2, 1, 3, 5, 4), 1)
add("n2_ties", c(1, 1), c(1, 2), 1)

cases <- do.call(rbind, cases)
pairs <- do.call(rbind, pairs)
out <- cases
for (f in c("statistic", "p_value", "estimate", "s_exact", "p_exact")) out[[f]] <- fmt(out[[f]])
out$divisor <- fmt(out$divisor)
out$r_error <- ifelse(cases$r_error, "true", "false")
write.csv(out, file.path(outdir, "rank_cor_cases.csv"), row.names = FALSE, quote = FALSE)
pairs$kx <- sprintf("%.0f", pairs$kx)
pairs$ky <- sprintf("%.0f", pairs$ky)
write.csv(pairs, file.path(outdir, "rank_cor_pairs.csv"), row.names = FALSE, quote = FALSE)
ok <- !is.na(cases$p_exact) & cases$p_exact > 0
cat(nrow(cases), "cases,", nrow(pairs), "pairs; largest relative difference R - accurate p:",
	max(abs(cases$p_value[ok] / cases$p_exact[ok] - 1)), "\n")
