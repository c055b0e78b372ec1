#!/usr/bin/env Rscript
# gen_power.R: reference values for the power family (sql/power.sql,
# sql/noncentral_t.sql), written to test/reference/data/*.csv.
#
#   Rscript test/reference/gen_power.R      (from the top of the checkout)
#
# Sources (Debian r-base-core 4.2.2, r-cran-pwr):
#   power_t.csv     stats::power.t.test (ratio = 1) with tol = 1e-14, and
#                   pwr::pwr.t2n.test's power function (ratio != 1; d =
#                   delta / sd, n2 = ratio * n) solved with uniroot(tol =
#                   1e-14) -- pwr.t2n.test itself does not expose `tol`.
#                   Its "two.sided" is our strict two-sided design; our
#                   non-strict two-sided one is its "greater" at sig.level / 2.
#   power_prop.csv  stats::power.prop.test (ratio = 1) with tol = 1e-14; for
#                   ratio != 1 (no R function) the unequal-allocation normal
#                   approximation (Fleiss, Levin & Paik 2003, ch. 4) written
#                   here in R and solved with uniroot(tol = 1e-14); it is
#                   checked to reduce to power.prop.test at ratio = 1.
#   noncentral_t.csv  stats::pt(q, df, ncp, lower.tail).
#   sample_size_check.csv  the two-sided Welch power from observed variances,
#                   written here with stats::pt/qt (no R function exists),
#                   solved with uniroot(tol = 1e-14).
# Every double is written with sprintf("%.17g") so nothing is lost.
suppressPackageStartupMessages(library(pwr))

out_dir <- file.path("test", "reference", "data")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
TOL <- 1e-14
g17 <- function(x) ifelse(is.na(x), "", sprintf("%.17g", x))

## ---------------------------------------------------------------- t tests
# power of our design, from R's functions
t_power <- function(n, delta, sd, sig, type, alt, strict, ratio) {
  if (ratio == 1)
    return(power.t.test(n = n, delta = delta, sd = sd, sig.level = sig,
                        type = type, alternative = alt, strict = strict)$power)
  d <- delta / sd
  if (alt == "two.sided" && strict)
    pwr.t2n.test(n1 = n, n2 = ratio * n, d = d, sig.level = sig,
                 alternative = "two.sided")$power
  else if (alt == "two.sided")
    pwr.t2n.test(n1 = n, n2 = ratio * n, d = abs(d), sig.level = sig / 2,
                 alternative = "greater")$power
  else
    pwr.t2n.test(n1 = n, n2 = ratio * n, d = d, sig.level = sig,
                 alternative = "greater")$power
}

t_solve <- function(unknown, n, delta, sd, sig, power, type, alt, strict, ratio) {
  if (ratio == 1) {
    args <- list(n = n, delta = delta, sd = sd, sig.level = sig, power = power,
                 type = type, alternative = alt, strict = strict, tol = TOL)
    args[unknown] <- list(NULL)
    r <- do.call(power.t.test, args)
    return(c(n = r$n, delta = r$delta, sd = r$sd, sig.level = r$sig.level, power = r$power))
  }
  f <- function(x) {
    a <- list(n = n, delta = delta, sd = sd, sig = sig)
    a[[if (unknown == "sig.level") "sig" else unknown]] <- x
    t_power(a$n, a$delta, a$sd, a$sig, type, alt, strict, ratio) - power
  }
  nmin <- max(2, 2 / ratio)
  x <- switch(unknown,
    power = t_power(n, delta, sd, sig, type, alt, strict, ratio),
    n = uniroot(f, c(nmin, 1e7), tol = TOL, extendInt = "upX")$root,
    delta = uniroot(f, sd * c(1e-7, 1e7), tol = TOL, extendInt = "upX")$root,
    sd = uniroot(f, abs(delta) * c(1e-7, 1e7), tol = TOL, extendInt = "downX")$root,
    sig.level = uniroot(f, c(1e-10, 1 - 1e-10), tol = TOL)$root)
  res <- c(n = n, delta = delta, sd = sd, sig.level = sig, power = power)
  res[[unknown]] <- x
  if (alt == "two.sided") res[["delta"]] <- abs(res[["delta"]])
  res
}

