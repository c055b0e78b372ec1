#!/usr/bin/env Rscript
# gen_tables.R: reference values for chisq_test, fisher_test, srm_test and
# interaction_test, computed with R's own chisq.test and fisher.test.
#
#   Rscript test/reference/gen_tables.R     (from the top of the checkout)
#
# Writes test/reference/data/{chisq,fisher,srm,interaction_samples,
# interaction}.csv.  Doubles are written with %.17g so nothing is lost;
# NaN/NA becomes an empty field (NULL), +-Inf "Infinity"/"-Infinity".
#
# fisher.test finds its odds ratio and interval with uniroot() at the
# default tolerance (.Machine$double.eps^0.25, about 1.2e-4), so its
# estimates are only that accurate.  We record them (columns *_r) and also
# run the very same fisher.test code with uniroot's tolerance tightened to
# machine precision (columns without suffix): that is the function
# fisher.test computes, to full precision, and what abstats is compared
# with at 1e-9.
set.seed(20261125)
out <- "test/reference/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

num <- function(v) ifelse(is.na(v), "",
                   ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
                          sprintf("%.17g", v)))
pgarr <- function(v) paste0("{", paste(sprintf("%.0f", v), collapse = ","), "}")
pgarr_f <- function(v) paste0("{", paste(sprintf("%.17g", v), collapse = ","), "}")
pgmat <- function(m) paste0("{", paste(apply(m, 1, function(r) pgarr(r)), collapse = ","), "}")
q <- function(s) paste0('"', s, '"')

## ---------------------------------------------------------------- chisq
rows <- list()
add_chisq <- function(obs, p = NULL, correct = TRUE) {
  r <- suppressWarnings(if (is.null(p)) chisq.test(obs, correct = correct)
                        else chisq.test(obs, p = p, rescale.p = TRUE, correct = correct))
  rows[[length(rows) + 1]] <<- c(
    q(if (is.matrix(obs)) pgmat(obs) else pgarr(obs)),
    if (is.null(p)) "" else q(pgarr_f(p)),
    if (correct) "true" else "false",
    num(unname(r$statistic)), num(unname(r$parameter)), num(r$p.value))
}
# goodness of fit, uniform and given p (unnormalized), zero cells, large counts
for (k in 2:8) for (lambda in c(3, 50, 1e4, 3e6)) {
  obs <- rpois(k, lambda)
  if (sum(obs) == 0) obs[1] <- 1
  add_chisq(obs)
  add_chisq(obs, p = runif(k, 0.2, 5))
}
add_chisq(c(0, 5)); add_chisq(c(0, 0, 7)); add_chisq(c(10, 10, 10))
add_chisq(c(500000, 499000), p = c(1, 1)); add_chisq(c(1000000, 3050000), p = c(1, 3))
add_chisq(c(9, 1), p = c(0.9, 0.1)); add_chisq(c(3, 7), p = c(2, 8))
# one row or one column: a vector for R
add_chisq(matrix(c(4, 9, 2), 1)); add_chisq(matrix(c(4, 9, 2), 3))
add_chisq(matrix(c(12, 30), 1), p = c(1, 2))
# independence: 2x2 with and without Yates, zero cells, |x - E| < 0.5
for (i in 1:12) {
  m <- matrix(rpois(4, sample(c(4, 40, 400, 2e6), 1)), 2)
  if (any(rowSums(m) == 0) || any(colSums(m) == 0)) next
  add_chisq(m, correct = TRUE); add_chisq(m, correct = FALSE)
}
for (m in list(matrix(c(0, 5, 6, 7), 2), matrix(c(10, 10, 10, 11), 2), matrix(c(3, 3, 3, 3), 2),
               matrix(c(5, 4, 4, 5), 2), matrix(c(0, 8, 9, 0), 2),
               matrix(c(1500000, 1510000, 1497000, 1502000), 2))) {
  add_chisq(m, correct = TRUE); add_chisq(m, correct = FALSE)
}
# r x c tables (correct is ignored by R beyond 2x2)
for (dims in list(c(2, 3), c(3, 2), c(3, 3), c(3, 3), c(3, 3), c(3, 4), c(4, 5), c(5, 5))) {
  for (lambda in c(6, 300, 2e6)) {
    m <- matrix(rpois(prod(dims), lambda), dims[1])
    if (any(rowSums(m) == 0) || any(colSums(m) == 0)) next
    add_chisq(m)
  }
}
add_chisq(matrix(c(0, 4, 7, 0, 3, 9, 5, 0, 2), 3))
add_chisq(matrix(c(1e6, 2e6, 3e6, 2e6, 4e6, 6e6 + 1, 3e6, 6e6, 9e6), 3))
# a zero column or row: R's statistic is NaN (NULL here)
add_chisq(matrix(c(0, 0, 7, 4, 5, 9), 2)); add_chisq(matrix(c(0, 3, 0, 4), 2))
# correct is ignored for goodness of fit (as in R)
add_chisq(c(12, 30, 18), correct = FALSE); add_chisq(c(12, 30, 18), p = c(1, 2, 1), correct = FALSE)
writeLines(c("observed,p,correct,statistic,df,p_value",
             sapply(rows, paste, collapse = ",")), file.path(out, "chisq.csv"))

