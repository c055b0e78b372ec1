-- Binary I/O of stats_summary (send/recv): a binary COPY round trip is
-- exact, and recv rejects an unknown version, unknown flags, a wrong length
-- and inconsistent fields, like the text input does.
--
-- The files are written and read client-side by psql's \copy, in /tmp.
SELECT pg_backend_pid() AS pid \gset
\set f '/tmp/abstats_binary_io_' :pid '.bin'
\set copy_out '\\copy bio_src (id, s) TO ' :'f' ' WITH (FORMAT binary)'
\set copy_in '\\copy bio_dst (id, s) FROM ' :'f' ' WITH (FORMAT binary)'

CREATE TABLE bio_src (id int, s stats_summary);
INSERT INTO bio_src VALUES
	(1, (SELECT stats_agg(x) FROM generate_series(1, 10) x)),
	(2, (SELECT stats_agg(x::float8 / 3) FROM generate_series(-50, 1000) x)),
	(3, stats_summary(100, 5, 2)),
	(4, stats_summary(1, -0.1, 0)),
	(5, (SELECT stats_agg(1e9 + x * 0.1) FROM generate_series(1, 1001) x)),
	(6, (SELECT stats_agg(x) FROM (VALUES (1e-300::float8), (2e-300), (-5e-301)) v(x))),
	(7, (SELECT stats_agg(x) FROM (VALUES (1e150::float8), (-3e150)) v(x))),
	(8, 'v1 n=2 mean=1.5 m2=0.5 min=1 max=2'),
	(9, 'v1 n=5 mean=0.1 m2=0.3 m3=-0.01 m4=0.04'),
	(10, NULL);
SELECT id, s FROM bio_src ORDER BY id;

-- Round trip: every summary comes back bit for bit.
CREATE TABLE bio_dst (LIKE bio_src);
:copy_out
:copy_in
SELECT count(*) AS rows,
	count(*) FILTER (WHERE a.s::text = b.s::text) AS same_text,
	count(*) FILTER (WHERE stats_summary_send(a.s) = stats_summary_send(b.s)) AS same_bytes,
	count(*) FILTER (WHERE a.s IS NULL AND b.s IS NULL) AS both_null
FROM bio_src a JOIN bio_dst b USING (id);

-- The binary form: version byte, flags byte (1 = m3/m4, 2 = min/max), int8
-- n, float8 mean, m2, then m3, m4 and min, max when flagged.
SELECT id, stats_summary_send(s) FROM bio_src WHERE id IN (1, 3, 8) ORDER BY id;

-- Bad input: each bytea below is written as the raw bytes of a binary COPY
-- field and read back into a stats_summary column, so it goes through
-- stats_summary_recv exactly as a driver's binary parameter would.
CREATE TABLE bio_bad (id int, why text, b bytea);
INSERT INTO bio_bad VALUES
	(1, 'valid: all fields',
		'\x0103'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send(0) || float8send(2) || float8send(1) || float8send(3)),
	(2, 'valid: n, mean, m2 only',
		'\x0100'::bytea || int8send(3) || float8send(2) || float8send(2)),
	(3, 'unknown version 2',
		'\x0203'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send(0) || float8send(2) || float8send(1) || float8send(3)),
	(4, 'unknown version 0', '\x0000'::bytea || int8send(3) || float8send(2) || float8send(2)),
	(5, 'unknown flag 0x04', '\x0104'::bytea || int8send(3) || float8send(2) || float8send(2)),
	(6, 'internal flag 0x80 (aggregate state only)',
		'\x0180'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(0)),
	(7, 'empty', '\x'::bytea),
	(8, 'only the version', '\x01'::bytea),
	(9, 'truncated: max missing',
		'\x0103'::bytea || int8send(3) || float8send(2) || float8send(2)
		|| float8send(0) || float8send(2) || float8send(1)),
	(10, 'trailing bytes', '\x0100'::bytea || int8send(3) || float8send(2) || float8send(2) || '\x00'::bytea),
	(11, 'n = 0', '\x0100'::bytea || int8send(0) || float8send(0) || float8send(0)),
	(12, 'n < 0', '\x0100'::bytea || int8send(-5) || float8send(0) || float8send(0)),
	(13, 'NaN mean', '\x0100'::bytea || int8send(3) || float8send('NaN') || float8send(2)),
	(14, 'infinite m2', '\x0100'::bytea || int8send(3) || float8send(2) || float8send('Infinity')),
	(15, 'negative m2', '\x0100'::bytea || int8send(3) || float8send(2) || float8send(-1)),
	(16, 'n = 1 with m2 > 0', '\x0100'::bytea || int8send(1) || float8send(2) || float8send(1)),
	(17, 'negative m4',
		'\x0101'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(0) || float8send(-2)),
	(18, 'm4 too small for m2',
		'\x0101'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(0) || float8send(1)),
	(19, 'm3 too large',
		'\x0101'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(10) || float8send(2)),
	(20, 'min > max',
		'\x0102'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(3) || float8send(1)),
	(21, 'mean outside min..max',
		'\x0102'::bytea || int8send(3) || float8send(5) || float8send(2) || float8send(1) || float8send(3)),
	(22, 'm2 too large for the range',
		'\x0102'::bytea || int8send(3) || float8send(2) || float8send(200) || float8send(1) || float8send(3)),
	(23, 'infinite max',
		'\x0102'::bytea || int8send(3) || float8send(2) || float8send(2) || float8send(1) || float8send('Infinity'));

CREATE TABLE bio_one (id int, b bytea);
CREATE TABLE bio_in (id int, s stats_summary);
\set write '\\copy bio_one (id, b) TO ' :'f' ' WITH (FORMAT binary)'
\set read '\\copy bio_in (id, s) FROM ' :'f' ' WITH (FORMAT binary)'

SELECT id, why FROM bio_bad WHERE id = 1;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 1;
:write
:read
SELECT id, why FROM bio_bad WHERE id = 2;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 2;
:write
:read
SELECT id, s FROM bio_in ORDER BY id;

-- Each rejected input: what is wrong, the SQLSTATE, then the message.
SELECT id, why FROM bio_bad WHERE id = 3;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 3;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 4;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 4;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 5;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 5;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 6;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 6;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 7;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 7;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 8;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 8;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 9;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 9;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 10;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 10;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 11;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 11;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 12;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 12;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 13;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 13;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 14;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 14;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 15;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 15;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 16;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 16;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 17;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 17;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 18;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 18;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 19;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 19;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 20;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 20;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 21;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 21;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 22;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 22;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

SELECT id, why FROM bio_bad WHERE id = 23;
TRUNCATE bio_one; INSERT INTO bio_one SELECT id, b FROM bio_bad WHERE id = 23;
:write
\set VERBOSITY sqlstate
:read
\set VERBOSITY default
:read

-- nothing bad got in
SELECT id, s FROM bio_in ORDER BY id;

\set rm '\\! rm -f ' :'f'
:rm
DROP TABLE bio_src, bio_dst, bio_bad, bio_one, bio_in;