# scenarios: (n, delta, sd, sig.level, target power)
t_scen <- list(
  c(20, 1, 1, 0.05, 0.8),
  c(100, 0.3, 2, 0.01, 0.1),
  c(5000, 0.05, 1, 0.05, 0.6),
  c(8, 2, 1.5, 0.1, 0.9),
  c(250, -0.25, 1, 0.05, 0.7),
  c(40000, 0.02, 1.3, 0.05, 0.5)
)
unknowns <- c("power", "n", "delta", "sd", "sig.level")
rows <- list()
for (type in c("two.sample", "one.sample", "paired"))
 for (alt in c("two.sided", "one.sided"))
  for (strict in c(FALSE, TRUE))
   for (ratio in if (type == "two.sample") c(1, 0.25, 3, 9, 1/9) else 1)
    for (s in t_scen) {
      if (alt == "one.sided" && s[2] < 0) next   # no solution with the wrong sign
      if (ratio * s[1] < 4) next                  # pwr.t2n.test needs n2 >= 2
      # choose a reachable target near the scenario's own power
      p0 <- t_power(s[1], s[2], s[3], s[4], type, alt, strict, ratio)
      target <- min(0.99, max(s[4] + 0.02, round(p0 * 0.9 + 0.05, 2)))
      for (u in unknowns) {
        r <- t_solve(u, s[1], s[2], s[3], s[4], target, type, alt, strict, ratio)
        inp <- c(n = s[1], delta = s[2], sd = s[3], sig.level = s[4], power = target)
        inp[[u]] <- NA
        rows[[length(rows) + 1]] <- data.frame(
          type = type, alternative = alt, strict = strict, ratio = g17(ratio),
          unknown = sub(".", "_", u, fixed = TRUE),
          n = g17(inp[["n"]]), delta = g17(inp[["delta"]]), sd = g17(inp[["sd"]]),
          sig_level = g17(inp[["sig.level"]]), power = g17(inp[["power"]]),
          e_n = g17(r[["n"]]), e_delta = g17(r[["delta"]]), e_sd = g17(r[["sd"]]),
          e_sig_level = g17(r[["sig.level"]]), e_power = g17(r[["power"]]))
      }
    }
write.csv(do.call(rbind, rows), file.path(out_dir, "power_t.csv"), row.names = FALSE, quote = FALSE)

## ---------------------------------------------------------- proportions
prop_power <- function(n, p1, p2, sig, alt, strict, ratio) {
  if (ratio == 1)
    return(power.prop.test(n = n, p1 = p1, p2 = p2, sig.level = sig,
                           alternative = alt, strict = strict)$power)
  tside <- if (alt == "two.sided") 2 else 1
  qu <- qnorm(sig / tside, lower.tail = FALSE)
  d <- abs(p1 - p2)
  pbar <- (p1 + ratio * p2) / (1 + ratio)
  s0 <- sqrt(pbar * (1 - pbar) * (1 + 1 / ratio))
  s1 <- sqrt(p1 * (1 - p1) + p2 * (1 - p2) / ratio)
  pw <- pnorm((sqrt(n) * d - qu * s0) / s1)
  if (strict && tside == 2) pw <- pw + pnorm((sqrt(n) * d + qu * s0) / s1, lower.tail = FALSE)
  pw
}
# the generalised formula must reduce to R's at ratio = 1
local({
  r1 <- function(n, p1, p2, sig, alt, strict) {
    tside <- if (alt == "two.sided") 2 else 1
    qu <- qnorm(sig / tside, lower.tail = FALSE); d <- abs(p1 - p2)
    pbar <- (p1 + p2) / 2; s0 <- sqrt(pbar * (1 - pbar) * 2)
    s1 <- sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    pw <- pnorm((sqrt(n) * d - qu * s0) / s1)
    if (strict && tside == 2) pw <- pw + pnorm((sqrt(n) * d + qu * s0) / s1, lower.tail = FALSE)
    pw
  }
  for (alt in c("two.sided", "one.sided")) for (strict in c(FALSE, TRUE)) {
    a <- r1(300, 0.1, 0.15, 0.05, alt, strict)
    b <- power.prop.test(n = 300, p1 = 0.1, p2 = 0.15, alternative = alt, strict = strict)$power
    stopifnot(abs(a - b) < 1e-14)
  }
})

