#!/usr/bin/env Rscript
# test/reference/gen_p_adjust.R: vectors of p-values and R's p.adjust of
# each, for every method.
#
#   cd test/reference && Rscript gen_p_adjust.R
#
# Needs only Debian's r-base-core.  Deterministic (fixed seed); rerunning
# rewrites identical files:
#   data/p_adjust_input.csv     vector_id, position, p (empty = NA/NULL)
#   data/p_adjust_expected.csv  vector_id, position, and p.adjust(p, m)[position]
#                               for m = holm, hochberg, hommel, bonferroni,
#                               BH, BY (fdr is BH; none is p itself)
# The vector "formula_10000" is not in the input file: its p-values come
# from an integer formula that R and PostgreSQL evaluate to the same
# doubles, p_i = ((i * 7919) mod 10007) / 10007 (and p_i p_i p_i p_i for every
# tenth i, so that small values and a long BY harmonic sum are covered);
# sql/p_adjust.sql has the same formula.
#
# R's p.adjust counts only the non-NA values (n = length(p) is evaluated
# after the NAs are dropped) and leaves NAs in place, as p_adjust does with
# NULLs.  R 4.2.2 sums BY's harmonic series in long double.
set.seed(20261202)
fmt <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
methods <- c("holm", "hochberg", "hommel", "bonferroni", "BH", "BY")

vectors <- list()
add <- function(id, p, write = TRUE) vectors[[id]] <<- list(id = id, p = as.double(p), write = write)

for (n in c(1, 2, 3, 4, 5, 7, 10, 20, 50, 100, 500, 1000, 3000))
	add(sprintf("uniform_%d", n), runif(n))
# mostly small p-values (many true effects), on a log scale
for (n in c(3, 10, 100, 1000))
	add(sprintf("small_%d", n), 10^-runif(n, 0, 12))
# a few effects among nulls, from z statistics
for (n in c(6, 40, 400)) {
	z <- rnorm(n) + c(rep(3, n %/% 5), rep(0, n - n %/% 5))
	add(sprintf("mixture_%d", n), 2 * pnorm(-abs(z)))
}
# ties, zeros and ones
add("ties_8", c(0.01, 0.02, 0.02, 0.02, 0.5, 0.5, 0.01, 0.03))
add("ties_200", sample(c(0.001, 0.01, 0.02, 0.05, 0.2, 0.5, 1), 200, replace = TRUE))
add("zeros_ones_9", c(0, 1, 0.03, 0, 1, 0.5, 0.001, 1, 0))
add("all_zero_5", rep(0, 5))
add("all_one_5", rep(1, 5))
add("all_equal_50", rep(0.0123, 50))
add("two_equal", c(0.04, 0.04))
add("two", c(0.04, 0.01))
add("three_hommel", c(0.01, 0.03, 0.04))
add("tiny_4", c(1e-300, 5e-320, 1e-10, 0.2))
add("near_one_6", c(0.999999, 1 - 1e-15, 0.9, 0.95, 0.98, 1))
add("sorted_desc_30", sort(runif(30), decreasing = TRUE))
add("sorted_asc_30", sort(runif(30)))
# NAs: left in place, not counted
add("na_7", c(0.01, NA, 0.04, 0.03, NA, 0.005, 0.5))
add("na_first_last", c(NA, 0.2, 0.01, 0.3, NA))
add("na_one_left", c(NA, 0.03, NA))
add("na_only", c(NA, NA, NA))
p <- runif(1000); p[sample(1000, 100)] <- NA; add("na_1000", p)
# 10000 p-values from an integer formula (not written out)
i <- as.double(1:10000)
fp <- ((i * 7919) %% 10007) / 10007
fp <- ifelse(i %% 10 == 0, fp * fp * fp * fp, fp)
add("formula_10000", fp, write = FALSE)

ids <- names(vectors)
inp <- do.call(rbind, lapply(Filter(function(v) v$write, vectors), function(v)
	data.frame(vector_id = v$id, position = seq_along(v$p), p = fmt(v$p),
			   stringsAsFactors = FALSE)))
write.csv(inp, "data/p_adjust_input.csv", row.names = FALSE, quote = FALSE)

out <- do.call(rbind, lapply(vectors, function(v) {
	cols <- lapply(methods, function(m) fmt(p.adjust(v$p, method = m)))
	names(cols) <- methods
	data.frame(vector_id = v$id, position = seq_along(v$p), cols, stringsAsFactors = FALSE)
}))
write.csv(out, "data/p_adjust_expected.csv", row.names = FALSE, quote = FALSE)
