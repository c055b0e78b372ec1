#!/usr/bin/env bash
# test/bench/bench_ranks.sh: what does a rank test cost over a scan?
#
# A benchmark, not a timed test (test/run does not run it).  Like
# bench_agg.sh it builds abstats into a private copy of the PostgreSQL
# installation, starts a throwaway server under .abstats/bench, generates
# BENCH_ROWS rows (default 10M) of (variant text 'A'/'B', v float8, w
# float8): v = round(random() * 200, 2) (20,001 distinct values: heavy ties,
# like prices) and w = random() * 200 (continuous: no ties), VACUUM
# ANALYZEs them, and times, interleaved round by round:
#   pd     SELECT variant, percentile_disc(0.5) WITHIN GROUP (ORDER BY v)
#          FROM t GROUP BY variant          (PostgreSQL's median: a sort)
#   sa     SELECT variant, n(sample_agg(v)) FROM t GROUP BY variant
#          (collect and sort the samples; n() avoids printing them)
#   mw     the one-scan rank test: two sample_agg(v) FILTER (WHERE
#          variant = ..) fed to mann_whitney_test() (p-value, Hodges-
#          Lehmann estimate and its 95% interval)
#   pdw, saw, mww  the same on w
# all with the same work_mem (BENCH_WORK_MEM, default 1GB, so that the
# sort of percentile_disc stays in memory), JIT off, the table in shared
# buffers.  sample_agg and mann_whitney_test run serial and with 2
# parallel workers; percentile_disc cannot run in parallel (ordered-set
# aggregates have no combine function), so its serial time is the
# reference for both.  Each query runs BENCH_ROUNDS times (default 7); the
# first round is discarded and the median of the others reported, with
# the ratios to percentile_disc (target: mw / pd <= 1.5).  Ratios only: no
# pass/fail on time.
#
# Usage: bash test/bench/bench_ranks.sh        (BENCH_ROWS=1000000 for a quick run)
set -u
. "$(dirname "$0")/../lib.sh"
cd "$ABSTATS_TOP"

ROWS=${BENCH_ROWS:-10000000}
ROUNDS=${BENCH_ROUNDS:-7}
WORKERS=${BENCH_WORKERS:-2}
WORK_MEM=${BENCH_WORK_MEM:-1GB}

BENCH_DIR=$ABSTATS_TOP/.abstats/bench

abstats_deps || exit 1

bench_private_pg "$BENCH_DIR/pg" || exit 1

bench_server "$BENCH_DIR/server" "shared_buffers = '2GB'" "jit = off" "work_mem = '$WORK_MEM'" \
	"max_parallel_workers_per_gather = $WORKERS" || exit 1

log "generating $ROWS rows"
start=$(date +%s)
bench_psql >/dev/null <<SQL || exit 1
CREATE EXTENSION abstats;
SELECT setseed(0.5);
CREATE TABLE t (variant text, v float8, w float8);
INSERT INTO t
SELECT CASE WHEN random() < 0.5 THEN 'A' ELSE 'B' END,
	round((random() * 200)::numeric, 2),
	random() * 200
FROM generate_series(1, $ROWS);
VACUUM (FREEZE, ANALYZE) t;
SQL
log "generated in $(( $(date +%s) - start )) s; table size $(bench_psql -At -c "SELECT pg_size_pretty(pg_table_size('t'))"); work_mem $(bench_psql -At -c "SHOW work_mem")"

mw_sql() {
	echo "SELECT r.* FROM (SELECT sample_agg($1) FILTER (WHERE variant = 'B') AS b, sample_agg($1) FILTER (WHERE variant = 'A') AS a FROM t) s, LATERAL mann_whitney_test(s.b, s.a) r"
}
# label|SQL|modes (s = serial, p = parallel)
QUERIES=(
	"pd|SELECT variant, percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM t GROUP BY variant|s"
	"sa|SELECT variant, n(sample_agg(v)) FROM t GROUP BY variant|sp"
	"mw|$(mw_sql v)|sp"
	"pdw|SELECT variant, percentile_disc(0.5) WITHIN GROUP (ORDER BY w) FROM t GROUP BY variant|s"
	"saw|SELECT variant, n(sample_agg(w)) FROM t GROUP BY variant|sp"
	"mww|$(mw_sql w)|sp"
)

