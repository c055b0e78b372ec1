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

# A private copy of the PostgreSQL installation with this checkout's build
# installed into it (PostgreSQL finds its share/ and lib/ relative to its
# binaries), so the benchmark neither needs root nor replaces the abstats
# that other checkouts on this machine have installed.
PG_SYS_BIN=$PG_BIN
PG_PREFIX=$BENCH_DIR/pg
log "copying PostgreSQL to $PG_PREFIX and building abstats into it"
PG_SYS_LIB=$(dirname "$PG_SYS_BIN")		# e.g. /usr/lib/postgresql/15
PG_SYS_SHARE=$("$PG_CONFIG" --sharedir)	# e.g. /usr/share/postgresql/15
rm -rf "$PG_PREFIX"
mkdir -p "$PG_PREFIX$(dirname "$PG_SYS_LIB")" "$PG_PREFIX$(dirname "$PG_SYS_SHARE")" || exit 1
cp -a "$PG_SYS_LIB" "$PG_PREFIX$PG_SYS_LIB" || exit 1
cp -a "$PG_SYS_SHARE" "$PG_PREFIX$PG_SYS_SHARE" || exit 1
make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" ABSTATS_CFLAGS="${ABSTATS_CFLAGS:--Werror}" || exit 1
make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" DESTDIR="$PG_PREFIX" install >/dev/null || exit 1
PG_BIN=$PG_PREFIX$PG_SYS_BIN
"$PG_BIN/pg_config" --sharedir | grep -q "^$PG_PREFIX" || {
	echo "the copied PostgreSQL does not relocate to $PG_PREFIX" >&2; exit 1; }

abstats_start "$BENCH_DIR/server" || exit 1
# Stop the server and drop its ~1.5 GB of data when done.
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
