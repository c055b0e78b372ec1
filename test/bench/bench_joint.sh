#!/usr/bin/env bash
# test/bench/bench_joint.sh: what does stats_agg(y, x) cost next to
# PostgreSQL's own one-pass bivariate aggregate, covar_samp(y, x)?
#
# A benchmark, not a timed test (test/run does not run it).  It builds and
# installs abstats into a private copy of the PostgreSQL server tree
# (ABSTATS_PG_ROOT, default .abstats/bench_pgroot: no root, nothing replaced
# machine-wide), starts its own throwaway server under .abstats/bench_joint,
# generates BENCH_ROWS rows (default 10M) of (variant text 'A'/'B', y, x, z
# float8, x correlated with y) and times, in the same run and interleaved
# round by round, serial (max_parallel_workers_per_gather = 0) and parallel:
#   j      SELECT variant, stats_agg(y, x) FROM t GROUP BY variant
#   v      SELECT variant, covar_samp(y, x) FROM t GROUP BY variant
#   r      the built-ins giving what stats_agg(y, x) holds: regr_count, avg
#          (twice), var_samp (twice), covar_samp
#   s      SELECT variant, sum(y), sum(x) ...  (the floor for reading y, x)
#   j3     SELECT variant, stats_agg(y, x, z) ...     (reference)
#   j4     SELECT variant, stats_agg(y, x, z, y + x) ... (reference)
# Each query runs BENCH_ROUNDS times (default 7); the first round warms the
# caches and is discarded, the median of the others is reported.  Then it
# prints the ratio against the target of issue 9 (serial):
#   j <= 1.05 v,  and the parallel speed-up.
#
# JIT is off so that the numbers measure the executor; shared_buffers holds
# the whole table.  Other work on the machine adds noise: the rounds are
# interleaved so that it hits every query alike.
#
# Usage: bash test/bench/bench_joint.sh      (BENCH_ROWS=1000000 for a quick run)
set -u
export ABSTATS_PG_ROOT=${ABSTATS_PG_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)/.abstats/bench_pgroot}
. "$(dirname "$0")/../lib.sh"
cd "$ABSTATS_TOP"

ROWS=${BENCH_ROWS:-10000000}
ROUNDS=${BENCH_ROUNDS:-7}
WORKERS=${BENCH_WORKERS:-2}

abstats_deps || exit 1
abstats_lock || exit 1
abstats_build_install || exit 1
exec 9>&-					# the lock covers the install only
abstats_start "$ABSTATS_TOP/.abstats/bench_joint" || exit 1
# Stop the server and drop its data (~1 GB) when done.
trap 'abstats_stop; rm -rf "$ABSTATS_SERVER_DIR/data"' EXIT

bench_psql() {
	"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -P pager=off -d postgres "$@"
}

bench_psql -c "ALTER SYSTEM SET shared_buffers = '2GB'" \
	-c "ALTER SYSTEM SET jit = off" \
	-c "ALTER SYSTEM SET max_parallel_workers_per_gather = $WORKERS" || exit 1
as_pg "$PG_BIN/pg_ctl" -D "$ABSTATS_SERVER_DIR/data" -l "$ABSTATS_SERVER_DIR/server.log" -w restart >/dev/null || exit 1

log "generating $ROWS rows"
start=$(date +%s)
bench_psql >/dev/null <<SQL || exit 1
CREATE EXTENSION abstats;
SELECT setseed(0.5);
CREATE TABLE t (variant text, y float8, x float8, z float8);
INSERT INTO t
SELECT variant, y, round((y * 0.3 + random() * 50)::numeric, 2), random()
FROM (SELECT CASE WHEN random() < 0.5 THEN 'A' ELSE 'B' END AS variant,
		round((random() * 200)::numeric, 2)::float8 AS y
	FROM generate_series(1, $ROWS)) g;
VACUUM (FREEZE, ANALYZE) t;
SQL
log "generated in $(( $(date +%s) - start )) s; table size $(bench_psql -At -c "SELECT pg_size_pretty(pg_table_size('t'))")"

# label  SQL
QUERIES=(
	"j|SELECT variant, stats_agg(y, x) FROM t GROUP BY variant"
	"v|SELECT variant, covar_samp(y, x) FROM t GROUP BY variant"
	"r|SELECT variant, regr_count(y, x), avg(y), avg(x), var_samp(y), var_samp(x), covar_samp(y, x) FROM t GROUP BY variant"
	"s|SELECT variant, sum(y), sum(x) FROM t GROUP BY variant"
	"j3|SELECT variant, stats_agg(y, x, z) FROM t GROUP BY variant"
	"j4|SELECT variant, stats_agg(y, x, z, y + x) FROM t GROUP BY variant"
)
MODES=("serial|0" "parallel|$WORKERS")

log "plans"
for mode in "${MODES[@]}"; do
	echo "-- j, ${mode%%|*}: ${QUERIES[0]#*|}"
	bench_psql -c "SET max_parallel_workers_per_gather = ${mode#*|}" \
		-c "EXPLAIN (COSTS OFF) ${QUERIES[0]#*|}" | sed 's/^/   /'
