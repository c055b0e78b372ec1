# test/lib.sh: shared steps of test/demo and test/run (sourced, not run).
#
# abstats_setup      install what is missing (apt), build and install abstats
# abstats_start DIR  initdb + start a throwaway server with its data and unix
#                    socket under DIR; exports PGHOST, PGPORT, PGUSER
# abstats_stop DIR   stop it
# abstats_lock       hold the machine-wide install lock on fd 9
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

apt_install() {
	log "installing: $*"
	export DEBIAN_FRONTEND=noninteractive
	if [ -z "${ABSTATS_APT_UPDATED:-}" ]; then
		as_root apt-get update -qq || return 1
		ABSTATS_APT_UPDATED=1
	fi
	as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

# Install the build and server dependencies that are missing.
abstats_deps() {
	local need=() v
	command -v gcc >/dev/null || need+=(gcc libc6-dev)
	command -v make >/dev/null || need+=(make)
	command -v gsl-config >/dev/null || need+=(libgsl-dev)
	command -v flock >/dev/null || need+=(util-linux)
	v=$(pg_major)
	[ -n "$v" ] || need+=(postgresql postgresql-contrib)
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
# opened read-only (flock needs no write access), so users share it.
abstats_lock() {
	local lock=/tmp/abstats-test.lock
	[ -n "${ABSTATS_PG_ROOT:-}" ] && lock=$ABSTATS_PG_ROOT/.lock
	if [ ! -e "$lock" ]; then
		(umask 000; : > "$lock") 2>/dev/null
	fi
	exec 9<"$lock" || return 1
	if ! flock -n 9; then
		log "waiting for another checkout's test run or demo to finish (lock $lock)"
		flock 9
	fi
}

# Build with warnings as errors and install (serialized: several checkouts
# on one machine share the server's extension directory).
abstats_build_install() {
	log "building abstats against $($PG_CONFIG --version)"
	make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" ABSTATS_CFLAGS="${ABSTATS_CFLAGS:--Werror}" || return 1
	if [ -n "${ABSTATS_PG_ROOT:-}" ] && [ -w "$ABSTATS_PG_ROOT" ]; then
		make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null || return 1
	else
		as_root make -C "$ABSTATS_TOP" -s PG_CONFIG="$PG_CONFIG" install >/dev/null || return 1
	fi
}

abstats_setup() {
	abstats_deps && abstats_build_install
}

# Run a command as the server's owner.
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Directory for a throwaway server: DIR inside the checkout when the server's
# user can reach it, else a private directory under /tmp.
server_dir() {
	local dir=$1
	mkdir -p "$dir" || return 1
	if [ "$(id -u)" = 0 ]; then
		chown postgres: "$dir"
		if ! runuser -u postgres -- test -w "$dir"; then
			dir=/tmp/abstats-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
			mkdir -p "$dir" && chown postgres: "$dir" && chmod 700 "$dir"
		fi
	fi
	echo "$dir"
}

abstats_start() {
	local dir
	dir=$(server_dir "$1") || return 1
	ABSTATS_SERVER_DIR=$dir
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
CONF
	as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start 9>&- >/dev/null || {
		cat "$dir/server.log" >&2; return 1; }
	export PGHOST=$dir PGPORT=$ABSTATS_PORT PGUSER=postgres
	ABSTATS_SERVER_DIR=$dir
}

abstats_stop() {
	[ -n "${ABSTATS_SERVER_DIR:-}" ] || return 0
	as_pg "$PG_BIN/pg_ctl" -D "$ABSTATS_SERVER_DIR/data" stop -m fast >/dev/null 2>&1
}
