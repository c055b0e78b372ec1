#!/usr/bin/python3
"""Reference values for prop_ci (sql/proportions.sql).

    /usr/bin/python3 test/reference/gen_prop_ci.py     (from the repository root)

needs Debian's python3-statsmodels; writes test/reference/data/prop_ci.csv
with statsmodels.stats.proportion.proportion_confint(x, n, alpha, method)
for every abstats method name (statsmodels' own name in brackets):
wilson, wald (normal), agresti-coull (agresti_coull),
clopper-pearson (beta), jeffreys.
"""
import csv

import statsmodels
from statsmodels.stats.proportion import proportion_confint

METHODS = [("wilson", "wilson"), ("wald", "normal"), ("agresti-coull", "agresti_coull"),
           ("clopper-pearson", "beta"), ("jeffreys", "jeffreys")]
CASES = [(0, 1), (1, 1), (0, 10), (10, 10), (1, 10), (9, 10), (5, 10), (3, 7),
         (0, 100), (100, 100), (1, 100), (17, 100), (50, 100), (683, 1000),
         (2, 10000), (4321, 10000), (0, 1000000), (1000000, 1000000), (12, 1000000),
         (123456, 1000000), (999990, 1000000), (2500000, 5000000), (3141592, 9999991)]
CONF = [0.95, 0.9, 0.99, 0.5]


def num(v):
    return "%.17g" % float(v)


with open("test/reference/data/prop_ci.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["x", "n", "conf_level", "method", "lower", "upper"])
    for x, n in CASES:
        for conf in CONF:
            for name, sm in METHODS:
                lo, hi = proportion_confint(x, n, alpha=1 - conf, method=sm)
                w.writerow([x, n, conf, name, num(lo), num(hi)])
print("statsmodels", statsmodels.__version__)
