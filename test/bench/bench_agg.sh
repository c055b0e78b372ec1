#!/usr/bin/env bash
# test/bench/bench_agg.sh: how much do abstats' aggregates cost over a scan?
#
# A benchmark, not a timed test (test/run does not run it).  It builds and
# installs abstats, starts its own throwaway server under .abstats/bench,
# generates BENCH_ROWS rows (default 10M) of (variant text 'A'/'B', value
# float8), VACUUM ANALYZEs them and times, in the same run and interleaved
# round by round, serial (max_parallel_workers_per_gather = 0) and parallel:
#   a      SELECT variant, stats_agg(value) FROM t GROUP BY variant
#   b      SELECT variant, count(*), avg(value), var_samp(value) ... (built-ins)
#   c      SELECT variant, count(*) FROM t GROUP BY variant    (scan + grouping)
#   e      SELECT variant, sum(value) FROM t GROUP BY variant  (the cheapest
#          aggregate that reads value: the floor for any statistic of it)
#   d      the one-scan t-test: two stats_agg(value) FILTER (WHERE variant = ..)
#          fed to t_test() called once (in FROM)
#   dc     the same query with count(*) FILTER (...)
#   de     the same query with sum(value) FILTER (...) (its twin of issue 7)
# Each query runs BENCH_ROUNDS times (default 7); the first round warms the
# caches and is discarded, the median of the others is reported.  Then it
# prints the ratios against the targets (issue 7, serial):
#   a <= b,  a <= 1.05 e,  d <= 1.08 de,  parallel faster than serial.
#
# JIT is off (jit = off) so that the numbers measure the executor, not LLVM
# compile time; shared_buffers holds the whole table.  The server runs from
# a private copy of the PostgreSQL installation under .abstats/bench/pg,
# with this checkout's abstats installed there (no root, no lock, nothing
# replaced machine-wide).  Other work on the machine adds noise: the rounds
# are interleaved so that it hits every query alike.
#
# Usage: bash test/bench/bench_agg.sh        (BENCH_ROWS=1000000 for a quick run)
set -u
. "$(dirname "$0")/../lib.sh"
cd "$ABSTATS_TOP"

ROWS=${BENCH_ROWS:-10000000}
ROUNDS=${BENCH_ROUNDS:-7}
WORKERS=${BENCH_WORKERS:-2}

BENCH_DIR=$ABSTATS_TOP/.abstats/bench

abstats_deps || exit 1

bench_private_pg "$BENCH_DIR/pg" || exit 1

# (the server is stopped and its ~1.5 GB of data dropped when done)
bench_server "$BENCH_DIR/server" "shared_buffers = '2GB'" "jit = off" \
	"max_parallel_workers_per_gather = $WORKERS" || exit 1

log "generating $ROWS rows"
start=$(date +%s)
bench_psql >/dev/null <<SQL || exit 1
CREATE EXTENSION abstats;
SELECT setseed(0.5);
CREATE TABLE t (variant text, value float8);
INSERT INTO t
SELECT CASE WHEN random() < 0.5 THEN 'A' ELSE 'B' END, round((random() * 200)::numeric, 2)
FROM generate_series(1, $ROWS);
VACUUM (FREEZE, ANALYZE) t;
SQL
log "generated in $(( $(date +%s) - start )) s; table size $(bench_psql -At -c "SELECT pg_size_pretty(pg_table_size('t'))")"

D_SQL="SELECT r.* FROM (SELECT stats_agg(value) FILTER (WHERE variant = 'B') AS b, stats_agg(value) FILTER (WHERE variant = 'A') AS a FROM t) s, t_test(s.b, s.a) r"

# label  SQL
QUERIES=(
	"a|SELECT variant, stats_agg(value) FROM t GROUP BY variant"
	"b|SELECT variant, count(*), avg(value), var_samp(value) FROM t GROUP BY variant"
	"c|SELECT variant, count(*) FROM t GROUP BY variant"
	"e|SELECT variant, sum(value) FROM t GROUP BY variant"
	"d|$D_SQL"
	"dc|SELECT count(*) FILTER (WHERE variant = 'B'), count(*) FILTER (WHERE variant = 'A') FROM t"
	"de|SELECT sum(value) FILTER (WHERE variant = 'B'), sum(value) FILTER (WHERE variant = 'A') FROM t"
)
MODES=("serial|0" "parallel|$WORKERS")

log "plans"
for mode in "${MODES[@]}"; do
	for q in "${QUERIES[@]}"; do
		case ${q%%|*} in a|d) ;; *) continue ;; esac
		echo "-- ${q%%|*}, ${mode%%|*}: ${q#*|}"
		bench_psql -c "SET max_parallel_workers_per_gather = ${mode#*|}" \
			-c "EXPLAIN (COSTS OFF) ${q#*|}" | sed 's/^/   /'
	done
