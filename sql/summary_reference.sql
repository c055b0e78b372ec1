-- stats_summary accessors against R and exact (Rmpfr) reference values.
-- Data and expected values: test/reference/gen_samples.R (see its header).
--   kind 'well'/'degenerate': every accessor within 1e-10 relative of R,
--     NULL exactly where the statistic is undefined;
--   kind 'offset' (mean 1e6..1e9, tiny spread): our relative error against
--     the exact value at most max(R's own error, 1e-12);
--   NIST StRD NumAcc1-4: mean and sd log relative errors (LRE, capped at 15,
--     the digits NIST certifies) at least R's.
\getenv abs_srcdir PG_ABS_SRCDIR
\set csv :abs_srcdir '/test/reference/data/samples.csv'
CREATE TEMP TABLE ref_samples (sample_id text, value float8);
\set cmd '\\copy ref_samples FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/summary_expected.csv'
CREATE TEMP TABLE ref_summary (sample_id text, kind text, source text, n bigint,
	mean float8, var float8, sd float8, var_pop float8, sd_pop float8, sem float8,
	skewness float8, kurtosis float8, min float8, max float8,
	ci95_lower float8, ci95_upper float8, ci99_lower float8, ci99_upper float8);
\set cmd '\\copy ref_summary FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd
\set csv :abs_srcdir '/test/reference/data/nist_expected.csv'
CREATE TEMP TABLE ref_nist (sample_id text, certified_mean float8, certified_sd float8,
	r_mean float8, r_sd float8);
\set cmd '\\copy ref_nist FROM ' :'csv' ' WITH (FORMAT csv, HEADER)'
:cmd

-- one summary per sample, in file order (one-pass, as a user would)
CREATE TEMP TABLE ours AS
SELECT sample_id, stats_agg(value) AS s FROM ref_samples GROUP BY sample_id;

CREATE TEMP VIEW cmp AS
SELECT r.sample_id, r.kind, f.field, f.ours, f.r, f.exact
FROM ours o
JOIN ref_summary r ON r.sample_id = o.sample_id AND r.source = 'R'
JOIN ref_summary x ON x.sample_id = o.sample_id AND x.source = 'exact'
CROSS JOIN LATERAL (VALUES
	('n', n(o.s)::float8, r.n::float8, x.n::float8),
	('mean', mean(o.s), r.mean, x.mean),
	('variance', variance(o.s), r.var, x.var),
	('stddev', stddev(o.s), r.sd, x.sd),
	('var_pop', var_pop(o.s), r.var_pop, x.var_pop),
	('stddev_pop', stddev_pop(o.s), r.sd_pop, x.sd_pop),
	('sem', sem(o.s), r.sem, x.sem),
	('skewness', skewness(o.s), r.skewness, x.skewness),
	('kurtosis', kurtosis(o.s), r.kurtosis, x.kurtosis),
	('min_value', min_value(o.s), r.min, x.min),
	('max_value', max_value(o.s), r.max, x.max),
	('ci95_lower', (mean_ci(o.s)).lower, r.ci95_lower, x.ci95_lower),
	('ci95_upper', (mean_ci(o.s)).upper, r.ci95_upper, x.ci95_upper),
	('ci99_lower', (mean_ci(o.s, 0.99)).lower, r.ci99_lower, x.ci99_lower),
	('ci99_upper', (mean_ci(o.s, conf_level => 0.99)).upper, r.ci99_upper, x.ci99_upper)
) f(field, ours, r, exact);

-- every sample of the reference file was summarized
SELECT count(*) AS samples, sum(n(s)) AS values FROM ours;
SELECT count(*) AS missing FROM ref_summary r
WHERE NOT EXISTS (SELECT 1 FROM ours o WHERE o.sample_id = r.sample_id);

-- well-conditioned and degenerate samples: relative 1e-10 against R
SELECT count(*) AS checked,
	count(*) FILTER (WHERE ours IS NULL) AS expected_nulls
FROM cmp WHERE kind IN ('well', 'degenerate');
SELECT sample_id, field, ours, r
FROM cmp
WHERE kind IN ('well', 'degenerate')
	AND ((ours IS NULL) <> (r IS NULL) OR abs(ours - r) > 1e-10 * abs(r))
ORDER BY 1, 2;

-- large offsets: our error against the exact value is within 1e-12 relative
-- (R's own maximal error shown as a power of 10, -20 meaning exact)
SELECT field, count(*) AS checked,
	bool_and(abs(ours - exact) <= 1e-12 * abs(exact)) AS ours_within_1e_12,
	floor(log(greatest(max(abs(r - exact) / abs(exact)), 1e-20)::numeric)) AS r_log10_max_rel_error
FROM cmp WHERE kind = 'offset' AND exact <> 0
GROUP BY field ORDER BY field;
SELECT sample_id, field, ours, r, exact
FROM cmp
WHERE kind = 'offset'
	AND ((ours IS NULL) <> (exact IS NULL)
		 OR abs(ours - exact) > greatest(abs(r - exact), 1e-12 * abs(exact)))
ORDER BY 1, 2;

-- NIST StRD NumAcc1-4: certified mean and sd, LRE = -log10(relative error)
-- capped at 15 (NIST certifies 15 digits), ours at least R's
CREATE TEMP VIEW nist AS
SELECT r.sample_id,
	least(15, -log(greatest(abs(mean(o.s) - r.certified_mean) / abs(r.certified_mean), 1e-300)::numeric)) AS lre_mean_ours,
	least(15, -log(greatest(abs(r.r_mean - r.certified_mean) / abs(r.certified_mean), 1e-300)::numeric)) AS lre_mean_r,
	least(15, -log(greatest(abs(stddev(o.s) - r.certified_sd) / abs(r.certified_sd), 1e-300)::numeric)) AS lre_sd_ours,
	least(15, -log(greatest(abs(r.r_sd - r.certified_sd) / abs(r.certified_sd), 1e-300)::numeric)) AS lre_sd_r
FROM ref_nist r JOIN ours o USING (sample_id);
SELECT sample_id, lre_mean_ours >= lre_mean_r AS mean_as_accurate_as_r,
	lre_sd_ours >= lre_sd_r AS sd_as_accurate_as_r
FROM nist ORDER BY sample_id;
