#!/usr/bin/python3
"""test/fuzz/gen_calls.py: write the adversarial probe calls, one SQL
expression per line, to stdout.  Each line is: family<TAB>expression.
Run them with test/fuzz/run.sh."""
import itertools

F = ["'NaN'", "'Infinity'", "'-Infinity'", "0", "'-0'", "-1", "1e-320",
     "1e-10", "0.5", "1", "2", "3.7", "1e15", "1e308", "-1e308"]
F = [f + "::float8" for f in F]
P = ["'NaN'::float8", "0::float8", "1e-320::float8", "1e-300::float8", "1e-10::float8",
     "0.5::float8", "0.975::float8", "1::float8", "1.5::float8", "-1::float8",
     "'Infinity'::float8"]
B = ["true", "false"]
I = ["0", "1", "2", "-1", "5", "1000", "4611686018427387904", "9223372036854775807"]
ALT = ["'two-sided'", "'less'", "'greater'", "'bogus'"]

out = []
def emit(fam, expr):
    out.append(fam + "\t" + expr)

# distributions: every float argument over F (probabilities over P)
dists = {
    "norm": 2, "t": 1, "chisq": 1, "f": 2, "beta": 2, "binom": 2, "pois": 1,
}
for d, k in dists.items():
    for pre in "pqd":
        name = ("d" + d) if not (pre == "d" and d == "f") else "df"
        name = pre + d
        first = P if pre == "q" else F
        for args in itertools.product(first, *([F] * k)):
            tails = [""] if pre == "d" else [", true", ", false"]
            for t in tails:
                emit("dist", "%s(%s%s)" % (name, ", ".join(args), t))
# noncentral t
for args in itertools.product(F, F, F):
    for t in B:
        emit("dist", "pt(%s, %s)" % (", ".join(args), t))

# summaries
S = []
for n in ["0", "1", "2", "3", "1000", "4611686018427387904", "9223372036854775807", "-1"]:
    for m in ["0", "1e308", "'NaN'", "'Infinity'", "-1e308", "1e-320"]:
        for sd in ["0", "1", "1e-320", "1e308", "1e154", "'NaN'", "'Infinity'", "-1"]:
            S.append("stats_summary(%s, %s, %s)" % (n, m, sd))
for s in S:
    emit("summary", s)
    for acc in ["n", "mean", "variance", "stddev", "var_pop", "stddev_pop", "sem",
                "skewness", "kurtosis", "min_value", "max_value"]:
        emit("summary", "%s(%s)" % (acc, s))
    emit("summary", "mean_ci(%s)" % s)
    emit("summary", "t_test(%s)" % s)
    emit("summary", "t_test(%s, mu => 1e308)" % s)
    emit("summary", "t_test(%s, conf_level => 1e-300)" % s)
# a subset of pairs for two-sample functions
S2 = [s for s in S if ("NaN" not in s and "Infinity" not in s and ", -1)" not in s and "(-1" not in s)]
import random
random.seed(1)
pairs = list(itertools.product(S2, S2))
random.shuffle(pairs)
for a, b in pairs[:4000]:
    emit("two", "t_test(%s, %s)" % (a, b))
    emit("two", "t_test(%s, %s, equal_var => true)" % (a, b))
    emit("two", "sample_size_check(%s, %s, 0.1)" % (a, b))
    emit("two", "sample_size_check(%s, %s, 0.1, relative => true)" % (a, b))
for a, b in pairs[:300]:
    emit("two", "interaction_test(%s, %s, %s, %s)" % (a, b, b, a))

# proportions
for x, n in itertools.product(I, I):
    for p in P:
        emit("prop", "prop_test(%s, %s, %s)" % (x, n, p))
        emit("prop", "binom_test(%s, %s, %s)" % (x, n, p))
    for m in ["'wilson'", "'exact'", "'wald'", "'agresti-coull'", "'jeffreys'", "'clopper-pearson'"]:
        for c in ["0.95", "1e-300", "0.9999999999"]:
            emit("prop", "prop_ci(%s, %s, %s, %s)" % (x, n, c, m))
for x1, n1, x2, n2 in itertools.product(I, I, I, I):
    emit("prop2", "prop_test(%s, %s, %s, %s)" % (x1, n1, x2, n2))
    emit("prop2", "prop_test(%s, %s, %s, %s, correct => true)" % (x1, n1, x2, n2))
    emit("prop2", "fisher_test(%s, %s, %s, %s)" % (x1, n1, x2, n2))
for x1, n1, x2, n2 in itertools.product(I[:6], I[:6], I[:6], I[:6]):
    for alt in ALT[1:3]:
        emit("prop2", "fisher_test(%s, %s, %s, %s, %s)" % (x1, n1, x2, n2, alt))
        emit("prop2", "prop_test(%s, %s, %s, %s, %s)" % (x1, n1, x2, n2, alt))

