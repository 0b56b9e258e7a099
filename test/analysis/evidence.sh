#!/usr/bin/env bash
# Evidence at declaration with real sessions: one holds a lock, another waits
# for it; declaring an incident must name the waiter, the lock and the
# blocker, and the long-running statement.  Uses the server `make test`
# started (PGHOST/PGPORT); every session is bounded in time.
set -uo pipefail
db=postmortem_evidence_tap
psql_() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }

echo "1..6"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 || { echo "Bail out! cannot create $db"; exit 1; }
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT

psql_ -c "CREATE EXTENSION postmortem" -c "CREATE TABLE public.ev_t (id int)" -c "INSERT INTO public.ev_t VALUES (1)" >/dev/null

# the blocker: holds ACCESS EXCLUSIVE for up to 20 s
timeout 25 psql -X -q -d "$db" -c "SET application_name = 'ev_blocker'" \
	-c "BEGIN; LOCK TABLE public.ev_t IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20) /* token 'S3cret-blocker' */; COMMIT;" >/dev/null 2>&1 &
pids+=($!)
for i in $(seq 1 50); do
	n=$(psql_ -At -c "SELECT count(*) FROM pg_locks WHERE relation = 'public.ev_t'::regclass AND granted AND mode = 'AccessExclusiveLock'" 2>/dev/null)
	[ "$n" = 1 ] && break
	sleep 0.2
done
# the victim: waits for the lock
timeout 25 psql -X -q -d "$db" -c "SET application_name = 'ev_victim'" -c "SELECT count(*) FROM public.ev_t /* password 'S3cret-victim' */" >/dev/null 2>&1 &
pids+=($!)
for i in $(seq 1 50); do
	n=$(psql_ -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'ev_victim' AND wait_event_type = 'Lock'")
	[ "$n" = 1 ] && break
	sleep 0.2
done
[ "$n" = 1 ] && echo "ok 1 - a session waits for the lock" || echo "not ok 1 - a session waits for the lock"
sleep 1.2

out=$(psql_ -At <<'SQL'
SET postmortem.evidence_long_query = '1s';
INSERT INTO postmortem.incident (title) VALUES ('ev_t is stuck');
SELECT body FROM postmortem.timeline
 WHERE source = 'evidence' AND kind = 'evidence'
   AND incident_id = (SELECT max(id) FROM postmortem.incident);
SQL
)
echo "$out" | sed 's/^/# /'
if echo "$out" | grep -Eq '^pid [0-9]+ \(postgres, ev_victim\) has waited [0-9]+ s for AccessShareLock on ev_t, blocked by pid [0-9]+ \(postgres, active for [0-9]+ s: .*LOCK TABLE'; then
	echo "ok 2 - the waiting session, its lock and its blocker are evidence"
else
	echo "not ok 2 - the waiting session, its lock and its blocker are evidence"
fi
if echo "$out" | grep -Eq '^pid [0-9]+ \(postgres, ev_blocker\) has been running a statement for [0-9]+ s: .*pg_sleep'; then
	echo "ok 3 - the long-running statement is evidence"
else
	echo "not ok 3 - the long-running statement is evidence"
fi
if ! echo "$out" | grep -Eq 'ev_victim\) has been running'; then
	echo "ok 4 - the waiting session is not reported twice"
else
	echo "not ok 4 - the waiting session is not reported twice"
fi
# on demand, while it still waits
n=$(psql_ -At -c "SET postmortem.evidence_long_query = '1s'" -c "SELECT postmortem.capture_evidence((SELECT max(id) FROM postmortem.incident))")
[ "${n:-0}" -ge 2 ] && echo "ok 5 - capture_evidence() on demand writes the entries again ($n)" || echo "not ok 5 - capture_evidence() on demand ($n)"
# other sessions' query texts are copied without what looks like a secret
if ! echo "$out" | grep -q 'S3cret' && echo "$out" | grep -q "password <redacted>" && echo "$out" | grep -q "token <redacted>"; then
	echo "ok 6 - no secret of another session's query is copied into the evidence"
else
	echo "not ok 6 - no secret of another session's query is copied into the evidence"
fi

psql_ -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name IN ('ev_blocker', 'ev_victim')" >/dev/null
