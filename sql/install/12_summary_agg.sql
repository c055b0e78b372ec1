-- ---------------------------------------------------------------------
-- stats_agg(value) and rollup(stats_summary)
-- (sql/update/0.1.0--0.2.0.sql switches 0.1.0's definitions to the same.)
-- ---------------------------------------------------------------------

CREATE AGGREGATE stats_agg(value float8) (
	SFUNC = stats_agg_state_transfn,
	STYPE = stats_agg_state,
	INITCOND = 'v1 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity',
	FINALFUNC = stats_agg_state_finalfn,
	COMBINEFUNC = stats_agg_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE stats_agg(float8) IS
	'one-pass summary (n, mean, M2..M4, min, max) of the non-NULL values; NULL for no rows';

CREATE AGGREGATE rollup(summary stats_summary) (
	SFUNC = stats_agg_state_rollup_transfn,
	STYPE = stats_agg_state,
	INITCOND = 'v1 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity',
	FINALFUNC = stats_agg_state_finalfn,
	COMBINEFUNC = stats_agg_state_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(stats_summary) IS
	'merge stored summaries (e.g. daily rows of a materialized view) into one';
