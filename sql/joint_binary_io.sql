-- Binary I/O of joint_summary and its aggregate states (send/recv): a
-- binary COPY round trip is exact, and recv rejects an unknown version, a
-- bad k or a wrong length (22P03) and impossible values (22023), as the
-- text input does.
--
-- Files are written and read by server-side COPY (the tests run as a
-- superuser) in /tmp, so that each bad input can be tried in a loop.
CREATE TABLE jbio_src (id int, s joint_summary);
INSERT INTO jbio_src VALUES
	(1, (SELECT stats_agg(x::float8, x * x) FROM generate_series(1, 10) x)),
	(2, (SELECT stats_agg(x::float8 / 3, sqrt(x + 50), -x) FROM generate_series(-50, 1000) x)),
	(3, (SELECT stats_agg(1e9 + x * 0.1, x, x % 3, 1e-300 * x) FROM generate_series(1, 1001) x)),
	(4, 'v1 k=2 n=1 mean=[-0.1,0] c=[[0,0],[0]]'),
	(5, 'v1 k=2 n=3 mean=[-0,1] c=[[2,-0],[2]]'),
	(6, NULL);
SELECT id, s FROM jbio_src ORDER BY id;

SELECT '/tmp/abstats_joint_binary_io_' || pg_backend_pid() || '.bin' AS f \gset
CREATE TABLE jbio_dst (LIKE jbio_src);
COPY jbio_src TO :'f' WITH (FORMAT binary);
COPY jbio_dst FROM :'f' WITH (FORMAT binary);
SELECT count(*) AS rows,
	count(*) FILTER (WHERE a.s::text = b.s::text) AS same_text,
	count(*) FILTER (WHERE joint_summary_send(a.s) = joint_summary_send(b.s)) AS same_bytes,
	count(*) FILTER (WHERE a.s IS NULL AND b.s IS NULL) AS both_null
FROM jbio_src a JOIN jbio_dst b USING (id);

-- The aggregate states have a binary form too (the means' low parts after
-- the means); a round trip is exact, empty and overflowed states included.
CREATE AGGREGATE pg_temp.pair_state(float8, float8) (
	SFUNC = joint_pair_transfn, STYPE = joint_pair_state, INITCOND = 'v1 k=2 n=0');
CREATE AGGREGATE pg_temp.state3(float8, float8, float8) (
	SFUNC = joint_transfn, STYPE = joint_state, INITCOND = 'v1 k=3 n=0');
CREATE TABLE jbio_states (id int, p joint_pair_state, s joint_state);
INSERT INTO jbio_states
SELECT x, pg_temp.pair_state(1e9 + x * 0.1, x) OVER w, pg_temp.state3(x, 1e6 + x / 3.0, -x) OVER w
FROM generate_series(1, 20) x WINDOW w AS (ORDER BY x);
INSERT INTO jbio_states VALUES (21, 'v1 k=2 n=0', 'v1 n=0'), (22, 'v1 k=2 n=0', 'v1 k=4 n=0'),
	(23, 'v1 k=2 n=3 mean=[Infinity,1] c=[[NaN,NaN],[1]]', 'v1 k=2 n=3 mean=[-Infinity,1] c=[[NaN,NaN],[1]]');
CREATE TABLE jbio_states_dst (LIKE jbio_states);
COPY jbio_states TO :'f' WITH (FORMAT binary);
COPY jbio_states_dst FROM :'f' WITH (FORMAT binary);
SELECT count(*) AS rows,
	count(*) FILTER (WHERE a.p::text = b.p::text AND a.s::text = b.s::text) AS same_text,
	count(*) FILTER (WHERE joint_pair_state_send(a.p) = joint_pair_state_send(b.p)
		AND joint_state_send(a.s) = joint_state_send(b.s)) AS same_bytes,
	count(*) FILTER (WHERE a.p::text LIKE '%mean_lo%') AS with_low_parts
FROM jbio_states a JOIN jbio_states_dst b USING (id);
SELECT id, joint_pair_state_send(p), joint_state_send(s) FROM jbio_states WHERE id IN (1, 21) ORDER BY id;

-- The binary form: version byte, k byte, int8 n, the k means, the
-- k(k+1)/2 co-moments (packed upper triangle by rows), all float8.
SELECT id, joint_summary_send(s) FROM jbio_src WHERE id IN (1, 5) ORDER BY id;

-- Each bytea below is written as the raw bytes of a binary COPY field and
-- read back into a joint_summary column, so it goes through
-- joint_summary_recv exactly as a driver's binary parameter would.
CREATE FUNCTION pg_temp.f8s(VARIADIC v float8[]) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
	SELECT string_agg(float8send(x), ''::bytea ORDER BY o) FROM unnest(v) WITH ORDINALITY u(x, o)
