#!/usr/bin/env Rscript
# test/reference/gen_group_sequential.R: reference boundaries for
# gs_boundaries(), Lan-DeMets alpha spending (two-sided symmetric designs
# spend alpha/2 per side, as R's ldbounds and gsDesign's sfLDOF /
# sfLDPocock / sfPower do), computed independently of abstats' C code:
#
#  1. Boundaries by the recursion of Armitage, McPherson & Rowe (1969) as
#     in Jennison & Turnbull (2000, ch. 19), written here in R with a
#     uniform composite Simpson grid (abstats uses Gauss-Legendre panels
#     and log-space sums) at 1/100 of the scale on which the integrands
#     vary, and uniroot(tol = 1e-14) on the log of the crossing
#     probability.  Halving the grid changes no boundary by more than the
#     printed amount (a few 1e-11).
#  2. A check of every boundary set with mvtnorm::pmvnorm and the
#     deterministic Miwa algorithm (Miwa(steps = 4097)), not the default
#     randomized Genz-Bretz: with corr(Z_i, Z_j) = sqrt(t_i / t_j), the
#     probability of crossing no boundary through look k must equal
#     1 - (alpha spent by t_k), so the crossing probability of each look
#     equals the alpha it spends, to 1e-7, and through the last look the
#     probability of crossing none equals 1 - alpha.  The script stops if a
#     design fails.  Miwa's cost grows steeply with the dimension (4 s at 5
#     looks, 7 s at 6, 41 s at 7, 4 min at 8 on the development machine),
#     so designs with more than 6 looks are checked on their first 6 (the
#     boundaries of the first k looks do not depend on later looks); their
#     later looks rest on the agreement of the two recursions.
#
#   cd test/reference && Rscript gen_group_sequential.R   (about 5 minutes)
# writes data/group_sequential.csv.  Needs Debian's r-cran-mvtnorm.
suppressPackageStartupMessages(library(mvtnorm))
fmt <- function(v) ifelse(is.na(v), "", ifelse(is.infinite(v),
	ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))

# cumulative alpha spent on one side, per-side total a
side_spent <- function(spending, a, t, rho) {
	if (t >= 1) return(a)
	switch(spending,
		"obrien-fleming" = 2 * pnorm(qnorm(a / 2, lower.tail = FALSE) / sqrt(t),
			lower.tail = FALSE),
		"pocock" = a * log(1 + (exp(1) - 1) * t),
		"power" = a * t^rho)
}

simpson <- function(lo, hi, h) {
	n <- max(2, 2 * ceiling((hi - lo) / (2 * h)))
	z <- seq(lo, hi, length.out = n + 1)
	w <- rep(2, n + 1)
	w[seq(2, n, by = 2)] <- 4
	w[c(1, n + 1)] <- 1
	list(z = z, w = w * (hi - lo) / n / 3)
}

boundaries <- function(info, alpha, spending, two_sided, rho, refine = 100) {
	K <- length(info)
	a <- if (two_sided) alpha / 2 else alpha
	b <- numeric(K)
	prev_spent <- 0
	grid <- NULL
	for (k in 1:K) {
		spent <- side_spent(spending, a, info[k], rho)
		delta <- spent - prev_spent
		prev_spent <- spent
		if (k > 1) {
			s <- sqrt(info[k - 1] / info[k])
			sigma <- sqrt((info[k] - info[k - 1]) / info[k])
		}
		if (delta < 1e-250) {
			b[k] <- Inf
		} else if (k == 1) {
			b[k] <- qnorm(delta, lower.tail = FALSE)
		} else {
			U <- function(x) sum(grid$w * grid$f * pnorm((x - s * grid$z) / sigma,
				lower.tail = FALSE))
			lo <- if (two_sided) 0 else -12
			hi <- lo + 1
			while (log(U(hi)) > log(delta)) { lo <- hi; hi <- hi + 1 }
			b[k] <- uniroot(function(x) log(U(x)) - log(delta), c(lo, hi),
				tol = 1e-14)$root
		}
		if (k < K) {
			s_next <- sqrt(info[k] / info[k + 1])
			sigma_next <- sqrt((info[k + 1] - info[k]) / info[k + 1])
			scale <- min(1, if (k == 1) 1 else sigma, sigma_next / s_next)
			top <- min(b[k], 38)
			g <- simpson(if (two_sided) -top else -12, top, scale / refine)
			if (k == 1) {
				g$f <- dnorm(g$z)
			} else {
				wf <- grid$w * grid$f
				f <- numeric(length(g$z))
				for (start in seq(1, length(g$z), by = 400)) {
					idx <- start:min(start + 399, length(g$z))
					f[idx] <- dnorm(outer(g$z[idx], s * grid$z, "-") / sigma) %*% wf / sigma
				}
				g$f <- f
			}
			grid <- g
		}
	}
	b
}

