
-- stats_agg(value) and rollup(stats_summary) move to the real-typed state
-- stats_agg_state (created above from sql/install/11_summary_state.sql), so
-- that Citus can push them down.  CREATE OR REPLACE keeps each aggregate's
-- identity, so users' views over them survive.  The same definitions as
-- sql/install/12_summary_agg.sql.
CREATE OR REPLACE AGGREGATE stats_agg(value float8) (
	SFUNC = stats_agg_state_transfn,
	STYPE = stats_agg_state,
	INITCOND = 'v1 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity',
	FINALFUNC = stats_agg_state_finalfn,
	COMBINEFUNC = stats_agg_state_combine,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE rollup(summary stats_summary) (
	SFUNC = stats_agg_state_rollup_transfn,
	STYPE = stats_agg_state,
	INITCOND = 'v1 n=0 mean=0 mean_lo=0 m2=0 m3=0 m4=0 min=Infinity max=-Infinity',
	FINALFUNC = stats_agg_state_finalfn,
	COMBINEFUNC = stats_agg_state_combine,
	PARALLEL = SAFE
);

-- 0.1.0's `internal`-state support functions are no longer used by any
-- aggregate.  They take `internal` arguments, so no user's query or view can
-- call them; drop them so an updated database has exactly the objects of a
-- fresh install.  (The library keeps their C symbols for databases that have
-- not been updated yet.)
DROP FUNCTION stats_agg_transfn(internal, float8);
DROP FUNCTION stats_summary_rollup_transfn(internal, stats_summary);
DROP FUNCTION stats_summary_combine(internal, internal);
DROP FUNCTION stats_summary_serialize(internal);
DROP FUNCTION stats_summary_deserialize(bytea, internal);
DROP FUNCTION stats_summary_finalfn(internal);