prop_solve <- function(unknown, n, p1, p2, sig, power, alt, strict, ratio) {
  if (ratio == 1) {
    args <- list(n = n, p1 = p1, p2 = p2, sig.level = sig, power = power,
                 alternative = alt, strict = strict, tol = TOL)
    args[unknown] <- list(NULL)
    r <- do.call(power.prop.test, args)
    return(c(n = r$n, p1 = r$p1, p2 = r$p2, sig.level = r$sig.level, power = r$power))
  }
  f <- function(x) {
    a <- list(n = n, p1 = p1, p2 = p2, sig = sig)
    a[[if (unknown == "sig.level") "sig" else unknown]] <- x
    prop_power(a$n, a$p1, a$p2, a$sig, alt, strict, ratio) - power
  }
  x <- switch(unknown,
    power = prop_power(n, p1, p2, sig, alt, strict, ratio),
    n = uniroot(f, c(max(1, 1 / ratio) + 1, 1e7), tol = TOL, extendInt = "upX")$root,
    p1 = uniroot(f, c(0, p2), tol = TOL)$root,
    p2 = uniroot(f, c(p1, 1), tol = TOL)$root,
    sig.level = uniroot(f, c(1e-10, 1 - 1e-10), tol = TOL)$root)
  res <- c(n = n, p1 = p1, p2 = p2, sig.level = sig, power = power)
  res[[unknown]] <- x
  res
}

p_scen <- list(
  c(500, 0.10, 0.13, 0.05),
  c(2000, 0.02, 0.025, 0.05),
  c(50, 0.5, 0.75, 0.01),
  c(30000, 0.30, 0.31, 0.05),
  c(120, 0.6, 0.8, 0.1)
)
punknowns <- c("power", "n", "p1", "p2", "sig.level")
rows <- list()
for (alt in c("two.sided", "one.sided"))
 for (strict in c(FALSE, TRUE))
  for (ratio in c(1, 0.25, 3, 9, 1/9))
   for (s in p_scen) {
     p0 <- prop_power(s[1], s[2], s[3], s[4], alt, strict, ratio)
     target <- min(0.99, max(s[4] + 0.02, round(p0 * 0.9 + 0.05, 2)))
     for (u in punknowns) {
       r <- prop_solve(u, s[1], s[2], s[3], s[4], target, alt, strict, ratio)
       inp <- c(n = s[1], p1 = s[2], p2 = s[3], sig.level = s[4], power = target)
       inp[[u]] <- NA
       rows[[length(rows) + 1]] <- data.frame(
         alternative = alt, strict = strict, ratio = g17(ratio),
         unknown = sub(".", "_", u, fixed = TRUE),
         n = g17(inp[["n"]]), p1 = g17(inp[["p1"]]), p2 = g17(inp[["p2"]]),
         sig_level = g17(inp[["sig.level"]]), power = g17(inp[["power"]]),
         e_n = g17(r[["n"]]), e_p1 = g17(r[["p1"]]), e_p2 = g17(r[["p2"]]),
         e_sig_level = g17(r[["sig.level"]]), e_power = g17(r[["power"]]))
     }
   }
write.csv(do.call(rbind, rows), file.path(out_dir, "power_prop.csv"), row.names = FALSE, quote = FALSE)

## ---------------------------------------------------- noncentral t
# Only where R's pt() is a usable reference: |ncp| <= 37 and df <= 1000.
# df = 1e5 is left out: there R's pnt() computes log B(1/2, df/2) as
# lgamma(b) - lgamma(b + 1/2), which cancels to ~1e-10 absolute and makes
# R's own values wrong by up to ~2e-6 relative.  df > 4e5 (and |ncp| >
# 37.62) is left out: there R switches to the normal approximation of
# Abramowitz & Stegun 26.7.10, off by up to 3e-7 relative at df = 5e5.
# Those ranges are checked against mpmath (gen_noncentral_t_mp.py).
qs <- c(-50, -10, -3, -1, -0.1, 0, 0.1, 0.5, 1, 1.96, 3, 5, 10, 40, 100)
dfs <- c(0.5, 1, 2, 3, 5, 10, 29.5, 100, 1000)
ncps <- c(-37, -10, -3, -1, -0.2, 0.2, 1, 2.5, 5, 10, 20, 37)
g <- expand.grid(q = qs, df = dfs, ncp = ncps, lower_tail = c(TRUE, FALSE))
g$p <- suppressWarnings(mapply(function(q, df, ncp, l) pt(q, df, ncp, lower.tail = l),
                               g$q, g$df, g$ncp, g$lower_tail))
