#!/usr/bin/env bash
# Shared by the instruction-count benchmarks: a PostgreSQL server run under
# `valgrind --tool=callgrind`, and the instructions of the one backend that
# ran a SQL file.  Source it after test/support/server.sh; set $out first.
#
#   cg_server DIR [conf lines...]      start a server under callgrind
#   cg_instructions DB FILE            instructions of the backend that ran FILE
cg_wrapper() {
	cat >"$out/postgres-callgrind" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=$out/cg.%p \
	--dump-instr=no --collect-jumps=no "$PM_PGBIN/postgres" "\$@"
WRAP
	chmod 755 "$out/postgres-callgrind"
}

cg_server() {
	local dir=$1; shift
	[ -x "$out/postgres-callgrind" ] || cg_wrapper
	pm_server_start "$dir" "$@" >/dev/null || { echo "server did not start" >&2; exit 1; }
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	pm_as_postgres "$PM_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 600 \
		-p "$out/postgres-callgrind" start >/dev/null
}

cg_instructions() {
	local db=$1 file=$2 pid
	pid=$(psql -X -q -A -t -d "$db" -c 'SELECT pg_backend_pid()' -f "$file" 2>"$out/$db.err" | head -1)
	[ -s "$out/$db.err" ] && cat "$out/$db.err" >&2
	for _ in $(seq 1 240); do
		[ -s "$out/cg.$pid" ] && grep -q '^totals:\|^summary:' "$out/cg.$pid" && break
		sleep 0.5
	done
	awk '/^(summary|totals):/ { print $2; exit }' "$out/cg.$pid"
}
