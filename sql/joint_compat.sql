-- 0.1.0 calls with untyped literals keep their meaning now that n(),
-- mean(), variance() and rollup() also take a joint_summary: stats_summary
-- is the preferred type of its category, so an unknown literal resolves to
-- it.  A joint_summary literal needs its type written out.

-- which function each call resolved to (a view keeps the calls as parsed).
-- (variance('...') and stddev('...') with an untyped literal were already
-- ambiguous in 0.1.0, with PostgreSQL's own variance and stddev aggregates,
-- and so was t_test('...', '...'), with its one- and two-sample forms.)
CREATE TEMP VIEW calls AS
SELECT n('v1 n=3 mean=2 m2=2') AS n, mean('v1 n=3 mean=2 m2=2') AS mean,
	skewness('v1 n=3 mean=2 m2=2 m3=0 m4=2') AS skewness,
	(SELECT rollup('v1 n=1 mean=0 m2=0')) AS rollup,
	(SELECT n(rollup('v1 n=2 mean=3 m2=2')) FROM generate_series(1, 3)) AS n_rollup;
SELECT pg_get_viewdef('calls'::regclass);
SELECT * FROM calls;

-- the joint forms, with the type written out
SELECT n('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]'::joint_summary),
	mean('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]'::joint_summary, 2),
	variance('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]'::joint_summary, 1),
	rollup(s) FROM (VALUES ('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]'::joint_summary)) v(s) GROUP BY s;
-- mean(s, i) and variance(s, i) take two arguments, so even an untyped
-- literal with a metric number is read as a joint_summary
SELECT mean('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]', 2),
	variance('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]', 1),
	covariance('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]', 1, 2);
-- without the type, a one-argument call reads the literal as a stats_summary
SELECT n('v1 k=2 n=3 mean=[1,2] c=[[2,1],[2]]');
