#!/usr/bin/env bash
# test/bench/bench_proportions.sh: timings of binom_test / prop_test / prop_ci
# at large counts, and the measured agreement with the reference values.
#
# A benchmark, not a timed test (test/run does not run it).  Like test/run it
# builds and installs abstats under the machine-wide lock and starts a
# throwaway server (under .abstats/bench-props), then:
#   - times each call (median-free: the mean of BENCH_REPS calls after one
#     warm-up call) for n = 1e6, 1e9, 1e12 at a count near the mean (the
#     slowest case: the tails are summed over ~9 standard deviations) and in
#     a far tail;
#   - prints the largest relative difference from R / statsmodels of every
#     field over the reference CSVs of sql/proportions.sql.
#
# Usage: bash test/bench/bench_proportions.sh
set -u
. "$(dirname "$0")/../lib.sh"
cd "$ABSTATS_TOP"

REPS=${BENCH_REPS:-5}

abstats_deps || exit 1
exec 9>/tmp/abstats-test.lock
flock 9
abstats_build_install || exit 1
abstats_start "$ABSTATS_TOP/.abstats/bench-props" || exit 1
trap abstats_stop EXIT

psql -X -q -d postgres -v ON_ERROR_STOP=1 -v reps="$REPS" \
	-v abs_srcdir="$ABSTATS_TOP" <<'SQL'
CREATE EXTENSION abstats;
\pset footer off
CREATE FUNCTION pg_temp.ms(q text, reps int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz; i int;
BEGIN
	EXECUTE q;					-- warm-up
	t0 := clock_timestamp();
	FOR i IN 1..reps LOOP EXECUTE q; END LOOP;
	RETURN round((extract(epoch FROM clock_timestamp() - t0) * 1000 / reps)::numeric, 3);
END $$;

\echo 'milliseconds per call'
SELECT n, x, p,
	pg_temp.ms(format('SELECT binom_test(%s, %s, %s)', x, n, p), :reps) AS binom_test_ms,
	pg_temp.ms(format('SELECT binom_test(%s, %s, %s, ''less'')', x, n, p), :reps) AS binom_less_ms,
	pg_temp.ms(format('SELECT prop_ci(%s, %s, method => ''clopper-pearson'')', x, n), :reps) AS clopper_pearson_ms,
	pg_temp.ms(format('SELECT prop_ci(%s, %s, method => ''jeffreys'')', x, n), :reps) AS jeffreys_ms,
	pg_temp.ms(format('SELECT prop_test(%s, %s, %s, %s)', x, n, x, n), :reps) AS prop_test_ms
FROM (VALUES (1000000::bigint, 499800::bigint, 0.5::float8), (1000000, 480000, 0.5),
			 (1000000, 300100, 0.3),
			 (1000000000, 499990000, 0.5), (1000000000, 499000000, 0.5),
			 (1000000000, 300010000, 0.3),
			 (1000000000000, 499999000000, 0.5), (1000000000000, 499990000000, 0.5),
			 (1000000000000, 300000200000, 0.3)) v(n, x, p);

-- agreement with the reference values
\set csv :abs_srcdir '/test/reference/data/prop_test2.csv'
CREATE TEMP TABLE ref_prop_test2 (x1 bigint, n1 bigint, x2 bigint, n2 bigint,
	alternative text, conf_level float8, correct boolean, ci_method text,
	statistic float8, p_value float8, estimate1 float8, estimate2 float8,
	ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_prop_test2 FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/prop_test1.csv'
CREATE TEMP TABLE ref_prop_test1 (x bigint, n bigint, p float8, alternative text,
	conf_level float8, correct boolean, statistic float8, p_value float8,
	estimate float8, ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_prop_test1 FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/binom_test.csv'
CREATE TEMP TABLE ref_binom_test (x bigint, n bigint, p float8, alternative text,
	conf_level float8, p_value float8, estimate float8, ci_lower float8, ci_upper float8);
\set cmd '\\copy ref_binom_test FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/prop_ci.csv'
CREATE TEMP TABLE ref_prop_ci (x bigint, n bigint, conf_level float8, method text,
	lower float8, upper float8);
\set cmd '\\copy ref_prop_ci FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE FUNCTION pg_temp.rel(a float8, b float8) RETURNS float8 LANGUAGE sql AS $$
	SELECT CASE WHEN a IS NULL AND b IS NULL THEN 0 WHEN a = b THEN 0
		ELSE abs(a - b) / greatest(abs(a), abs(b)) END $$;
\echo 'largest relative difference from the reference (nonzero bounds and statistics only)'
SELECT 'prop_test two-sample' AS function, ci_method AS variant, count(*) AS cases,
	max(pg_temp.rel((g).p_value, p_value)) AS p_value,
	max(pg_temp.rel((g).statistic, statistic)) FILTER (WHERE abs(statistic) > 1e-9) AS statistic,
	max(greatest(pg_temp.rel((g).ci_lower, ci_lower), pg_temp.rel((g).ci_upper, ci_upper)))
		FILTER (WHERE abs(ci_lower) > 1e-15 AND abs(ci_upper) > 1e-15) AS ci
FROM (SELECT r.*, prop_test(x1, n1, x2, n2, alternative, conf_level, correct, ci_method) g
	  FROM ref_prop_test2 r) q GROUP BY ci_method
UNION ALL
SELECT 'prop_test one-sample', 'wilson', count(*),
	max(pg_temp.rel((g).p_value, p_value)),
	max(pg_temp.rel((g).statistic, statistic)) FILTER (WHERE abs(statistic) > 1e-9),
	max(greatest(pg_temp.rel((g).ci_lower, ci_lower), pg_temp.rel((g).ci_upper, ci_upper)))
		FILTER (WHERE abs(ci_lower) > 1e-15)
FROM (SELECT r.*, prop_test(x, n, p, alternative, conf_level, correct) g FROM ref_prop_test1 r) q
UNION ALL
SELECT 'binom_test', 'clopper-pearson', count(*),
	max(pg_temp.rel((g).p_value, p_value)), NULL,
	max(greatest(pg_temp.rel((g).ci_lower, ci_lower), pg_temp.rel((g).ci_upper, ci_upper)))
		FILTER (WHERE abs(ci_lower) > 1e-15)
FROM (SELECT r.*, binom_test(x, n, p, alternative, conf_level) g FROM ref_binom_test r) q
UNION ALL
SELECT 'prop_ci', method, count(*), NULL, NULL,
	max(greatest(pg_temp.rel((g).lower, lower), pg_temp.rel((g).upper, upper)))
		FILTER (WHERE abs(lower) > 1e-15)
FROM (SELECT r.*, prop_ci(x, n, conf_level, method) g FROM ref_prop_ci r) q GROUP BY method
ORDER BY 1, 2;
SQL
