#!/usr/bin/env bash
# test/fuzz/run.sh OUTDIR: run every probe of test/fuzz/gen_calls.py against
# the server in PGHOST/PGPORT (extension abstats created), in chunks; a chunk
# that fails as a whole (crash, hang) is rerun one call at a time under
# statement_timeout = 5s and `timeout 20`.  Writes OUTDIR/results.tsv
# (family, call, result, ms) and OUTDIR/failed_calls.tsv.
set -u
out=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out/chunks"
rm -f "$out"/chunks/* "$out/results.tsv" "$out/failed_calls.tsv"
python3 "$here/gen_calls.py" > "$out/calls.tsv"
psql -X -q -f "$here/harness.sql" >/dev/null
split -l 1000 -d -a 4 "$out/calls.tsv" "$out/chunks/c"
run_chunk() {
	local c=$1
	timeout 300 psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 > "$c.out" 2> "$c.err" <<SQL
SET statement_timeout = '280s';
CREATE TEMP TABLE calls(fam text, call text);
\copy calls FROM '$c' WITH (FORMAT text)
SELECT fam, call, r.res, round(r.ms::numeric, 1) FROM calls, LATERAL probe_call(fam, call) r;
SQL
	echo $? > "$c.rc"
}
export -f run_chunk
ls "$out"/chunks/c???? | xargs -P 6 -I{} bash -c 'run_chunk {}'
for c in "$out"/chunks/c????; do
	if [ "$(cat "$c.rc")" = 0 ]; then
		cat "$c.out" >> "$out/results.tsv"
	else
		echo "chunk $c failed: $(head -c 300 "$c.err")" >&2
		while IFS=$'\t' read -r fam call; do
			printf '%s\t%s\t' "$fam" "$call" >> "$out/failed_calls.tsv"
			timeout 20 psql -X -q -At -c "SET statement_timeout = '5s'" \
				-c "SELECT r.res, round(r.ms::numeric,1) FROM probe_call('$fam', \$q\$$call\$q\$) r" 2>&1 \
				| tr '\n' ' ' >> "$out/failed_calls.tsv"
			echo " rc=${PIPESTATUS[0]}" >> "$out/failed_calls.tsv"
		done < "$c"
	fi
done
wc -l "$out/results.tsv"