# arrays
ARR = ["'{}'::bigint[]", "'{1}'::bigint[]", "'{0,0}'::bigint[]", "'{1,NULL}'::bigint[]",
       "'{-1,5}'::bigint[]", "'{9223372036854775807,9223372036854775807}'::bigint[]",
       "'{4611686018427387904,1}'::bigint[]", "'{{1,2},{3,4}}'::bigint[]",
       "'{{1,2,3},{4,5,6}}'::bigint[]", "'{{0,0},{0,5}}'::bigint[]", "'{{{1}}}'::bigint[]",
       "array_fill(1::bigint, ARRAY[100000])", "array_fill(1::bigint, ARRAY[1000,1000])",
       "'[5:6]={1,2}'::bigint[]", "'{5,7}'::bigint[]", "NULL::bigint[]",
       "'{{9223372036854775807,1},{1,9223372036854775807}}'::bigint[]"]
PA = ["NULL::float8[]", "'{}'::float8[]", "'{0.5,0.5}'::float8[]", "'{NaN,1}'::float8[]",
      "'{Infinity,1}'::float8[]", "'{-1,2}'::float8[]", "'{0,1}'::float8[]", "'{1e-320,1}'::float8[]",
      "'{1e308,1e308}'::float8[]", "'{1,NULL}'::float8[]", "'{1}'::float8[]", "'{1,2,3}'::float8[]"]
for a in ARR:
    for p in PA:
        emit("arr", "chisq_test(%s, %s)" % (a, p))
        emit("arr", "srm_test(%s, %s)" % (a, p))
    for th in ["'NaN'::float8", "0::float8", "1::float8", "-1::float8", "NULL::float8"]:
        emit("arr", "srm_test(%s, threshold => %s)" % (a, th))
    emit("arr", "chisq_test(%s, correct => false)" % a)
    emit("arr", "chisq_test(%s, correct => NULL)" % a)

# power
PF = ["NULL", "'NaN'::float8", "'Infinity'::float8", "0::float8", "-1::float8", "1e-320::float8",
      "1e-10::float8", "0.5::float8", "1::float8", "2::float8", "1e15::float8", "1e308::float8"]
PP = ["NULL", "'NaN'::float8", "0::float8", "1e-300::float8", "0.05::float8", "0.8::float8",
      "0.999999999999::float8", "1::float8"]
for n, d, sd, sig, pw in itertools.product(PF, PF, ["1::float8", "1e-320::float8", "1e308::float8", "'NaN'::float8", "0::float8"], PP, PP):
    if sum(v == "NULL" for v in (n, d, sig, pw)) != 1 and random.random() > 0.05:
        continue
    for typ in ["'two.sample'", "'one.sample'", "'paired'"]:
        emit("power", "power_t_test(n => %s, delta => %s, sd => %s, sig_level => %s, power => %s, type => %s)" % (n, d, sd, sig, pw, typ))
for n, r in itertools.product(PF, ["1::float8", "1e-10::float8", "1e10::float8", "'NaN'::float8", "0::float8"]):
    for d, pw in itertools.product(PF, PP):
        if (n == "NULL") + (d == "NULL") + (pw == "NULL") != 1:
            continue
        emit("power", "power_t_test(n => %s, delta => %s, power => %s, ratio => %s)" % (n, d, pw, r))
        emit("power", "power_t_test(n => %s, delta => %s, power => %s, ratio => %s, strict => true, alternative => 'two-sided')" % (n, d, pw, r))
PR = ["NULL", "'NaN'::float8", "0::float8", "1e-320::float8", "1e-10::float8", "0.5::float8", "0.50000001::float8", "1::float8", "2::float8"]
for n, p1, p2, sig, pw in itertools.product(PF, PR, PR, PP, PP):
    if sum(v == "NULL" for v in (n, p1, p2, sig, pw)) != 1 and random.random() > 0.05:
        continue
    emit("power", "power_prop_test(n => %s, p1 => %s, p2 => %s, sig_level => %s, power => %s)" % (n, p1, p2, sig, pw))
    emit("power", "power_prop_test(n => %s, p1 => %s, p2 => %s, sig_level => %s, power => %s, ratio => 1e-10)" % (n, p1, p2, sig, pw))
    emit("power", "power_prop_test(n => %s, p1 => %s, p2 => %s, sig_level => %s, power => %s, strict => true)" % (n, p1, p2, sig, pw))
for n, d in itertools.product(PF, PF):
    for st in ["21", "1", "0", "-1", "2", "1000000", "2147483647"]:
        emit("curve", "power_curve(n => %s, delta => %s, steps => %s)" % (n, d, st))
        emit("curve", "power_curve(n => %s, delta_from => %s, delta_to => 1e308, steps => %s)" % (n, d, st))
        emit("curve", "power_curve(delta => %s, n_from => %s, n_to => 1e15, steps => %s)" % (d, n, st))

power = [l for l in out if l.startswith("power\t")]
out = [l for l in out if not l.startswith("power\t")] + random.sample(power, 12000)
print("\n".join(out))
