#!/usr/bin/env bash
# The demo's clock.  make demo replays a 40-minute incident in a few
# seconds: its server runs under libfaketime (Debian's libfaketime), with
# its time read from a file, and demo/demo.sql moves that clock forward
# between the steps of the incident, so every time the extension records
# (the migration, the evidence, the milestones its triggers stamp) is the
# server's own, minutes apart as in a real incident.
#
#   . demo/clock.sh
#   pm_demo_clock_start DIR [postgresql.conf lines...]   # a server on that clock
#   bash demo/clock.sh -38m                               # from psql: \! bash demo/clock.sh -38m
#
# The clock starts 45 minutes in the past (-45m) and only moves forward,
# to +0 (the real time) at the end.  Without PM_DEMO_CLOCK set (a server
# not on the demo's clock) moving it does nothing, and the steps are
# seconds apart.
pm_demo_faketime_lib() {
	local lib
	for lib in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1; do
		[ -f "$lib" ] && { echo "$lib"; return 0; }
	done
	return 1
}

pm_demo_clock_start() {
	local dir=$1 lib
	shift
	lib=$(pm_demo_faketime_lib) || { echo "postmortem: libfaketime is not installed" >&2; return 1; }
	mkdir -p "$dir"
	export PM_DEMO_CLOCK=$dir.clock
	echo "-45m" >"$PM_DEMO_CLOCK"
	chmod 644 "$PM_DEMO_CLOCK"
	(
		export LD_PRELOAD=$lib FAKETIME_TIMESTAMP_FILE=$PM_DEMO_CLOCK FAKETIME_NO_CACHE=1 \
			FAKETIME_DONT_FAKE_MONOTONIC=1
		pm_server_start "$dir" "$@" && echo "PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER" >"$dir.env"
	) || return 1
	export $(cat "$dir.env")
}

# The new time is written beside the clock and renamed over it: every server
# process reads the file at each clock call (FAKETIME_NO_CACHE), and one that
# read it between a truncation and the write would see no time at all.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ -n "${1:-}" ] && [ -n "${PM_DEMO_CLOCK:-}" ]; then
	echo "$1" >"$PM_DEMO_CLOCK.new" && chmod 644 "$PM_DEMO_CLOCK.new" && mv -f "$PM_DEMO_CLOCK.new" "$PM_DEMO_CLOCK"
fi
