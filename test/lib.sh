# test/lib.sh: shared steps of test/demo and test/run (sourced, not run).
#
# abstats_deps        install what is missing (apt), find the server's pg_config
# abstats_build_install  build (-Werror) and install abstats
# abstats_setup       both of the above
# abstats_start DIR [CONF]  initdb + start a throwaway server with its data and
#                     unix socket under DIR (or, see server_dir, a directory
#                     under /tmp that it announces); extra postgresql.conf
#                     lines CONF; exports PGHOST, PGPORT, PGUSER and sets
#                     ABSTATS_SERVER_DIR to where the server really is
# abstats_stop        stop it
# abstats_lock        hold the machine-wide install lock on fd 9
# run_logged LABEL LOG STATUS CMD...  run CMD with its output in LOG, printing
#                     a progress line every 15 s (see below)
#
# ABSTATS_PG_ROOT=DIR (optional, for developers running several checkouts at
# once): build against and install into a private copy of the server's tree
# under DIR instead of the system one.  PostgreSQL finds its share and lib
# directories relative to its binaries, so the copy works as a server of
# its own; each such tree has its own lock.
#
# As root, the server runs as the `postgres` user (PostgreSQL refuses root).

ABSTATS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ABSTATS_PORT=${ABSTATS_PORT:-5499}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# run_logged LABEL LOG STATUS CMD...: run CMD with stdout and stderr in LOG.
# While it runs, print "    LABEL: N s" every PROGRESS_EVERY seconds
# (default 15), followed by what
# the shell function STATUS prints when given LOG (use - for none), so that a
# long step never looks hung.  When CMD fails, print the last 40 lines of LOG.
# Returns CMD's exit status.
run_logged() {
	local label=$1 logf=$2 status=$3 start=$SECONDS every=${PROGRESS_EVERY:-15} next pid rc extra
	shift 3
	mkdir -p "$(dirname "$logf")"
	"$@" > "$logf" 2>&1 &
	pid=$!
	next=$((SECONDS + every))
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
			extra=
			[ "$status" = - ] || extra=", $("$status" "$logf")"
			printf '    %s: %d s%s\n' "$label" $((SECONDS - start)) "$extra" >&2
			next=$((SECONDS + every))
		fi
	done
	wait "$pid"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		echo "$label failed (exit status $rc); the last lines of $logf:" >&2
		tail -40 "$logf" >&2
	fi
	return "$rc"
}

# Highest PostgreSQL major version with a server installed, or empty.
pg_major() {
	local d v best=
	for d in /usr/lib/postgresql/*/bin/postgres; do
		[ -x "$d" ] || continue
		v=${d#/usr/lib/postgresql/}; v=${v%%/*}
		if [ -z "$best" ] || [ "$v" -gt "$best" ]; then best=$v; fi
	done
	echo "$best"
}

# Progress of an apt-get install from its log: packages downloaded and set up.
apt_status() {
	local total got unpacked done
	total=$(sed -n 's/^\([0-9][0-9]*\) upgraded, \([0-9][0-9]*\) newly installed.*/\1 \2/p' "$1" |
		head -1 | awk '{ print $1 + $2 }')
	got=$(grep -c '^Get:' "$1")
	unpacked=$(grep -c '^Unpacking ' "$1")
	done=$(grep -c '^Setting up ' "$1")
	echo "${total:-?} packages: $got downloaded, $unpacked unpacked, $done set up"
}

# apt-get update, once per script.
apt_update() {
	[ -z "${ABSTATS_APT_UPDATED:-}" ] || return 0
	log "apt-get update"
	# env: sudo drops DEBIAN_FRONTEND from the environment.
	run_logged "apt-get update" "$ABSTATS_TOP/.abstats/apt-update.log" - \
		as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
	ABSTATS_APT_UPDATED=1
}

# apt_install PACKAGE...: install with apt-get (through sudo when not root),
# showing progress; the full output is in .abstats/apt.log.
apt_install() {
	local logf=$ABSTATS_TOP/.abstats/apt.log
	apt_update || return 1
	log "installing with apt-get: $* (takes a few minutes on a fresh machine; log: $logf)"
	run_logged "apt-get install" "$logf" apt_status \
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "$@" || return 1
	log "installed: $*"
}

