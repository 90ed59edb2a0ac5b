#!/usr/bin/env bash
# PostgreSQL for Chronicle's store tests (owned by the store area).
#
#   source .ci/postgres.sh start   # install if needed, start on loopback, export CHRONICLE_TEST_POSTGRES
#   bash   .ci/postgres.sh stop    # stop the server and remove its data
#
# `start` installs the Debian server with apt-get when no PostgreSQL is on
# the machine, creates a throw-away cluster under $CHRONICLE_PG_DIR
# (default /tmp/chronicle-pg) listening on 127.0.0.1:$CHRONICLE_PG_PORT
# (default 55432) only, creates the database chronicle_test, and prints and
# exports its DSN. Run as root (CI) it runs the server as the postgres user.
# Durability settings are off: it is a test server.

_chronicle_pg_main() {
	local cmd="${1:-start}"
	local dir="${CHRONICLE_PG_DIR:-/tmp/chronicle-pg}"
	local port="${CHRONICLE_PG_PORT:-55432}"
	local bin
	_pg_bin() {
		ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
	}
	bin="$(_pg_bin)"
	local runas=()
	if [ "$(id -u)" = 0 ]; then
		runas=(runuser -u postgres --)
	fi
	case "$cmd" in
	start)
		if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
			echo "postgres.sh: installing PostgreSQL from Debian" >&2
			export DEBIAN_FRONTEND=noninteractive
			apt-get update -qq >&2 || return 1
			apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
			bin="$(_pg_bin)"
		fi
		if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
			echo "postgres.sh: no initdb after installing PostgreSQL" >&2
			return 1
		fi
		if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
			useradd --system --no-create-home postgres || return 1
		fi
		if [ -f "$dir/data/postmaster.pid" ]; then
			"${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
		fi
		rm -rf "$dir"
		mkdir -p "$dir/data" "$dir/run" || return 1
		[ "$(id -u)" = 0 ] && chown -R postgres "$dir"
		"${runas[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			return 1
		}
		"${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
			-o "-c listen_addresses=127.0.0.1 -p $port -k $dir/run -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
			start >/dev/null || {
			cat "$dir/server.log" >&2
			return 1
		}
		"${runas[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres chronicle_test || return 1
		export CHRONICLE_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/chronicle_test?sslmode=disable"
		echo "CHRONICLE_TEST_POSTGRES=$CHRONICLE_TEST_POSTGRES"
		;;
	stop)
		if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
			"${runas[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
		fi
		rm -rf "$dir"
		unset CHRONICLE_TEST_POSTGRES
		;;
	*)
		echo "usage: source .ci/postgres.sh start | bash .ci/postgres.sh stop" >&2
		return 2
		;;
	esac
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	_chronicle_pg_main "$@"
	exit $?
else
	_chronicle_pg_main "$@"
fi
