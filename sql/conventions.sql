-- The written conventions (README "Reading results"), checked against the
-- catalog so that no result type or function can drift from them.  Every
-- query below lists violations: an empty result is a pass.

CREATE TEMP VIEW ext_objects AS
SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON d.refobjid = e.oid
WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'abstats' AND d.deptype = 'e';

-- Test result types: composite types named *test_result, except the
-- results of designs (power, sample size), which are not tests.
CREATE TEMP VIEW result_attrs AS
SELECT t.typname AS type, a.attnum AS pos, a.attname AS name,
	format_type(a.atttypid, a.atttypmod) AS type_of,
	max(a.attnum) OVER (PARTITION BY t.typname) AS natts
FROM ext_objects o
JOIN pg_type t ON o.classid = 'pg_type'::regclass AND t.oid = o.objid AND t.typtype = 'c'
JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
WHERE t.typname LIKE '%test\_result'
  AND t.typname NOT IN ('power_t_test_result', 'power_prop_test_result');

-- The shared fields, in their order; a result has those it needs.
CREATE TEMP TABLE canonical (name text PRIMARY KEY, rank int, type_of text);
INSERT INTO canonical VALUES
	('statistic', 1, 'double precision'), ('df', 2, 'double precision'),
	('df1', 2, 'double precision'), ('df2', 3, 'double precision'),
	('p_value', 4, 'double precision'), ('estimate', 5, 'double precision'),
	('ci_lower', 6, 'double precision'), ('ci_upper', 7, 'double precision'),
	('std_error', 8, 'double precision'), ('rel_estimate', 9, 'double precision'),
	('rel_ci_lower', 10, 'double precision'), ('rel_ci_upper', 11, 'double precision'),
	('rel_std_error', 12, 'double precision'), ('rel_ci_kind', 13, 'text');

-- 0.1.0's result types predate the convention and can only grow by
-- appending; the README lists them field by field, and so does this test.
CREATE TEMP TABLE legacy (type text PRIMARY KEY, fields text);
INSERT INTO legacy VALUES
	('t_test_result', 'statistic, df, p_value, estimate, ci_lower, ci_upper, std_error, method'),
	('prop_test_result', 'statistic, p_value, estimate1, estimate2, estimate, ci_lower, ci_upper, method'),
	('binom_test_result', 'p_value, estimate, ci_lower, ci_upper, method'),
	('chisq_test_result', 'statistic, df, p_value, method'),
	('fisher_test_result', 'p_value, odds_ratio, ci_lower, ci_upper, method'),
	('srm_test_result', 'statistic, df, p_value, mismatch, method'),
	('interaction_test_result', 'estimate, std_error, statistic, df, p_value, ci_lower, ci_upper, method');

-- 1. method is the last field, of type text.
SELECT type, name AS last_field, type_of FROM result_attrs
WHERE pos = natts AND (name <> 'method' OR type_of <> 'text');

-- 2. shared fields have their type.
SELECT r.type, r.name, r.type_of, c.type_of AS expected
FROM result_attrs r JOIN canonical c USING (name) WHERE r.type_of <> c.type_of;

-- 3. shared fields come in the order of the convention, before any
-- family-specific field (0.1.0's types are checked against their list).
SELECT r.type, r.name, r.pos FROM result_attrs r
LEFT JOIN canonical c USING (name)
WHERE r.type NOT IN (SELECT type FROM legacy) AND r.name <> 'method' AND (
	-- a shared field after a later shared field or after a family field
	EXISTS (SELECT 1 FROM result_attrs r2 LEFT JOIN canonical c2 USING (name)
			WHERE r2.type = r.type AND r2.pos < r.pos AND r2.name <> 'method'
			  AND c.rank IS NOT NULL AND (c2.rank IS NULL OR c2.rank >= c.rank)));

-- 4. no synonyms of the shared names.
SELECT type, name FROM result_attrs
WHERE name IN ('pvalue', 'p', 'pval', 'p_val', 'se', 'stderr', 'std_err', 'lower', 'upper',
			   'conf_low', 'conf_high', 'ci_low', 'ci_high', 'lower_bound', 'upper_bound',
			   't', 'z', 'f', 'w', 'stat', 'test_statistic', 'dof', 'parameter', 'effect',
			   'relative_estimate', 'lift', 'rel_lower', 'rel_upper', 'description');

-- 5. 0.1.0's types are exactly as the README lists them.
SELECT l.type, l.fields AS documented, r.fields AS actual
FROM legacy l LEFT JOIN (SELECT type, string_agg(name, ', ' ORDER BY pos) AS fields
						 FROM result_attrs GROUP BY type) r USING (type)
WHERE r.fields IS DISTINCT FROM l.fields;

-- Every function, aggregate, type and operator has a comment; nothing is
-- SECURITY DEFINER; every function is PARALLEL SAFE.
SELECT pg_describe_object(classid, objid, 0) AS without_comment FROM ext_objects
WHERE classid IN ('pg_proc'::regclass, 'pg_type'::regclass, 'pg_operator'::regclass)
  AND obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)) IS NULL
  -- array types and composite types' row types are created implicitly
  AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE classid = 'pg_type'::regclass AND t.oid = objid
				  AND (t.typelem <> 0 AND t.typlen = -1))
ORDER BY 1;
SELECT p.oid::regprocedure AS security_definer FROM ext_objects o
JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND p.oid = o.objid WHERE p.prosecdef;
SELECT p.oid::regprocedure AS not_parallel_safe FROM ext_objects o
JOIN pg_proc p ON o.classid = 'pg_proc'::regclass AND p.oid = o.objid WHERE p.proparallel <> 's';
