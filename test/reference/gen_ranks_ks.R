#!/usr/bin/env Rscript
# test/reference/gen_ranks_ks.R: exact p-values of the two-sample
# Kolmogorov-Smirnov test in big integers, for the exact cases of
# data/ranks_ks.csv (written by gen_ranks.R, whose samples it reads).
#
#   cd test/reference && Rscript gen_ranks_ks.R
#
# Needs Debian's r-cran-gmp (a dependency of r-cran-rmpfr).  R 4.2.2's
# psmirnov counts, in doubles, the lattice paths that stay below the
# observed D (at the last value of every run of ties) and returns 1 minus
# their share, which is good to about 1e-12 absolute only; here the same
# paths are counted with arbitrary-precision integers and the p-value is
# the exact fraction (paths that reach D) / choose(nx + ny, nx), rounded
# once to double.  Writes data/ranks_ks_exact.csv: sid_x, sid_y,
# alternative, p_exact.
suppressPackageStartupMessages(library(gmp))

info <- read.csv("data/ranks_info.csv")
vals <- read.csv("data/ranks_samples.csv")
cases <- read.csv("data/ranks_ks.csv")
sample_of <- function(sid) sort(vals$k[vals$sid == sid] / info$divisor[info$sid == sid])

ks_exact_p <- function(x, y, alternative) {
	nx <- length(x); ny <- length(y)
	z <- sort(c(x, y))
	tie_end <- c(diff(z) != 0, TRUE)
	# the statistic as an integer: ny #(x <= t) - nx #(y <= t) at the ends of runs
	d <- findInterval(z, x) * ny - findInterval(z, y) * nx
	d <- d[tie_end]
	m <- switch(alternative, two.sided = max(abs(d)), greater = max(d), less = max(-d))
	u <- 0:nx
	alive <- as.bigz(c(1, rep(0, nx)))
	for (k in seq_along(z)) {
		alive <- alive + c(as.bigz(0), alive[-(nx + 1)])
		v <- k - u
		alive[v > ny] <- 0
		if (tie_end[k]) {
			dd <- u * ny - v * nx
			alive[(if (alternative == "two.sided") abs(dd) >= m else dd >= m) & v >= 0] <- 0
		}
	}
	total <- chooseZ(nx + ny, nx)
	as.numeric(as.bigq(total - alive[nx + 1], total))
}

exact <- unique(cases[grepl("^Exact", cases$method), c("sid_x", "sid_y", "alternative")])
exact$p_exact <- mapply(function(a, b, alt) ks_exact_p(sample_of(a), sample_of(b), alt),
	exact$sid_x, exact$sid_y, exact$alternative)
write.csv(data.frame(exact[, 1:3], p_exact = sprintf("%.17g", exact$p_exact)),
	"data/ranks_ks_exact.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("%d exact cases\n", nrow(exact)))