## ---------------------------------------------------------------- srm
rows <- list()
add_srm <- function(obs, w = NULL, threshold = 0.001) {
  r <- suppressWarnings(if (is.null(w)) chisq.test(obs) else chisq.test(obs, p = w, rescale.p = TRUE))
  rows[[length(rows) + 1]] <<- c(q(pgarr(obs)), if (is.null(w)) "" else q(pgarr_f(w)),
    num(threshold), num(unname(r$statistic)), num(unname(r$parameter)), num(r$p.value),
    if (r$p.value < threshold) "true" else "false")
}
for (n in c(1000, 1e5, 1e7)) {
  add_srm(as.numeric(rmultinom(1, n, c(1, 1))))
  add_srm(as.numeric(rmultinom(1, n, c(0.5, 0.5 * 1.004))))      # slight mismatch
  add_srm(as.numeric(rmultinom(1, n, c(1, 1, 1))), threshold = 0.01)
  add_srm(as.numeric(rmultinom(1, n, c(0.9, 0.1))), w = c(90, 10))
  add_srm(as.numeric(rmultinom(1, n, c(0.88, 0.12))), w = c(0.9, 0.1))
  add_srm(as.numeric(rmultinom(1, n, c(0.2, 0.3, 0.5))), w = c(2, 3, 5), threshold = 0.05)
}
add_srm(c(50123, 49877)); add_srm(c(50500, 49500)); add_srm(c(100000, 0))
add_srm(c(2500000000, 2500100000)); add_srm(c(1e9, 1e9 + 2e5), w = c(1, 1))
writeLines(c("observed,weights,threshold,statistic,df,p_value,mismatch",
             sapply(rows, paste, collapse = ",")), file.path(out, "srm.csv"))

## ---------------------------------------------------------------- fisher
ft_tight <- fisher.test
tight <- new.env(parent = asNamespace("stats"))
tight$uniroot <- function(...) stats::uniroot(..., tol = 1e-300, maxiter = 10000)
environment(ft_tight) <- tight

