#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and the demo (PGVERSION, default
# 15, or the binaries in PM_PGBIN).
#
#   source test/support/server.sh
#   pm_server_start DIR [extra postgresql.conf lines...]   # sets PGHOST PGPORT PGUSER
#   pm_server_stop DIR
#
# The server runs as the postgres user (initdb refuses root), listens only on
# a private socket directory inside DIR and on a free loopback port.
PM_PGBIN=${PM_PGBIN:-/usr/lib/postgresql/${PGVERSION:-15}/bin}

pm_as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

pm_free_port() {
	local p
	for p in $(seq $((20000 + RANDOM % 20000)) 1 65000); do
		if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then
			echo "$p"
			return
		fi
	done
}

pm_server_start() {
	local dir=$1; shift
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
	pm_as_postgres "$PM_PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust \
		--no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
		|| { cat "$dir/initdb.log" >&2; return 1; }
	local port
	port=$(pm_free_port)
	{
		echo "port = $port"
		echo "listen_addresses = '127.0.0.1'"
		echo "unix_socket_directories = '$dir'"
		echo "fsync = off"
		echo "max_wal_senders = 10"
		echo "wal_level = logical"
		echo "max_replication_slots = 10"
		for line in "$@"; do echo "$line"; done
	} >>"$dir/data/postgresql.conf"
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
		|| { cat "$dir/server.log" >&2; return 1; }
	export PGHOST=$dir PGPORT=$port PGUSER=postgres
}

pm_server_stop() {
	local dir=$1
	[ -d "$dir/data" ] || return 0
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
}
