-- test/fuzz/harness.sql: probe_call(call) runs one SQL expression and returns
-- its text value (all rows, ';'-separated, for set-returning calls), or
-- 'ERR <sqlstate> <message>' when it raised an error, plus the time taken.
CREATE OR REPLACE FUNCTION probe_call(fam text, call text, OUT res text, OUT ms float8)
LANGUAGE plpgsql AS $$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN
	IF fam = 'curve' THEN
		EXECUTE 'SELECT string_agg(x::text, '';'') FROM ' || call || ' x' INTO res;
	ELSE
		EXECUTE 'SELECT (' || call || ')::text' INTO res;
	END IF;
	res := coalesce(res, 'NULL');
	ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
EXCEPTION WHEN OTHERS THEN
	res := 'ERR ' || SQLSTATE || ' ' || SQLERRM;
	ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
END $$;