log "results and plans"
for q in "${QUERIES[@]}"; do
	IFS='|' read -r label sql modes <<<"$q"
	echo "-- $label: $sql"
	bench_psql -c "SET max_parallel_workers_per_gather = 0" -c "$sql" | sed 's/^/   /'
	bench_psql -c "SET max_parallel_workers_per_gather = $WORKERS" -c "EXPLAIN (COSTS OFF) $sql" | sed 's/^/   /'
done

script=$(mktemp)
{
	echo '\timing on'
	echo '\o /dev/null'
	for ((r = 1; r <= ROUNDS; r++)); do
		for q in "${QUERIES[@]}"; do
			IFS='|' read -r label sql modes <<<"$q"
			for mode in s p; do
				case $modes in *$mode*) ;; *) continue ;; esac
				echo "SET max_parallel_workers_per_gather = $([ $mode = s ] && echo 0 || echo "$WORKERS");"
				echo "\\echo @ $r $mode $label"
				echo "$sql;"
			done
		done
	done
} > "$script"

log "timing $ROUNDS rounds (the first is discarded)"
bench_psql -f "$script" > .abstats/bench_ranks.times || { rm -f "$script"; exit 1; }
rm -f "$script"

awk -v rows="$ROWS" -v wm="$WORK_MEM" '
	$1 == "@" { round = $2; key = $3 " " $4; next }
	$1 == "Time:" && key != "" { if (round > 1) t[key] = t[key] " " $2; key = "" }
	function median(s,    v, n, i, j, x) {
		n = split(s, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { x = v[j]; v[j] = v[j - 1]; v[j - 1] = x }
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	END {
		for (k in t) m[k] = median(t[k])
		printf "\n%d rows, work_mem %s; median times (ms)\n", rows, wm
		printf "  %-44s %9s %9s\n", "", "serial", "parallel"
		printf "  %-44s %9.1f %9s\n", "pd   percentile_disc(0.5), v (ties)", m["s pd"], "-"
		printf "  %-44s %9.1f %9.1f\n", "sa   sample_agg(v)", m["s sa"], m["p sa"]
		printf "  %-44s %9.1f %9.1f\n", "mw   sample_agg(v) x2 + mann_whitney_test", m["s mw"], m["p mw"]
		printf "  %-44s %9.1f %9s\n", "pdw  percentile_disc(0.5), w (continuous)", m["s pdw"], "-"
		printf "  %-44s %9.1f %9.1f\n", "saw  sample_agg(w)", m["s saw"], m["p saw"]
		printf "  %-44s %9.1f %9.1f\n", "mww  sample_agg(w) x2 + mann_whitney_test", m["s mww"], m["p mww"]
		printf "\nratios to percentile_disc (serial) on the same column  serial  parallel  target\n"
		printf "  sa  / pd    sample_agg                         %6.3f    %6.3f\n", m["s sa"] / m["s pd"], m["p sa"] / m["s pd"]
		printf "  mw  / pd    sample_agg + mann_whitney_test     %6.3f    %6.3f   <= 1.5\n", m["s mw"] / m["s pd"], m["p mw"] / m["s pd"]
		printf "  saw / pdw   sample_agg, continuous             %6.3f    %6.3f\n", m["s saw"] / m["s pdw"], m["p saw"] / m["s pdw"]
		printf "  mww / pdw   sample_agg + test, continuous      %6.3f    %6.3f   <= 1.5\n", m["s mww"] / m["s pdw"], m["p mww"] / m["s pdw"]
	}' .abstats/bench_ranks.times