rows <- list()
add_fisher <- function(a, b, c, d, alternative, conf_level) {
  x <- matrix(c(a, c, b, d), 2)
  r <- fisher.test(x, alternative = alternative, conf.level = conf_level)
  t <- ft_tight(x, alternative = alternative, conf.level = conf_level)
  stopifnot(identical(r$p.value, t$p.value))
  rows[[length(rows) + 1]] <<- c(sprintf("%.0f", c(a, b, c, d)), alternative, num(conf_level),
    num(t$p.value), num(unname(t$estimate)), num(t$conf.int[1]), num(t$conf.int[2]),
    num(unname(r$estimate)), num(r$conf.int[1]), num(r$conf.int[2]))
}
tables <- list(c(3, 1, 1, 3), c(10, 20, 30, 5), c(0, 5, 6, 7), c(5, 0, 0, 5), c(0, 0, 3, 4),
               c(0, 0, 0, 0), c(7, 0, 2, 9), c(1, 9, 11, 3), c(12, 5, 5, 12), c(0, 10, 0, 10),
               c(1, 0, 0, 1), c(2, 7, 8, 2), c(20, 0, 0, 1), c(4, 4, 4, 4), c(1000, 1100, 1050, 990),
               c(25, 975, 40, 960), c(2, 98, 9, 91),
               c(120000, 880000, 121500, 878500), c(5, 999995, 12, 999988),
               c(1000000, 1000000, 1000000, 1000500), c(31000, 969000, 30100, 969900),
               c(100, 0, 0, 100), c(5500, 4500, 4500, 5500), c(300, 700, 0, 1000))   # tiny p-values
for (i in 1:20) tables[[length(tables) + 1]] <- rpois(4, sample(c(2, 8, 30, 200), 1))
for (tab in tables) for (alt in c("two.sided", "less", "greater")) for (cl in c(0.9, 0.95, 0.99)) {
  if (cl != 0.95 && alt != "two.sided" && max(tab) > 1e5) next
  add_fisher(tab[1], tab[2], tab[3], tab[4], alt, cl)
}
writeLines(c("a,b,c,d,alternative,conf_level,p_value,odds_ratio,ci_lower,ci_upper,odds_ratio_r,ci_lower_r,ci_upper_r",
             sapply(rows, paste, collapse = ",")), file.path(out, "fisher.csv"))

## ---------------------------------------------------------------- interaction
samples <- list()
rows <- list()
case <- 0
gen <- function(kind, n, shift) switch(kind,
  normal = rnorm(n, 10 + shift, 3),
  skewed = rexp(n, 1 / (5 + shift)) * rbinom(n, 1, 0.3),
  binary = rbinom(n, 1, 0.1 + shift / 50),
  ties = round(rnorm(n, 100 + shift, 10)),
  offset = 1e6 + rnorm(n, shift, 1))
for (kind in c("normal", "skewed", "binary", "ties", "offset")) for (sizes in list(c(2, 3, 2, 4), c(20, 25, 30, 15), c(400, 380, 410, 395), c(3000, 100, 2500, 60))) {
  case <- case + 1
  cells <- lapply(1:4, function(i) gen(kind, sizes[i], c(0, 0.2, 0.5, 1.5)[i]))
  for (i in 1:4) samples[[length(samples) + 1]] <- data.frame(case = case, cell = i - 1, value = sprintf("%.17g", cells[[i]]))
  m <- sapply(cells, mean); v <- sapply(cells, var); n <- sapply(cells, length)
  est <- (m[4] - m[2]) - (m[3] - m[1])
  se <- sqrt(sum(v / n))
  df <- sum(v / n)^2 / sum((v / n)^2 / (n - 1))     # Satterthwaite (1946), four cells
  tstat <- est / se
  for (alt in c("two.sided", "less", "greater")) for (cl in c(0.9, 0.95)) {
    p <- switch(alt, two.sided = 2 * pt(-abs(tstat), df), less = pt(tstat, df),
                greater = pt(tstat, df, lower.tail = FALSE))
    ci <- switch(alt,
      two.sided = est + c(-1, 1) * qt(1 - (1 - cl) / 2, df) * se,
      less = c(-Inf, est + qt(cl, df) * se),
      greater = c(est - qt(cl, df) * se, Inf))
    rows[[length(rows) + 1]] <- c(case, alt, num(cl), num(est), num(se), num(tstat), num(df), num(p),
                                  num(ci[1]), num(ci[2]))
  }
}
write.csv(do.call(rbind, samples), file.path(out, "interaction_samples.csv"), row.names = FALSE, quote = FALSE)
writeLines(c("case,alternative,conf_level,estimate,std_error,statistic,df,p_value,ci_lower,ci_upper",
             sapply(rows, paste, collapse = ",")), file.path(out, "interaction.csv"))
