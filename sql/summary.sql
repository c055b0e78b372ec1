-- stats_summary: construction, accessors, text round trip
SELECT stats_agg(x) FROM (VALUES (1.0::float8), (2), (3), (NULL)) v(x);
SELECT n(s), mean(s), variance(s), stddev(s), var_pop(s), skewness(s), kurtosis(s), min_value(s), max_value(s)
FROM (SELECT stats_agg(x) s FROM generate_series(1, 10) x) q;
SELECT (mean_ci(stats_agg(x))).* FROM generate_series(1, 10) x;
SELECT stats_agg(x) FROM generate_series(1, 0) x;
SELECT stats_summary(100, 5, 2);
SELECT 'v1 n=3 mean=2 m2=2 m3=0 m4=2 min=1 max=3'::stats_summary;
