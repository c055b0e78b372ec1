#!/usr/bin/env Rscript
# gen_edges.R: R reference values for the edge cases of proportions, count
# tables and power (sql/edges.sql).  Run from the top of the checkout:
#
#   Rscript test/reference/gen_edges.R
#
# Writes test/reference/data/edges_*.csv (doubles with %.17g; NaN/NA as an
# empty field, +-Inf as Infinity/-Infinity).  The R version is recorded in
# edges_r_version.csv (the committed values come from Debian's R 4.2.2).
#
#   edges_chisq_zero.csv   chisq.test(x, p = p, rescale.p = TRUE) on a grid of
#                          counts built as multiples of the weights (uniform,
#                          integer weights R rescales, probabilities R uses as
#                          given), with r_zero = all(E == x), R's expected
#                          counts n * p equal to the counts: where R's
#                          statistic is exactly 0, abstats' must be too.
#   edges_power_prop.csv   power.prop.test's power formula (p.body of R
#                          4.2.2, strict or not) at p1 or p2 = 0 or 1, the
#                          unknown solved with uniroot(tol = 1e-14) (R's own
#                          function stops with an error for some of these,
#                          e.g. an unknown p1 below p2 = 1, because its p.body
#                          is NaN at p1 = p2 = 1; we solve on (0, p2)).
#   edges_jeffreys.csv     Brown, Cai & DasGupta's (2001) Jeffreys interval in
#                          closed form, qbeta(alpha/2, x + 1/2, n - x + 1/2)
#                          and qbeta(1 - alpha/2, ...), with the lower bound 0
#                          at x = 0 and the upper bound 1 at x = n (as
#                          DescTools' BinomCI(method = "jeffreys")).
set.seed(20261126)
out <- "test/reference/data"
dir.create(out, showWarnings = FALSE, recursive = TRUE)
num <- function(v) ifelse(is.na(v), "",
                   ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"),
                          sprintf("%.17g", v)))
pgarr <- function(v) paste0('"{', paste(sprintf("%.0f", v), collapse = ","), '}"')
pgarr_f <- function(v) paste0('"{', paste(sprintf("%.17g", v), collapse = ","), '}"')
TOL <- 1e-14

writeLines(c("r_version", R.version.string), file.path(out, "edges_r_version.csv"))

## ------------------------------------------------------------ chisq zeros
rows <- list()
add <- function(x, p = NULL) {
  n <- sum(x)
  pp <- if (is.null(p)) rep(1 / length(x), length(x)) else p
  if (abs(sum(pp) - 1) > sqrt(.Machine$double.eps)) pp <- pp / sum(pp)
  E <- n * pp
  r <- suppressWarnings(if (is.null(p)) chisq.test(x) else chisq.test(x, p = p, rescale.p = TRUE))
  rows[[length(rows) + 1]] <<- c(pgarr(x), if (is.null(p)) "" else pgarr_f(p),
                                 num(unname(r$statistic)), num(r$p.value),
                                 if (all(E == x)) "true" else "false")
}
mults <- c(1, 3, 7, 10, 999, 12345, 1e6 + 3, 2^31 - 1, 1e12 + 7)
# uniform (R's default p = rep(1/k, k), used as given)
for (k in 2:10) for (m in mults) {
  add(rep(m, k))
  add(c(rep(m, k - 1), m + 1))
}
add(rep(2^53 / 4, 4)); add(rep(floor(2^53 / 3), 3)); add(rep(floor(2^53 / 7), 7))
# integer weights, rescaled by R (and the same weights given as fractions)
weights <- list(c(1, 2, 3), c(1, 1, 2), c(2, 1, 1), c(90, 10), c(9, 1), c(1, 2, 3, 4),
                c(3, 3, 3, 1), c(5, 7, 11, 13, 17), c(1, 10, 100), c(1, 1, 1), c(1, 1),
                c(2, 3), c(1, 6), c(7, 11, 13), c(1, 2, 4, 8, 16, 32), c(49, 51),
                c(1, 99), c(1, 999), c(3, 7, 10, 80), c(1, 1, 1, 1, 1, 1, 1))
for (w in weights) for (m in mults) {
  if (m * sum(w) > 2^53) next
  add(m * w, p = w)
  add(m * w, p = w / sum(w))
  add(m * w, p = 1000 * w)
  x <- m * w; x[1] <- x[1] + 1
  add(x, p = w)
}
# probabilities R uses as given (|sum(p) - 1| <= sqrt(eps)), as decimals
probs <- list(c(0.1, 0.2, 0.3, 0.4), c(0.25, 0.25, 0.5), c(0.9, 0.1), c(0.05, 0.95),
              c(0.2, 0.2, 0.2, 0.2, 0.2), c(0.3, 0.3, 0.4), c(0.01, 0.09, 0.9),
              c(0.125, 0.375, 0.5), c(0.6, 0.3, 0.1), c(1, 2, 3) / 6, c(1, 1, 1) / 3,
              rep(1 / 7, 7), c(0.1, 0.2, 0.3, 0.4 + 1e-9), c(0.7, 0.3 - 1e-10))
for (p in probs) for (m in c(10, 100, 1000, 1e4, 1e6, 1e9, 1e12)) {
  x <- round(m * p)
  add(x, p = p)
}
writeLines(c("observed,p,statistic,p_value,r_zero", sapply(rows, paste, collapse = ",")),
           file.path(out, "edges_chisq_zero.csv"))

