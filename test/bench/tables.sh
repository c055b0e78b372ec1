#!/usr/bin/env bash
# test/bench/tables.sh: how long fisher_test takes at large totals, and the
# largest relative differences from R over the reference data of the
# tables/health tests (a measurement, not a test).
#
# Usage: bash test/bench/tables.sh
set -u
. "$(dirname "$0")/../lib.sh"
cd "$ABSTATS_TOP"
abstats_deps || exit 1
exec 9>/tmp/abstats-test.lock
flock 9
abstats_build_install || exit 1
abstats_start "$ABSTATS_TOP/.abstats/bench" || exit 1
trap abstats_stop EXIT

PGDATABASE=postgres psql -X -q -v ON_ERROR_STOP=1 -v abs_srcdir="$ABSTATS_TOP" <<'SQL'
CREATE EXTENSION abstats;
\echo '== fisher_test timings (each: p-value, odds ratio and two-sided interval)'
\timing on
\echo total 10^6, balanced
SELECT * FROM fisher_test(250000, 251000, 249000, 250000);
\echo total 10^6, rare events (0.5% vs 0.6%)
SELECT * FROM fisher_test(2500, 497500, 3000, 497000);
\echo total 10^9, balanced
SELECT * FROM fisher_test(250000000, 250010000, 249990000, 250000000);
\echo total 10^9, rare events (0.1% vs 0.1001%)
SELECT * FROM fisher_test(500000, 499500000, 500500, 499499500);
\echo total 10^12, balanced
SELECT * FROM fisher_test(250000000000, 250000100000, 249999900000, 250000000000);
\echo total 2*10^12, extreme (x at the edge of the support)
SELECT * FROM fisher_test(1000000000000, 1, 1, 1000000000000);
\timing off

\echo '== largest relative differences from R'
CREATE FUNCTION pg_temp.rel(x float8, r float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS
	$$ SELECT CASE WHEN x = r OR (x IS NULL AND r IS NULL) THEN 0 ELSE abs(x - r) / greatest(abs(x), abs(r)) END $$;
CREATE TEMP TABLE ref_chisq (observed text, p text, correct boolean, statistic float8, df float8, p_value float8);
\set csv :abs_srcdir '/test/reference/data/chisq.csv'
\set cmd '\\copy ref_chisq FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT 'chisq_test' AS f, count(*) AS cases,
	max(pg_temp.rel(t.statistic, r.statistic)) FILTER (WHERE r.statistic > 1e-10) AS statistic,
	max(pg_temp.rel(t.p_value, r.p_value)) AS p_value
FROM ref_chisq r, chisq_test(r.observed::bigint[], r.p::float8[], r.correct) t;
CREATE TEMP TABLE ref_fisher (a bigint, b bigint, c bigint, d bigint, alternative text,
	conf_level float8, p_value float8, odds_ratio float8, ci_lower float8, ci_upper float8,
	odds_ratio_r float8, ci_lower_r float8, ci_upper_r float8);
\set csv :abs_srcdir '/test/reference/data/fisher.csv'
\set cmd '\\copy ref_fisher FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT 'fisher_test' AS f, count(*) AS cases, max(pg_temp.rel(t.p_value, r.p_value)) AS p_value,
	max(pg_temp.rel(t.odds_ratio, r.odds_ratio)) AS odds_ratio,
	max(greatest(pg_temp.rel(t.ci_lower, r.ci_lower), pg_temp.rel(t.ci_upper, r.ci_upper))) AS ci,
	max(pg_temp.rel(t.odds_ratio, r.odds_ratio_r)) AS odds_ratio_vs_shipped_r,
	max(greatest(pg_temp.rel(t.ci_lower, r.ci_lower_r), pg_temp.rel(t.ci_upper, r.ci_upper_r))) AS ci_vs_shipped_r
FROM ref_fisher r, fisher_test(r.a, r.b, r.c, r.d, r.alternative, r.conf_level) t;
CREATE TEMP TABLE ref_srm (observed text, weights text, threshold float8, statistic float8, df float8, p_value float8, mismatch boolean);
\set csv :abs_srcdir '/test/reference/data/srm.csv'
\set cmd '\\copy ref_srm FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT 'srm_test' AS f, count(*) AS cases, max(pg_temp.rel(t.statistic, r.statistic)) AS statistic,
	max(pg_temp.rel(t.p_value, r.p_value)) AS p_value, count(*) FILTER (WHERE t.mismatch <> r.mismatch) AS mismatch_differs
FROM ref_srm r, srm_test(r.observed::bigint[], r.weights::float8[], r.threshold) t;
CREATE TEMP TABLE ref_samples (case_id int, cell int, value float8);
\set csv :abs_srcdir '/test/reference/data/interaction_samples.csv'
\set cmd '\\copy ref_samples FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
CREATE TEMP TABLE ref_interaction (case_id int, alternative text, conf_level float8, estimate float8, std_error float8,
	statistic float8, df float8, p_value float8, ci_lower float8, ci_upper float8);
\set csv :abs_srcdir '/test/reference/data/interaction.csv'
\set cmd '\\copy ref_interaction FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
SELECT 'interaction_test' AS f, mean(c.a0b0) > 1e5 AS offset_1e6, count(*) AS cases,
	max(pg_temp.rel(t.estimate, r.estimate)) AS estimate, max(pg_temp.rel(t.std_error, r.std_error)) AS std_error,
	max(pg_temp.rel(t.df, r.df)) AS df, max(pg_temp.rel(t.p_value, r.p_value)) AS p_value,
	max(greatest(pg_temp.rel(t.ci_lower, r.ci_lower), pg_temp.rel(t.ci_upper, r.ci_upper))) AS ci
FROM ref_interaction r JOIN (SELECT case_id,
		stats_agg(value) FILTER (WHERE cell = 0) AS a0b0, stats_agg(value) FILTER (WHERE cell = 1) AS a0b1,
		stats_agg(value) FILTER (WHERE cell = 2) AS a1b0, stats_agg(value) FILTER (WHERE cell = 3) AS a1b1
	FROM ref_samples GROUP BY case_id) c USING (case_id),
	interaction_test(c.a0b0, c.a0b1, c.a1b0, c.a1b1, r.alternative, r.conf_level) t
GROUP BY 2 ORDER BY 2;
SQL