done

# One psql session runs every round; \echo tags each timing line.
script=$(mktemp)
{
	echo '\timing on'
	echo '\o /dev/null'
	for ((r = 1; r <= ROUNDS; r++)); do
		for mode in "${MODES[@]}"; do
			echo "SET max_parallel_workers_per_gather = ${mode#*|};"
			for q in "${QUERIES[@]}"; do
				echo "\\echo @ $r ${mode%%|*} ${q%%|*}"
				echo "${q#*|};"
			done
		done
	done
} > "$script"

log "timing $ROUNDS rounds (the first is discarded)"
bench_psql -f "$script" > .abstats/bench.times || { rm -f "$script"; exit 1; }
rm -f "$script"

# Median per (mode, query) over rounds 2..ROUNDS, then the ratios.
awk '
	$1 == "@" { round = $2; key = $3 " " $4; next }
	$1 == "Time:" && key != "" { if (round > 1) t[key] = t[key] " " $2; key = "" }
	function median(s,    v, n, i, j, x) {
		n = split(s, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) { x = v[j]; v[j] = v[j - 1]; v[j - 1] = x }
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	function verdict(ok) { return ok ? "ok" : "MISSED" }
	END {
		for (k in t) m[k] = median(t[k])
		printf "\nmedian times (ms)      serial   parallel\n"
		split("a b c e d dc de", qs, " ")
		for (i = 1; i <= 7; i++)
			printf "  %-18s %9.1f  %9.1f\n", qs[i], m["serial " qs[i]], m["parallel " qs[i]]
		printf "\nratios                        serial  parallel   target\n"
		printf "  a / b  (stats_agg/builtins)  %5.3f     %5.3f   <= 1.00 serial: %s\n",
			m["serial a"] / m["serial b"], m["parallel a"] / m["parallel b"],
			verdict(m["serial a"] <= m["serial b"])
		printf "  a / e  (stats_agg/sum)       %5.3f     %5.3f   <= 1.05 serial: %s\n",
			m["serial a"] / m["serial e"], m["parallel a"] / m["parallel e"],
			verdict(m["serial a"] <= 1.05 * m["serial e"])
		printf "  a / c  (stats_agg/count)     %5.3f     %5.3f   (reference)\n",
			m["serial a"] / m["serial c"], m["parallel a"] / m["parallel c"]
		printf "  e / c  (sum(value)/count)    %5.3f     %5.3f   (reference)\n",
			m["serial e"] / m["serial c"], m["parallel e"] / m["parallel c"]
		printf "  d / de (t-test/sum FILTER)   %5.3f     %5.3f   <= 1.08 serial: %s\n",
			m["serial d"] / m["serial de"], m["parallel d"] / m["parallel de"],
			verdict(m["serial d"] <= 1.08 * m["serial de"])
		printf "  d / dc (t-test/count FILTER) %5.3f     %5.3f   (reference)\n",
			m["serial d"] / m["serial dc"], m["parallel d"] / m["parallel dc"]
		printf "  parallel speed-up of a: %.2fx, of d: %.2fx   > 1: %s\n",
			m["serial a"] / m["parallel a"], m["serial d"] / m["parallel d"],
			verdict(m["parallel a"] < m["serial a"] && m["parallel d"] < m["serial d"])
	}' .abstats/bench.times

# Memory per group (issue 8): a hash aggregate over 1M groups of 2 rows
# each, serial, with work_mem large enough that nothing spills; EXPLAIN
# ANALYZE reports the hash table's peak memory.  Per group above count(*)'s
# own cost (the grouping), stats_agg against avg and var_samp.
log "memory per group: 1M groups, hash aggregate (EXPLAIN ANALYZE)"
mem_of() {
	bench_psql -At -c "SET max_parallel_workers_per_gather = 0" -c "SET work_mem = '4GB'" \
		-c "SET enable_sort = off" \
		-c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT g, $1 FROM (SELECT g % 1000000 AS g, g::float8 AS v FROM generate_series(1, 2000000) g) s GROUP BY g" |
		sed -n 's/.*Memory Usage: \([0-9]*\)kB.*/\1/p' | head -1
}
m_count=$(mem_of "count(*)")
m_stats=$(mem_of "stats_agg(v)")
m_avg=$(mem_of "avg(v)")
m_var=$(mem_of "var_samp(v)")
awk -v c="$m_count" -v s="$m_stats" -v a="$m_avg" -v v="$m_var" 'BEGIN {
	printf "  hash table peak (kB): count %d, stats_agg %d, avg %d, var_samp %d\n", c, s, a, v
	printf "  bytes per group above count(*): stats_agg %.0f, avg %.0f, var_samp %.0f\n",
		(s - c) * 1024 / 1e6, (a - c) * 1024 / 1e6, (v - c) * 1024 / 1e6 }'