write.csv(data.frame(q = g17(g$q), df = g17(g$df), ncp = g17(g$ncp),
                     lower_tail = g$lower_tail, p = g17(g$p)),
          file.path(out_dir, "noncentral_t.csv"), row.names = FALSE, quote = FALSE)

## ------------------------------------------------- sample_size_check
# Welch power from observed variances, written here with R's pt/qt (there
# is no R function for it): two-sided, both tails, Welch-Satterthwaite df.
welch_power <- function(nt, nc, vt, vc, delta, sig) {
  at <- vt / nt; ac <- vc / nc; se2 <- at + ac
  df <- se2^2 / (at^2 / (nt - 1) + ac^2 / (nc - 1))
  ncp <- abs(delta) / sqrt(se2)
  qu <- qt(sig / 2, df, lower.tail = FALSE)
  pt(qu, df, ncp, lower.tail = FALSE) + pt(-qu, df, ncp, lower.tail = TRUE)
}
set.seed(20261125)
rows <- list()
for (i in 1:60) {
  nt <- sample(c(10, 57, 500, 3000, 20000, 150000), 1)
  nc <- if (i %% 3 == 0) nt else sample(c(10, 80, 500, 4000, 100000), 1)
  mt <- round(runif(1, 0, 20), 3); mc <- round(runif(1, 0.5, 20), 3)
  st <- round(runif(1, 0.2, 10), 3); sc <- if (i %% 4 == 0) st else round(runif(1, 0.2, 10), 3)
  relative <- i %% 2 == 0
  mde <- if (relative) round(runif(1, 0.01, 0.3), 3) else round(runif(1, 0.01, 3), 3)
  sig <- sample(c(0.01, 0.05, 0.1), 1); pw <- sample(c(0.8, 0.9, 0.95), 1)
  vt <- st^2; vc <- sc^2
  scale <- if (relative) abs(mc) else 1
  delta <- mde * scale
  k <- nt / nc
  f <- function(m) welch_power(k * m, m, vt, vc, delta, sig) - pw
  nmin <- max(2, 2 / k)
  m <- if (f(nmin) >= 0) nmin else uniroot(f, c(nmin, 1e7), tol = TOL, extendInt = "upX")$root
  at <- vt / nt; ac <- vc / nc; se2 <- at + ac
  df <- se2^2 / (at^2 / (nt - 1) + ac^2 / (nc - 1))
  g <- function(ncp) {
    qu <- qt(sig / 2, df, lower.tail = FALSE)
    pt(qu, df, ncp, lower.tail = FALSE) + pt(-qu, df, ncp) - pw
  }
  ncp <- uniroot(g, c(0, 10), tol = TOL, extendInt = "upX")$root
  rows[[i]] <- data.frame(
    n_t = sprintf("%.0f", nt), mean_t = g17(mt), sd_t = g17(st), n_c = sprintf("%.0f", nc),
    mean_c = g17(mc), sd_c = g17(sc),
    mde = g17(mde), relative = relative, sig_level = g17(sig), power = g17(pw),
    e_m = g17(m), e_n_required_treatment = sprintf("%.0f", ceiling(k * m)),
    e_n_required_control = sprintf("%.0f", ceiling(m)),
    e_power_now = g17(welch_power(nt, nc, vt, vc, delta, sig)),
    e_mde_now = g17(ncp * sqrt(se2) / scale))
}
write.csv(do.call(rbind, rows), file.path(out_dir, "sample_size_check.csv"), row.names = FALSE, quote = FALSE)