## ------------------------------------------------------------ power.prop.test edges
prop_power <- function(n, p1, p2, sig.level, tside, strict) {
  if (strict && tside == 2) {
    qu <- qnorm(sig.level / tside, lower.tail = FALSE)
    d <- abs(p1 - p2); v1 <- p1 * (1 - p1); v2 <- p2 * (1 - p2)
    pbar <- (p1 + p2) / 2; vbar <- pbar * (1 - pbar)
    pnorm((sqrt(n) * d - qu * sqrt(2 * vbar)) / sqrt(v1 + v2)) +
      pnorm((sqrt(n) * d + qu * sqrt(2 * vbar)) / sqrt(v1 + v2), lower.tail = FALSE)
  } else
    pnorm((sqrt(n) * abs(p1 - p2) - (qnorm(sig.level / tside, lower.tail = FALSE) *
           sqrt((p1 + p2) * (1 - (p1 + p2) / 2)))) / sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
}
prows <- list()
padd <- function(unknown, n, p1, p2, sig, power, alt, strict) {
  tside <- if (alt == "two-sided") 2 else 1
  a <- list(n = n, p1 = p1, p2 = p2, sig = sig)
  f <- function(v) { a[[unknown]] <- v; prop_power(a$n, a$p1, a$p2, a$sig, tside, strict) - power }
  # no root in the range searched (uniroot: end points of the same sign):
  # abstats must raise 22023 there; recorded as solvable = false
  val <- tryCatch(switch(unknown,
    power = prop_power(n, p1, p2, sig, tside, strict),
    n = uniroot(f, c(1 + 1e-9, 1e7), tol = TOL, extendInt = "upX")$root,
    p1 = uniroot(f, c(0, p2 - 1e-12), tol = TOL)$root,
    p2 = uniroot(f, c(p1 + 1e-12, 1), tol = TOL)$root,
    # in log(sig_level): uniroot's tolerance is absolute, and a sig_level
    # of 1e-9 needs a relative one
    sig = exp(uniroot(function(l) f(exp(l)), log(c(1e-10, 1 - 1e-10)), tol = TOL)$root)),
    error = function(e) NA)
  prows[[length(prows) + 1]] <<- c(unknown, num(n), num(p1), num(p2), num(sig), num(power),
                                   alt, if (strict) "true" else "false", num(val),
                                   if (is.na(val)) "false" else "true")
}
r_example <- power.prop.test(p1 = .90, p2 = 1, power = .80, tol = TOL)$n
for (alt in c("two-sided", "one-sided")) for (strict in c(FALSE, TRUE)) {
  if (strict && alt == "one-sided") next
  for (pp in list(c(0.9, 1), c(1, 0.9), c(0, 0.1), c(0.1, 0), c(0, 0.5), c(0.5, 1),
                  c(0.999, 1), c(0, 1e-3), c(0, 1), c(1, 0))) {
    for (nn in c(2, 10, 73.37427, 1000))
      padd("power", nn, pp[1], pp[2], 0.05, NA, alt, strict)
    # with p1, p2 = 0 and 1 the power is a step and uniroot finds the step
    for (sig in c(0.01, 0.05, 0.2)) for (pw in c(0.5, 0.8, 0.95))
      padd("n", NA, pp[1], pp[2], sig, pw, alt, strict)
    for (nn in c(1.5, 50)) for (pw in c(0.5, 0.8))
      padd("sig", nn, pp[1], pp[2], NA, pw, alt, strict)
  }
  # an unknown p1 below p2 = 1, an unknown p2 above p1 = 0
  for (nn in c(10, 50, 1000)) for (pw in c(0.5, 0.8, 0.95)) {
    padd("p1", nn, NA, 1, 0.05, pw, alt, strict)
    padd("p2", nn, 0, NA, 0.05, pw, alt, strict)
  }
}
prows[[length(prows) + 1]] <- c("r_example_n", "", "0.9", "1", "0.05", "0.8", "two-sided", "false",
                                num(r_example), "true")
writeLines(c("unknown,n,p1,p2,sig_level,power,alternative,strict,value,solvable",
             sapply(prows, paste, collapse = ",")), file.path(out, "edges_power_prop.csv"))

## ------------------------------------------------------------ Jeffreys (BCD 2001)
jrows <- list()
for (n in c(1, 2, 5, 10, 30, 100, 1000, 1e5, 1e9))
  for (x in unique(c(0, 1, floor(n / 2), n - 1, n)))
    for (conf in c(0.5, 0.8, 0.9, 0.95, 0.99, 0.999)) {
      if (x < 0 || x > n) next
      alpha <- 1 - conf
      lower <- if (x == 0) 0 else qbeta(alpha / 2, x + 0.5, n - x + 0.5)
      upper <- if (x == n) 1 else qbeta(alpha / 2, x + 0.5, n - x + 0.5, lower.tail = FALSE)
      jrows[[length(jrows) + 1]] <- c(sprintf("%.0f", x), sprintf("%.0f", n), num(conf),
                                      num(lower), num(upper))
    }
writeLines(c("x,n,conf_level,lower,upper", sapply(jrows, paste, collapse = ",")),
           file.path(out, "edges_jeffreys.csv"))
