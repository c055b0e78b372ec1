# Reference values for prop_test and binom_test (sql/proportions.sql).
#
#   Rscript test/reference/gen_proportions.R     (from the repository root)
#
# writes test/reference/data/prop_test2.csv, prop_test1.csv, binom_test.csv.
# p-values, X-squared, the Wald interval and the one-sample Wilson interval
# come from R's own prop.test and binom.test.  R has no Newcombe or
# Agresti-Caffo interval, so they are computed here from the published
# closed forms, independently of the C code's (R-style) Wilson form:
#   Newcombe, R. G. (1998). Interval estimation for the difference between
#     independent proportions: comparison of eleven methods. Statistics in
#     Medicine 17, 873-890: method 10 (hybrid score from the Wilson
#     interval, method 3) and method 11 (from the continuity-corrected
#     Wilson interval, method 4), in the paper's "2np + z^2" forms.
#   Agresti, A. and Caffo, B. (2000). Simple and effective confidence
#     intervals for proportions and differences of proportions result from
#     adding two successes and two failures. The American Statistician 54,
#     280-288.
# One-sided alternatives use z = qnorm(conf.level) and the bound -1 / 1 on
# the open side, as R's prop.test does for its own interval.
options(warn = -1)
out <- "test/reference/data"
num <- function(v) ifelse(is.na(v), "", sprintf("%.17g", v))
cnt <- function(v) sprintf("%.0f", v)

z_of <- function(alt, conf) qnorm(if (alt == "two.sided") (1 + conf) / 2 else conf)

# Newcombe (1998) method 3: Wilson score interval.
wilson3 <- function(x, n, z) {
  p <- x / n; q <- 1 - p
  c((2*n*p + z^2 - z * sqrt(z^2 + 4*n*p*q)) / (2 * (n + z^2)),
    (2*n*p + z^2 + z * sqrt(z^2 + 4*n*p*q)) / (2 * (n + z^2)))
}
# Newcombe (1998) method 4: Wilson interval with continuity correction.
wilson4 <- function(x, n, z) {
  p <- x / n; q <- 1 - p
  l <- if (x == 0) 0 else
    (2*n*p + z^2 - 1 - z * sqrt(z^2 - 2 - 1/n + 4*p*(n*q + 1))) / (2 * (n + z^2))
  u <- if (x == n) 1 else
    (2*n*p + z^2 + 1 + z * sqrt(z^2 + 2 - 1/n + 4*p*(n*q - 1))) / (2 * (n + z^2))
  c(max(l, 0), min(u, 1))
}
newcombe <- function(x1, n1, x2, n2, z, cc) {
  w <- if (cc) wilson4 else wilson3
  a <- w(x1, n1, z); b <- w(x2, n2, z)
  p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  c(d - sqrt((p1 - a[1])^2 + (b[2] - p2)^2), d + sqrt((a[2] - p1)^2 + (p2 - b[1])^2))
}
agresti_caffo <- function(x1, n1, x2, n2, z) {
  t1 <- (x1 + 1) / (n1 + 2); t2 <- (x2 + 1) / (n2 + 2)
  w <- z * sqrt(t1 * (1 - t1) / (n1 + 2) + t2 * (1 - t2) / (n2 + 2))
  c(max(t1 - t2 - w, -1), min(t1 - t2 + w, 1))
}
one_sided <- function(ci, alt, lo, hi)
  switch(alt, two.sided = ci, less = c(lo, ci[2]), greater = c(ci[1], hi))

# ---- two-sample prop.test --------------------------------------------
tables <- list(
  c(15, 50, 25, 50), c(7, 20, 3, 25), c(0, 30, 4, 28), c(0, 10, 0, 12),
  c(10, 10, 10, 10), c(9, 9, 0, 11), c(1, 1, 0, 1), c(120, 1000, 95, 1000),
  c(1, 2, 1, 3), c(50, 100, 50, 100), c(3, 7, 2, 5), c(40, 40, 38, 40),
  c(5213, 100000, 4987, 100000), c(120345, 2500000, 119010, 2500000),
  c(3000000, 6000000, 2998000, 5990000), c(31, 12345678, 55, 9876543),
  c(999999, 1000000, 1000000, 1000000))