# probability of crossing no boundary through each look (Miwa)
no_crossing <- function(info, b, two_sided) {
	K <- length(info)
	sapply(1:K, function(k) {
		up <- b[1:k]
		lo <- if (two_sided) -b[1:k] else rep(-Inf, k)
		if (k == 1) return(pnorm(up) - pnorm(lo))
		C <- outer(info[1:k], info[1:k], function(x, y) sqrt(pmin(x, y) / pmax(x, y)))
		as.numeric(pmvnorm(lower = lo, upper = up, corr = C,
			algorithm = Miwa(steps = 4097)))
	})
}

designs <- list(
	list(looks = 5, alpha = 0.05, spending = "obrien-fleming"),
	list(looks = 5, alpha = 0.05, spending = "pocock"),
	list(looks = 5, alpha = 0.05, spending = "power", rho = 1),
	list(looks = 5, alpha = 0.05, spending = "power", rho = 2),
	list(looks = 5, alpha = 0.05, spending = "power", rho = 3),
	list(looks = 1, alpha = 0.05, spending = "obrien-fleming"),
	list(looks = 2, alpha = 0.05, spending = "obrien-fleming"),
	list(looks = 3, alpha = 0.01, spending = "pocock"),
	list(looks = 4, alpha = 0.1, spending = "obrien-fleming"),
	list(looks = 10, alpha = 0.05, spending = "obrien-fleming"),
	list(looks = 10, alpha = 0.05, spending = "pocock"),
	list(looks = 20, alpha = 0.05, spending = "obrien-fleming"),
	list(looks = 20, alpha = 0.05, spending = "pocock"),
	list(looks = 5, alpha = 0.025, spending = "obrien-fleming", alternative = "greater"),
	list(looks = 5, alpha = 0.05, spending = "pocock", alternative = "greater"),
	list(looks = 10, alpha = 0.05, spending = "power", rho = 1.5, alternative = "less"),
	list(looks = 4, alpha = 0.05, spending = "obrien-fleming", info = c(0.1, 0.35, 0.7, 1)),
	list(looks = 4, alpha = 0.05, spending = "pocock", info = c(0.25, 0.3, 0.9, 1)),
	list(looks = 3, alpha = 0.05, spending = "obrien-fleming", info = c(0.5, 0.75, 1),
		alternative = "greater"),
	list(looks = 6, alpha = 0.2, spending = "power", rho = 0.5,
		info = c(0.05, 0.1, 0.2, 0.4, 0.8, 1)),
	list(looks = 3, alpha = 0.05, spending = "obrien-fleming", info = c(0.02, 0.5, 1)),
	list(looks = 3, alpha = 0.05, spending = "obrien-fleming", info = c(0.3, 0.301, 1))
)

rows <- list()
worst_refine <- 0
worst_miwa <- 0
for (id in seq_along(designs)) {
	d <- designs[[id]]
	rho <- if (is.null(d$rho)) 1 else d$rho
	alt <- if (is.null(d$alternative)) "two-sided" else d$alternative
	two <- alt == "two-sided"
	info <- if (is.null(d$info)) (1:d$looks) / d$looks else d$info
	b <- boundaries(info, d$alpha, d$spending, two, rho)
	b_fine <- boundaries(info, d$alpha, d$spending, two, rho, refine = 200)
	worst_refine <- max(worst_refine, abs(b - b_fine)[is.finite(b)])
	a <- if (two) d$alpha / 2 else d$alpha
	spent <- sapply(info, function(t) side_spent(d$spending, a, t, rho)) * (if (two) 2 else 1)
	kk <- min(length(info), 6)
	nc <- no_crossing(info[1:kk], b[1:kk], two)
	crossing <- c(1, nc[-kk]) - nc
	err <- max(abs(crossing - diff(c(0, spent[1:kk]))), abs(nc[kk] - (1 - spent[kk])))
	nc <- c(nc, rep(NA, length(info) - kk))
	worst_miwa <- max(worst_miwa, err)
	if (err > 1e-7) stop(sprintf("design %d: Miwa crossing probabilities off by %g", id, err))
	info_lit <- if (is.null(d$info)) "" else
		paste0("{", paste(sprintf("%.17g", d$info), collapse = ","), "}")
	for (k in seq_along(info)) {
		rows[[length(rows) + 1]] <- c(design_id = id, looks = d$looks,
			alpha = fmt(d$alpha), spending = d$spending, rho = fmt(rho),
			alternative = alt, info = info_lit, look = k,
			information = fmt(info[k]),
			z_boundary = fmt(if (alt == "less") -b[k] else b[k]),
			nominal_p = fmt((if (two) 2 else 1) * pnorm(b[k], lower.tail = FALSE)),
			cumulative_alpha_spent = fmt(spent[k]),
			miwa_no_crossing = fmt(nc[k]))
	}
}
out <- do.call(rbind, rows)
write.csv(out, "data/group_sequential.csv", row.names = FALSE, quote = TRUE, na = "")
cat(sprintf("%d designs, %d looks written to data/group_sequential.csv\n",
	length(designs), nrow(out)))
cat(sprintf("largest change of a boundary when the Simpson grid is halved: %.3g\n", worst_refine))
cat(sprintf("largest |Miwa crossing probability - spent alpha|: %.3g\n", worst_miwa))