done

# One psql session runs every round; \echo tags each timing line.  The
# machine is shared, so wall-clock times are noisy: each statement's CPU
# time (user + system, from log_statement_stats, which the server reports
# to psql as a LOG message naming the script's line) is collected too, and
# the serial ratio is reported three ways: ratio of the medians, median of
# the per-round ratios (j and v run back to back), and ratio of the median
# CPU times.
script=$(mktemp)
linemap=.abstats/bench_joint.lines
{
	echo '\timing on'
	echo '\o /dev/null'
	echo 'SET client_min_messages = log;'
	echo 'SET log_statement_stats = on;'
	line=4
	for ((r = 1; r <= ROUNDS; r++)); do
		for mode in "${MODES[@]}"; do
			echo "SET max_parallel_workers_per_gather = ${mode#*|};"
			line=$((line + 1))
			for q in "${QUERIES[@]}"; do
				echo "\\echo @ $r ${mode%%|*} ${q%%|*}"
				echo "${q#*|};"
				line=$((line + 2))
				echo "$line $r ${mode%%|*} ${q%%|*}" >&3
			done
		done
	done
} > "$script" 3> "$linemap"

log "timing $ROUNDS rounds (the first is discarded)"
bench_psql -f "$script" > .abstats/bench_joint.times 2> .abstats/bench_joint.stats ||
	{ rm -f "$script"; cat .abstats/bench_joint.stats >&2; exit 1; }
rm -f "$script"

# Median per (mode, query) over rounds 2..ROUNDS, then the ratios.
awk '
	FILENAME == ARGV[1] { key_of[$1] = $2 " " $3 " " $4; next }
	FILENAME == ARGV[2] {
		if ($0 ~ /LOG:  QUERY STATISTICS/) { split($1, a, ":"); stat_line = a[3] }
		else if ($1 == "!" && $0 ~ / s user,/ && stat_line in key_of) {
			split(key_of[stat_line], kf, " ")
			if (kf[1] > 1) cpu[kf[2] " " kf[3]] = cpu[kf[2] " " kf[3]] " " ($2 + $5) * 1000
			if (kf[1] > 1 && kf[2] == "serial") rc[kf[1] " " kf[3]] = ($2 + $5) * 1000
			stat_line = ""
		}
		next
	}
	$1 == "@" { round = $2; key = $3 " " $4; next }
	$1 == "Time:" && key != "" {
		if (round > 1) t[key] = t[key] " " $2
		if (round > 1 && key ~ /^serial /) { split(key, kk, " "); rt[round " " kk[2]] = $2 }
		key = ""
	}
	function median(s,    v, n, i, j, x) {
		n = split(s, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { x = v[j]; v[j] = v[j - 1]; v[j - 1] = x }
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	function verdict(ok) { return ok ? "ok" : "MISSED" }
	END {
		for (k in t) m[k] = median(t[k])
		for (k in cpu) c[k] = median(cpu[k])
		for (r = 2; r <= '"$ROUNDS"'; r++) {
			pr = pr " " rt[r " j"] / rt[r " v"]
			pc = pc " " rc[r " j"] / rc[r " v"]
		}
		printf "\nmedian times (ms)      serial   parallel   serial CPU\n"
		split("j v r s j3 j4", qs, " ")
		for (i = 1; i <= 6; i++)
			printf "  %-18s %9.1f  %9.1f  %9.1f\n", qs[i], m["serial " qs[i]], m["parallel " qs[i]], c["serial " qs[i]]
		printf "\nratios                              serial  parallel   target\n"
		printf "  j / v  (stats_agg(y,x)/covar_samp) %5.3f     %5.3f   <= 1.05 serial: %s\n",
			m["serial j"] / m["serial v"], m["parallel j"] / m["parallel v"],
			verdict(m["serial j"] <= 1.05 * m["serial v"])
		printf "         median of per-round ratios  %5.3f   (wall), %5.3f (CPU)\n", median(pr), median(pc)
		printf "         ratio of median CPU times   %5.3f\n", c["serial j"] / c["serial v"]
		printf "  j / r  (stats_agg/6 built-ins)     %5.3f     %5.3f   (reference)\n",
			m["serial j"] / m["serial r"], m["parallel j"] / m["parallel r"]
		printf "  j / s  (stats_agg/sum(y), sum(x))  %5.3f     %5.3f   (reference)\n",
			m["serial j"] / m["serial s"], m["parallel j"] / m["parallel s"]
		printf "  j3 / j, j4 / j (3, 4 metrics)      %5.3f     %5.3f   (reference, serial)\n",
			m["serial j3"] / m["serial j"], m["serial j4"] / m["serial j"]
		printf "  parallel speed-up of j: %.2fx   > 1: %s\n",
			m["serial j"] / m["parallel j"], verdict(m["parallel j"] < m["serial j"])
	}' "$linemap" .abstats/bench_joint.stats .abstats/bench_joint.times
