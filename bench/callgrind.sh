#!/usr/bin/env bash
# Shared by the instruction-count benchmarks: a PostgreSQL server run under
# `valgrind --tool=callgrind`, and the instructions of the one backend that
# ran a SQL file.  Source it, then call cg_begin (or source
# test/support/server.sh and set $out yourself).
#
#   cg_begin NAME                      valgrind, the build under test ($PM_PG_ROOT),
#                                      test/support/server.sh, $out (removed at exit
#                                      with the server in $out/s, unless KEEP=1)
#   cg_wrapper                         $out/postgres-callgrind, for pg_ctl -p
#   cg_server DIR [conf lines...]      start a server under callgrind
#   cg_instructions DB FILE            instructions of the backend that ran FILE
cg_begin() {
	command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
	if [ -n "${PM_PG_ROOT:-}" ]; then . test/support/private-pg.sh; pm_private_pg "$PM_PG_ROOT"; fi
	. test/support/server.sh
	out=$(mktemp -d "/tmp/postmortem-bench-$1.XXXXXX")
	chmod 777 "$out"
	trap 'pm_server_stop "$out/s"; sleep 1; [ -n "${KEEP:-}" ] && echo "callgrind files kept in $out" >&2 || rm -rf "$out"' EXIT
}

# pg_ctl -p only names the postgres binary: valgrind runs through a wrapper.
# Each process's count starts at its own entry point, a backend's
# PostgresMain or a background worker's (StartBackgroundWorker on 15 and
# 16, BackgroundWorkerMain since 17): a forked process inherits the
# postmaster's counters, and its file would otherwise also hold the
# postmaster's start-up before the fork (38.7 M), the same on both sides of
# every ratio, which lowers each ratio.
# The count is the file's `totals:` line, the sum of what it holds: with
# counting toggled on, a background worker's `summary:` line reads 0.
cg_wrapper() {
	cat >"$out/postgres-callgrind" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=$out/cg.%p \
	--collect-atstart=no --toggle-collect=PostgresMain \
	--toggle-collect=StartBackgroundWorker --toggle-collect=BackgroundWorkerMain \
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
	# the output goes to a file: a pipe to head would end psql (SIGPIPE) at
	# its first write after the pid, before the file has run
	psql -X -q -A -t -d "$db" -c 'SELECT pg_backend_pid()' -f "$file" >"$out/$db.out" 2>"$out/$db.err"
	pid=$(head -1 "$out/$db.out")
	[ -s "$out/$db.err" ] && cat "$out/$db.err" >&2
	for _ in $(seq 1 240); do
		[ -s "$out/cg.$pid" ] && grep -q '^totals:' "$out/cg.$pid" && break
		sleep 0.5
	done
	awk '/^totals:/ { print $2; exit }' "$out/cg.$pid"
}