# Install the build and server dependencies that are missing.
abstats_deps() {
	local need=() v
	command -v gcc >/dev/null || need+=(gcc libc6-dev)
	command -v make >/dev/null || need+=(make)
	command -v gsl-config >/dev/null || need+=(libgsl-dev)
	command -v flock >/dev/null || need+=(util-linux)
	v=$(pg_major)
	if [ -z "$v" ]; then
		# The server, and in the same install the headers of the major
		# version it brings (postgresql depends on postgresql-NN).
		apt_update || return 1
		v=$(apt-cache depends postgresql 2>/dev/null |
			sed -n 's/^ *Depends: postgresql-\([0-9][0-9]*\)$/\1/p' | head -1)
		need+=(postgresql postgresql-contrib ${v:+postgresql-server-dev-$v})
	fi
	if [ ${#need[@]} -gt 0 ]; then apt_install "${need[@]}" || return 1; fi
	v=$(pg_major)
	[ -n "$v" ] || { echo "no PostgreSQL server found after install" >&2; return 1; }
	# The build needs the server headers (postgresql-server-dev-NN);
	# pg_config and pgxs.mk also ship with the client and prove nothing.
	if [ ! -x "/usr/lib/postgresql/$v/bin/pg_config" ] || \
	   [ ! -f "$(/usr/lib/postgresql/$v/bin/pg_config --includedir-server 2>/dev/null)/postgres.h" ] || \
	   [ ! -f "/usr/lib/postgresql/$v/lib/pgxs/src/makefiles/pgxs.mk" ]; then
		apt_install "postgresql-server-dev-$v" || return 1
	fi
	[ -f "$(/usr/lib/postgresql/$v/bin/pg_config --includedir-server)/postgres.h" ] || {
		echo "postgres.h not found after installing postgresql-server-dev-$v" >&2; return 1; }
	PG_BIN=/usr/lib/postgresql/$v/bin
	if [ -n "${ABSTATS_PG_ROOT:-}" ]; then
		private_pg_tree "$v" || return 1
		PG_BIN=$ABSTATS_PG_ROOT/usr/lib/postgresql/$v/bin
	fi
	PG_CONFIG=$PG_BIN/pg_config
	export PG_BIN PG_CONFIG
}

# Copy the system server tree (binaries, share, headers) for major version
# $1 under $ABSTATS_PG_ROOT, again whenever the system's server changes.
private_pg_tree() {
	local v=$1 root=$ABSTATS_PG_ROOT stamp
	stamp=$("/usr/lib/postgresql/$v/bin/postgres" --version)
	if [ "$(cat "$root/.version" 2>/dev/null)" != "$stamp" ]; then
		log "copying the PostgreSQL $v server tree to $root"
		rm -rf "$root" && mkdir -p "$root/usr/lib/postgresql" "$root/usr/share/postgresql" \
			"$root/usr/include" || return 1
		cp -a "/usr/lib/postgresql/$v" "$root/usr/lib/postgresql/" &&
		cp -a "/usr/share/postgresql/$v" "$root/usr/share/postgresql/" &&
		cp -a /usr/include/postgresql "$root/usr/include/" || return 1
		chmod -R a+rX "$root"
		echo "$stamp" > "$root/.version"
	fi
}

# Hold the install lock on fd 9 until the caller closes it: the extension
# directory is machine-wide, so checkouts on one machine take turns from
# install to the end of their tests.  The lock file is world-writable and
# opened read-only (flock needs no write access), so users share it: the
# first user creates it, every other user (root or not) can still lock it.
abstats_lock() {
	local lock=/tmp/abstats-test.lock
	[ -n "${ABSTATS_PG_ROOT:-}" ] && lock=$ABSTATS_PG_ROOT/.lock
	if [ ! -e "$lock" ]; then
		(umask 000; : > "$lock") 2>/dev/null
	fi
	exec 9<"$lock" || { echo "cannot open the lock file $lock" >&2; return 1; }
	if ! flock -n 9; then
		log "waiting for another checkout's test run or demo to finish (lock $lock)"
		local waited=0 rc
		while :; do
			flock -w 30 -E 75 9
			rc=$?
			[ "$rc" = 0 ] && break
			[ "$rc" = 75 ] || { echo "cannot lock $lock" >&2; return 1; }
			waited=$((waited + 30))
			echo "    still waiting for the lock after $waited s (lslocks | grep abstats shows who holds it)" >&2
		done
	fi
}

# Progress of a build from its log: objects compiled so far.
build_status() {
	echo "$(grep -cE -- ' -c -o [^ ]*\.o ' "$1") of $(ls "$ABSTATS_TOP"/src/*.c | wc -l) source files compiled"
}

# Build with warnings as errors and install (serialized: several checkouts
# on one machine share the server's extension directory).
abstats_build_install() {
	local logf=$ABSTATS_TOP/.abstats/build.log
	log "building abstats against $($PG_CONFIG --version) (log: $logf)"
	run_logged "build" "$logf" build_status \
		make -C "$ABSTATS_TOP" PG_CONFIG="$PG_CONFIG" ABSTATS_CFLAGS="${ABSTATS_CFLAGS:--Werror}" || return 1
	log "installing abstats into $($PG_CONFIG --pkglibdir) and $($PG_CONFIG --sharedir)/extension"
	if [ -n "${ABSTATS_PG_ROOT:-}" ] && [ -w "$ABSTATS_PG_ROOT" ]; then
		make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null || return 1
	else
		as_root make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null || return 1
	fi
}

abstats_setup() {
	abstats_deps && abstats_build_install
}

# Run a command as the server's owner.  As root it runs as postgres from /,
# a directory postgres can enter (PostgreSQL's programs return to the
# directory they started in and warn when they cannot, e.g. under /root).
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		(cd / && exec runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# The command a user types to run "$@" as the server's owner (for messages).
as_pg_hint() {
	if [ "$(id -u)" = 0 ]; then
		printf "su - postgres -c '%s'" "$*"
	else
		printf '%s' "$*"
	fi
}

# Directory for a throwaway server: DIR inside the checkout when the server's
# user can reach it, else (as root in a checkout that postgres cannot enter,
# such as one under /root) /tmp/abstats-NAME-NNNN, NNNN a checksum of DIR.
server_dir() {
	local dir=$1
	mkdir -p "$dir" || return 1
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$dir"
		if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
			dir=/tmp/abstats-$(basename "$dir")-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
			mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir" || return 1
		fi
	fi
	echo "$dir"
}

abstats_start() {
	local want=$1 conf=${2:-} dir
	dir=$(server_dir "$want") || return 1
	ABSTATS_SERVER_DIR=$dir
	if [ "$dir" = "$want" ]; then
		log "starting a throwaway PostgreSQL in $dir (unix socket only, port $ABSTATS_PORT)"
	else
		log "starting a throwaway PostgreSQL in $dir (unix socket only, port $ABSTATS_PORT): the postgres user cannot enter $want"
	fi
	as_pg "$PG_BIN/pg_ctl" -D "$dir/data" stop -m immediate >/dev/null 2>&1
	rm -rf "$dir/data" "$dir/server.log"
	as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null || return 1
	cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
port = $ABSTATS_PORT
max_worker_processes = 8
max_parallel_workers = 4
fsync = off
$conf
CONF
	as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start 9>&- >/dev/null || {
		cat "$dir/server.log" >&2; return 1; }
	export PGHOST=$dir PGPORT=$ABSTATS_PORT PGUSER=postgres
}

abstats_stop() {
	[ -n "${ABSTATS_SERVER_DIR:-}" ] || return 0
	as_pg "$PG_BIN/pg_ctl" -D "$ABSTATS_SERVER_DIR/data" stop -m fast >/dev/null 2>&1 ||
		as_pg "$PG_BIN/pg_ctl" -D "$ABSTATS_SERVER_DIR/data" stop -m immediate >/dev/null 2>&1
}
