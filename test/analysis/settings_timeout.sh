#!/usr/bin/env bash
# A lock_timeout while an incident's trigger looks at the configuration
# (record_setting_changes) is the declaring statement's own error, as
# everywhere in the extension (pm_error_belongs_to_statement), not a
# WARNING that lets the declaration go on (attack3 F2).  One session holds
# a lock the look needs; the other declares with lock_timeout set.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_settings_timeout_sh
holder=
cleanup() {
	[ -n "$holder" ] && kill "$holder" 2>/dev/null
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null || { echo "Bail out! cannot create $db"; exit 1; }
q() { psql -X -q -A -t -d $db "$@" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
q -c "CREATE EXTENSION postmortem" -c "SELECT postmortem.record_setting_changes()" >/dev/null

# the holder: a transaction with an EXCLUSIVE lock on change_event, which the
# look's INSERT needs (ROW EXCLUSIVE); it stays until killed
PGAPPNAME=pm_settings_holder psql -X -q -d $db -c "BEGIN" -c "LOCK TABLE postmortem.change_event IN EXCLUSIVE MODE" \
	-c "SELECT pg_sleep(300)" >/dev/null 2>&1 &
holder=$!
for i in $(seq 1 300); do
	[ "$(q -c "SELECT count(*) FROM pg_locks WHERE relation = 'postmortem.change_event'::regclass AND mode = 'ExclusiveLock' AND granted")" = 1 ] && break
	sleep 0.1
done
out=$(q -c "SET lock_timeout = '200ms'" \
	-c "INSERT INTO postmortem.incident (title, severity, started_at) VALUES ('timeout', 'SEV2', now())")
is "$(echo "$out" | grep -c '^WARNING')" "0" "no WARNING for the lock_timeout"
is "$(echo "$out" | grep -o '^ERROR:  canceling statement due to lock timeout')" \
	"ERROR:  canceling statement due to lock timeout" "the declaration fails with the lock_timeout"
is "$(q -c "SELECT count(*) FROM postmortem.incident WHERE title = 'timeout'")" "0" "and declares nothing"
q -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pm_settings_holder'" >/dev/null
wait "$holder" 2>/dev/null
holder=
is "$(q -c "SELECT count(*) FROM postmortem.open_incident('after', 'SEV3')" | tail -1)" "1" "once the lock is gone, a declaration goes through"
echo "1..$n"
