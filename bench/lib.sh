# Sourced by the benches: build and install this checkout, then a
# throwaway server for the run.
#
#   pm_bench_install          with PM_PG_ROOT, into that private copy of
#                             PostgreSQL (test/support/private-pg.sh),
#                             without waiting for other checkouts; else
#                             into the host's, holding the install lock
#                             (fd 9) for the whole run
#   pm_bench_server [SETTING ...]
#                             a server with those postgresql.conf lines in
#                             a new temporary directory, stopped and
#                             removed on exit (PGHOST and PGPORT set)

. test/support/server.sh

pm_bench_install() {
	if [ -n "${PM_PG_ROOT:-}" ]; then
		. test/support/private-pg.sh
		pm_private_pg "$PM_PG_ROOT"
		export PATH="$PM_PGBIN:$PATH"
	else
		exec 9>/tmp/postmortem-test.lock
		flock 9
	fi
	make -s >/dev/null
	make -s install >/dev/null
}

pm_bench_server() {
	pm_bench_work=$(mktemp -d /tmp/postmortem-bench.XXXXXX)
	chmod 755 "$pm_bench_work"
	trap 'pm_server_stop "$pm_bench_work/srv"; rm -rf "$pm_bench_work"' EXIT
	pm_server_start "$pm_bench_work/srv" "$@" >/dev/null
}
