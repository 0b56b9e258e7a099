#!/usr/bin/env bash
# Clusters of a fleet, for test/fleet/*.sh and bench/fleet.sh.
#
#   . test/support/fleet.sh
#   fleet_cluster NAME [postgresql.conf lines...]   # a server in $fleet_work/NAME
#   fq NAME DB SQL...         # psql -A -t on that cluster, ON_ERROR_STOP
#   fleet_add_origin NAME DB  # CREATE EXTENSION + fleet_publish() there; prints the origin
#   fleet_subscribe NAME DB [user=... ...]  # at the centre ($fleet_centre): fleet_subscribe() + \gexec
#   fleet_wait_caught_up ORIGIN NAME DB [seconds]   # the centre has every row of it
#
# The servers run as postgres on private sockets and loopback ports
# (test/support/server.sh); fleet_stop_all stops them.
. "$(dirname "${BASH_SOURCE[0]}")/server.sh"

fleet_work=${fleet_work:-$(mktemp -d /tmp/postmortem-fleet.XXXXXX)}
chmod 755 "$fleet_work"
fleet_centre=${fleet_centre:-centre}
fleet_centre_db=${fleet_centre_db:-fleet}
declare -A fleet_port

fleet_cluster() {
	local name=$1; shift
	local saved_host=${PGHOST-unset} saved_port=${PGPORT-unset}
	unset PGHOST PGPORT
	pm_server_start "$fleet_work/$name" "$@" || return 1
	fleet_port[$name]=$PGPORT
	# the caller's server (make test's) stays the default one
	if [ "$saved_host" = unset ]; then unset PGHOST; else export PGHOST=$saved_host; fi
	if [ "$saved_port" = unset ]; then unset PGPORT; else export PGPORT=$saved_port; fi
}

fleet_stop_all() {
	local name
	for name in "${!fleet_port[@]}"; do
		pm_server_stop "$fleet_work/$name"
	done
}

fleet_restart() {
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$fleet_work/$1/data" -l "$fleet_work/$1/server.log" \
		-m fast -w -t 60 restart >/dev/null
}

fq() {
	local name=$1 db=$2; shift 2
	local args=()
	for sql in "$@"; do args+=(-c "$sql"); done
	psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$fleet_work/$name" -p "${fleet_port[$name]}" \
		-U postgres -d "$db" "${args[@]}"
}

# psql reading a script on stdin (for \gexec)
fq_script() {
	psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$fleet_work/$1" -p "${fleet_port[$1]}" -U postgres -d "$2"
}

fleet_add_origin() {
	local name=$1 db=$2
	fq "$name" postgres "CREATE DATABASE $db" >/dev/null &&
	fq "$name" "$db" "CREATE EXTENSION postmortem" >/dev/null &&
	fq "$name" "$db" "SELECT postmortem.fleet_publish()"
}

fleet_subscribe() {
	local name=$1 db=$2 origin
	origin=$(fq "$name" "$db" "SELECT postmortem.local_origin()") || return 1
	fq_script "$fleet_centre" "$fleet_centre_db" >/dev/null <<SQL
SET client_min_messages = warning;
SELECT postmortem.fleet_subscribe('$origin', 'host=127.0.0.1 port=${fleet_port[$name]} dbname=$db ${3:-user=postgres}') \gexec
SQL
}

# Poll (bounded) until the centre holds exactly the origin's rows and chain head.
fleet_wait_caught_up() {
	local origin=$1 name=$2 db=$3 secs=${4:-60} want got i
	for ((i = 0; i < secs * 5; i++)); do
		want=$(fq "$name" "$db" "SELECT count(*) || ' ' || coalesce((SELECT last_id FROM postmortem.schema_change_head WHERE origin = '$origin'), 0) FROM postmortem.schema_change WHERE origin = '$origin'" 2>/dev/null)
		got=$(fq "$fleet_centre" "$fleet_centre_db" "SELECT count(*) || ' ' || coalesce((SELECT last_id FROM postmortem.schema_change_head WHERE origin = '$origin'), 0) FROM postmortem.schema_change WHERE origin = '$origin'" 2>/dev/null)
		[ -n "$want" ] && [ "$want" = "$got" ] && return 0
		sleep 0.2
	done
	echo "# not caught up after $secs s: origin $origin has '$want', the centre '$got'" >&2
	return 1
}