$$;
CREATE TABLE jbio_bad (id int, why text, b bytea);
INSERT INTO jbio_bad VALUES
	(1, 'valid k = 2', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 2)),
	(2, 'valid k = 4', '\x0104'::bytea || int8send(1) || pg_temp.f8s(1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
	(3, 'unknown version 2', '\x0202'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 2)),
	(4, 'unknown version 0', '\x0002'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 2)),
	(5, 'k = 1', '\x0101'::bytea || int8send(3) || pg_temp.f8s(2, 1)),
	(6, 'k = 5', '\x0105'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 2)),
	(7, 'empty', '\x'::bytea),
	(8, 'only the version', '\x01'::bytea),
	(9, 'truncated: a co-moment missing', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1)),
	(10, 'trailing bytes', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 2) || '\x00'::bytea),
	(11, 'n = 0', '\x0102'::bytea || int8send(0) || pg_temp.f8s(0, 0, 0, 0, 0)),
	(12, 'n < 0', '\x0102'::bytea || int8send(-5) || pg_temp.f8s(0, 0, 0, 0, 0)),
	(13, 'NaN mean', '\x0102'::bytea || int8send(3) || pg_temp.f8s('NaN', 1, 2, 1, 2)),
	(14, 'infinite co-moment', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 1, 'Infinity')),
	(15, 'negative diagonal', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, -2, 0, 2)),
	(16, 'n = 1 with co-moments', '\x0102'::bytea || int8send(1) || pg_temp.f8s(2, 1, 0, 1e-3, 0)),
	(17, 'correlation above 1', '\x0102'::bytea || int8send(3) || pg_temp.f8s(2, 1, 2, 2.1, 2)),
	(18, 'not positive semidefinite (k = 3)',
		'\x0103'::bytea || int8send(9) || pg_temp.f8s(0, 0, 0, 1, 0.9, 0.9, 1, -0.9, 1));

CREATE TABLE jbio_one (id int, b bytea);
CREATE TABLE jbio_in (id int, s joint_summary);
-- read_as(b, target): write b as the one field of a binary COPY file and
-- read it into the table `target` (id, a joint type); 'accepted' or the
-- SQLSTATE and message of the error.
CREATE FUNCTION pg_temp.read_as(id int, b bytea, target text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	f text := '/tmp/abstats_joint_binary_io_' || pg_backend_pid() || '.bin';
BEGIN
	TRUNCATE jbio_one;
	INSERT INTO jbio_one VALUES (id, b);
	EXECUTE format('COPY jbio_one TO %L WITH (FORMAT binary)', f);
	BEGIN
		EXECUTE format('COPY %I FROM %L WITH (FORMAT binary)', target, f);
		RETURN 'accepted';
	EXCEPTION WHEN OTHERS THEN
		RETURN SQLSTATE || ': ' || SQLERRM;
	END;
END
$$;
CREATE TEMP TABLE jbio_result AS
SELECT id, pg_temp.read_as(id, b, 'jbio_in') AS outcome FROM jbio_bad ORDER BY id;
SELECT id, why, outcome FROM jbio_bad JOIN jbio_result USING (id) ORDER BY id;
SELECT id, s FROM jbio_in ORDER BY id;

-- the same for the states: a crafted state is rejected, an empty or
-- overflowed one is not
CREATE TABLE jbio_bad_state (id int, why text, b bytea);
INSERT INTO jbio_bad_state VALUES
	(1, 'valid: empty k = 2', '\x0102'::bytea || int8send(0) || pg_temp.f8s(0, 0, 0, 0, 0, 0, 0)),
	(2, 'valid: two rows', '\x0102'::bytea || int8send(2) || pg_temp.f8s(1.5, 3, 0, 0, 0.5, 1, 2)),
	(3, 'valid: overflowed', '\x0102'::bytea || int8send(2) || pg_temp.f8s('Infinity', 3, 0, 0, 'NaN', 1, 2)),
	(4, 'k = 3 for a pair state', '\x0103'::bytea || int8send(0) || pg_temp.f8s(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
	(5, 'k = 0 for a pair state', '\x0100'::bytea || int8send(0)),
	(6, 'no low parts (summary form)', '\x0102'::bytea || int8send(2) || pg_temp.f8s(1.5, 3, 0.5, 1, 2)),
	(7, 'empty state with a mean', '\x0102'::bytea || int8send(0) || pg_temp.f8s(1, 0, 0, 0, 0, 0, 0)),
	(8, 'low part too large', '\x0102'::bytea || int8send(2) || pg_temp.f8s(1.5, 3, 0.25, 0, 0.5, 1, 2)),
	(9, 'negative n', '\x0102'::bytea || int8send(-1) || pg_temp.f8s(0, 0, 0, 0, 0, 0, 0)),
	(10, 'not positive semidefinite', '\x0102'::bytea || int8send(2) || pg_temp.f8s(1.5, 3, 0, 0, 0.5, 3, 2));
CREATE TABLE jbio_one_state (id int, s joint_pair_state);
CREATE TEMP TABLE jbio_state_result AS
SELECT id, pg_temp.read_as(id, b, 'jbio_one_state') AS outcome FROM jbio_bad_state ORDER BY id;
SELECT id, why, outcome FROM jbio_bad_state JOIN jbio_state_result USING (id) ORDER BY id;
SELECT id, s FROM jbio_one_state ORDER BY id;

\set rm '\\! rm -f ' :'f'
:rm
DROP TABLE jbio_src, jbio_dst, jbio_bad, jbio_one, jbio_in, jbio_states, jbio_states_dst,
	jbio_bad_state, jbio_one_state;