rows <- list()
for (t in tables) for (alt in c("two.sided", "less", "greater"))
  for (conf in c(0.95, 0.9, 0.99)) for (correct in c(FALSE, TRUE)) {
    x <- t[c(1, 3)]; n <- t[c(2, 4)]
    r <- prop.test(x, n, alternative = alt, conf.level = conf, correct = correct)
    z <- z_of(alt, conf)
    delta <- x[1] / n[1] - x[2] / n[2]
    stat <- sign(delta) * sqrt(unname(r$statistic))
    cis <- list(wald = r$conf.int,
                newcombe = one_sided(newcombe(x[1], n[1], x[2], n[2], z, correct), alt, -1, 1),
                "agresti-caffo" = one_sided(agresti_caffo(x[1], n[1], x[2], n[2], z), alt, -1, 1))
    for (m in names(cis))
      rows[[length(rows) + 1]] <- c(cnt(t), alt, conf, correct, m, num(stat), num(r$p.value),
                                    num(x[1] / n[1]), num(x[2] / n[2]),
                                    num(cis[[m]][1]), num(cis[[m]][2]))
  }
d <- do.call(rbind, rows)
colnames(d) <- c("x1", "n1", "x2", "n2", "alternative", "conf_level", "correct", "ci_method",
                 "statistic", "p_value", "estimate1", "estimate2", "ci_lower", "ci_upper")
write.csv(d, file.path(out, "prop_test2.csv"), row.names = FALSE, quote = FALSE)

# ---- one-sample prop.test --------------------------------------------
cases <- list(c(15, 50, 0.5), c(0, 20, 0.5), c(20, 20, 0.5), c(0, 20, 0.1), c(20, 20, 0.9),
              c(7, 25, 0.3), c(1, 1, 0.5), c(10, 20, 0.5), c(683, 1000, 0.7),
              c(5, 100, 0.01), c(51234, 100000, 0.5), c(1234567, 5000000, 0.25),
              c(3, 5000000, 1e-6), c(2500000, 5000000, 0.5))
rows <- list()
for (cs in cases) for (alt in c("two.sided", "less", "greater"))
  for (conf in c(0.95, 0.9, 0.99)) for (correct in c(FALSE, TRUE)) {
    r <- prop.test(cs[1], cs[2], p = cs[3], alternative = alt, conf.level = conf,
                   correct = correct)
    stat <- sign(cs[1] / cs[2] - cs[3]) * sqrt(unname(r$statistic))
    rows[[length(rows) + 1]] <- c(cnt(cs[1:2]), num(cs[3]), alt, conf, correct, num(stat),
                                  num(r$p.value), num(unname(r$estimate)),
                                  num(r$conf.int[1]), num(r$conf.int[2]))
  }
d <- do.call(rbind, rows)
colnames(d) <- c("x", "n", "p", "alternative", "conf_level", "correct", "statistic", "p_value",
                 "estimate", "ci_lower", "ci_upper")
write.csv(d, file.path(out, "prop_test1.csv"), row.names = FALSE, quote = FALSE)

# ---- binom.test ---------------------------------------------------------
cases <- list(c(7, 20, 0.5), c(0, 20, 0.5), c(20, 20, 0.5), c(10, 20, 0.5), c(3, 10, 0.3),
              c(0, 1, 0.5), c(1, 1, 0.5), c(0, 10, 0), c(3, 10, 0), c(10, 10, 1),
              c(4, 10, 1), c(1, 50, 0.01), c(0, 50, 0.01), c(5, 50, 0.01), c(49, 50, 0.99),
              c(17, 30, 0.25), c(682, 1000, 0.7), c(720, 1000, 0.7), c(301, 1000, 0.3),
              c(12, 1000, 0.002), c(5000, 10000, 0.5), c(5100, 10000, 0.5),
              c(49870, 100000, 0.5), c(1000, 100000, 0.01), c(2, 100000, 1e-4),
              c(499000, 1000000, 0.5), c(1002000, 2000000, 0.5), c(300500, 1000000, 0.3),
              c(149200, 1500000, 0.1), c(20, 3000000, 1e-5), c(2999990, 3000000, 0.999998),
              c(1234567, 5000000, 0.25), c(19999999, 4e7, 0.5), c(19999000, 4e7, 0.5))
rows <- list()
for (cs in cases) for (alt in c("two.sided", "less", "greater"))
  for (conf in c(0.95, 0.9, 0.99)) {
    r <- binom.test(cs[1], cs[2], p = cs[3], alternative = alt, conf.level = conf)
    rows[[length(rows) + 1]] <- c(cnt(cs[1:2]), num(cs[3]), alt, conf, num(r$p.value),
                                  num(unname(r$estimate)), num(r$conf.int[1]),
                                  num(r$conf.int[2]))
  }
d <- do.call(rbind, rows)
colnames(d) <- c("x", "n", "p", "alternative", "conf_level", "p_value", "estimate",
                 "ci_lower", "ci_upper")
write.csv(d, file.path(out, "binom_test.csv"), row.names = FALSE, quote = FALSE)
