#!/usr/bin/env bash
# bench/access.sh — what row-level security costs the dashboard views: each
# view read by a dashboard role (the policies apply) against the same view
# read by the owner (a superuser: no policy), in the same run on a throwaway
# server.  100k incidents (one in PRIVATE_EVERY private, default 20, each with one member role), 500k
# timeline entries, 100k tasks.  Median "Execution Time" of EXPLAIN (ANALYZE,
# TIMING OFF) over the repetitions, the two sides interleaved.
#
#   bash bench/access.sh [repetitions]       (default 7; needs make install first)
#   PRIVATE_EVERY=1000 JIT=off bash bench/access.sh   (0.1 % private; both sides without JIT)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-7}
every=${PRIVATE_EVERY:-20}	# one incident in $every is private
. test/support/server.sh
work=$(mktemp -d /tmp/postmortem-bench-access.XXXXXX)
chmod 755 "$work"
trap 'pm_server_stop "$work/srv"; rm -rf "$work"' EXIT
pm_server_start "$work/srv" >/dev/null
psql -X -q -d postgres -v ON_ERROR_STOP=1 -v every="$every" >/dev/null <<'SQL'
CREATE EXTENSION postmortem;
SET postmortem.capture_evidence = off;
SELECT postmortem.create_roles();
CREATE ROLE grafana IN ROLE postmortem_dashboard;
INSERT INTO postmortem.incident (title, severity, status, started_at, detected_at, resolved_at, users_affected_pct, private)
SELECT 'incident ' || g, (1 + g % 5)::int::postmortem.severity, 'resolved',
       t, t + (g % 17) * interval '1 minute', t + (20 + g % 300) * interval '1 minute', g % 100, g % :every = 0
  FROM generate_series(1, 100000) g, LATERAL (SELECT timestamptz '2016-01-01' + g * interval '50 minutes' AS t) x;
INSERT INTO postmortem.incident_member (incident_id, role_name) SELECT id, 'security' FROM postmortem.incident WHERE private;
INSERT INTO postmortem.timeline (incident_id, at, body) SELECT i.id, i.started_at, 'entry' FROM postmortem.incident i, generate_series(1, 5);
INSERT INTO postmortem.task (incident_id, title, due_at) SELECT id, 'task', started_at + interval '30 days' FROM postmortem.incident;
VACUUM ANALYZE;
SQL
run() {	# role query -> execution ms
	psql -X -q -A -t -d postgres -c "SET ROLE $1" -c "SET jit = ${JIT:-on}" -c "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) $2" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["Execution Time"])'
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-22s %12s %12s %8s\n' view "owner ms" "dashboard ms" ratio
for v in incident_metrics monthly_metrics open_tasks overdue_tasks change_failure_rate; do
	q="SELECT * FROM postmortem.$v"
	: >"$work/a"; : >"$work/b"
	for i in $(seq "$reps"); do run postgres "$q" >>"$work/a"; run grafana "$q" >>"$work/b"; done
	a=$(median <"$work/a"); b=$(median <"$work/b")
	printf '%-22s %12.1f %12.1f %8.2f\n' "$v" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
