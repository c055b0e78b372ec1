-- abstats 0.1.0 -> 0.2.0.
-- This file is assembled from the files listed in sql/update/0.1.0--0.2.0.list
-- at build time: this one (changes to objects that 0.1.0 already had), then
-- the install fragments that are wholly new in 0.2.0.
--
-- Users' views and tables may depend on everything 0.1.0 created, so this
-- script only appends: it adds attributes at the end of result types
-- (ALTER TYPE ... ADD ATTRIBUTE), replaces aggregates in place (CREATE OR
-- REPLACE AGGREGATE keeps their identity), and never drops or renames
-- anything a user's object can depend on, and never uses CASCADE.

\echo Use "ALTER EXTENSION abstats UPDATE TO '0.2.0'" to load this file. \quit

-- stats_summary becomes the preferred type of its category, so that untyped
-- literals in 0.1.0 calls such as n('v1 n=1 mean=0 m2=0') keep resolving to
-- it once 0.2.0 adds overloads for other types (a fresh install says
-- PREFERRED = true in CREATE TYPE; ALTER TYPE cannot change it).
UPDATE pg_catalog.pg_type SET typispreferred = true
WHERE oid = 'stats_summary'::pg_catalog.regtype;

-- ---------------------------------------------------------------------
-- Result types of 0.1.0 without `method` get it appended (README
-- "Reading results"); their C functions fill as many fields as the type
-- has, so the new library serves both versions.  (edges)
-- ---------------------------------------------------------------------
ALTER TYPE binom_test_result ADD ATTRIBUTE method text;
COMMENT ON TYPE binom_test_result IS
	'result of binom_test: exact p-value, x / n and its Clopper-Pearson interval, method';
ALTER TYPE chisq_test_result ADD ATTRIBUTE method text;
COMMENT ON TYPE chisq_test_result IS 'result of chisq_test(): Pearson''s X-squared, its degrees of freedom and p-value, method';
ALTER TYPE fisher_test_result ADD ATTRIBUTE method text;
COMMENT ON TYPE fisher_test_result IS 'result of fisher_test(): p-value, conditional MLE of the odds ratio and its exact confidence interval, method';
ALTER TYPE srm_test_result ADD ATTRIBUTE method text;
COMMENT ON TYPE srm_test_result IS 'result of srm_test(): chi-squared goodness of fit of assignment counts, mismatch = p_value < threshold, method';
ALTER TYPE interaction_test_result ADD ATTRIBUTE method text;
COMMENT ON TYPE interaction_test_result IS 'result of interaction_test(): difference in A''s effect between B''s arms, Welch t test, method';

-- A view that selects the whole result row of one of these functions from
-- FROM (SELECT r FROM chisq_test(...) r) keeps the row's old column list:
-- reading the new field, (r).method, crashes the backend in PostgreSQL 15
-- (a PostgreSQL bug, reproducible without abstats).  Recreating the view
-- (CREATE OR REPLACE VIEW with its own definition) fixes it; name the views
-- that may need it.
DO $$
DECLARE
	v record;
BEGIN
	FOR v IN
		SELECT c.oid::pg_catalog.regclass AS view_name,
			pg_catalog.string_agg(DISTINCT p.proname || '()', ', ') AS functions
		FROM pg_catalog.pg_depend d
		JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
			AND d.objid = r.oid
		JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
		JOIN pg_catalog.pg_proc p ON d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
			AND d.refobjid = p.oid
		WHERE p.prorettype IN ('binom_test_result'::pg_catalog.regtype,
							   'chisq_test_result'::pg_catalog.regtype,
							   'fisher_test_result'::pg_catalog.regtype,
							   'srm_test_result'::pg_catalog.regtype,
							   'interaction_test_result'::pg_catalog.regtype)
		GROUP BY c.oid ORDER BY 1
	LOOP
		RAISE WARNING 'view % uses %, whose result types gained the field "method"', v.view_name, v.functions
			USING HINT = 'Only if the view selects a whole result row from FROM (SELECT r FROM f(...) r): recreate it (CREATE OR REPLACE VIEW with its definition) before reading (r).method, which crashes PostgreSQL 15 otherwise.';
	END LOOP;
END
$$;
