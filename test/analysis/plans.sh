#!/usr/bin/env bash
# The queries suspects(), incident_timeline(), capture_evidence() and the
# change_failure_rate view really run use indexes at scale: auto_explain logs
# the plan of every nested statement to the client, and no plan may read the
# big tables sequentially.  (20k incidents, 200k timeline entries, 200k
# schema changes, 200k change events; bench/culprit.sh times the same at 5
# times that.  CHANGES=1000000 test/analysis/plans.sh checks the plans at 1M
# schema changes.)
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_plans_tap
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }
psql -X -q -d "$db" -v incidents=20000 -v timeline=200000 -v changes="${CHANGES:-200000}" -f bench/culprit_data.sql >/dev/null 2>&1 \
	|| { echo "Bail out! could not populate $db"; exit 1; }
# 200k change events over the same five years (deploys, flags, config)
psql -X -q -d "$db" -c "INSERT INTO postmortem.change_event (kind, name, at, details)
	SELECT (ARRAY['deploy', 'flag', 'config'])[1 + g % 3], 'service-' || (g % 40) || ' v' || g,
	       now() - interval '5 years' * (1 - g::float8 / 200000), jsonb_build_object('service', 'service-' || (g % 40))
	  FROM generate_series(1, 200000) g" -c "ANALYZE postmortem.change_event" >/dev/null 2>&1 \
	|| { echo "Bail out! could not add change events to $db"; exit 1; }

plans() { # SQL -> the plans auto_explain logged for it and everything it ran
	psql -X -q -d "$db" 2>&1 >/dev/null <<SQL
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET client_min_messages = log;
$1
$1
SQL
}
n=0
check() { # description, plans, must-contain regex, must-not-contain regex
	n=$((n + 1))
	if printf '%s' "$2" | grep -E "$3" >/dev/null && ! printf '%s' "$2" | grep -E "$4" >/dev/null; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		printf '%s\n' "$2" | grep -E "Scan|LOG" | head -40 | sed 's/^/# /'
	fi
}
echo "1..10"
big='Seq Scan on (schema_change|timeline|incident|task) '
p=$(plans "SELECT count(*) FROM postmortem.suspects(10007);")
# the lookback window's schema changes and change events are read straight
# from their index on "at" (suspects.c and events.c scan it themselves: no
# plan to log), so this transaction's counters say it
scans() { # table, index -> "N index scan, M sequential" of one suspects() call
	psql -X -q -A -t -d "$db" 2>&1 <<SQL
BEGIN;
SELECT count(*) FROM postmortem.suspects(10007) \\g /dev/null
SELECT pg_stat_get_xact_numscans('postmortem.$2'::regclass) || ' index scan, '
       || (SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relid = 'postmortem.$1'::regclass)
       || ' sequential';
COMMIT;
SQL
}
for t in schema_change change_event; do
	n=$((n + 1))
	got=$(scans $t ${t}_at_idx)
	if [ "$got" = "1 index scan, 0 sequential" ]; then
		echo "ok $n - suspects() reads the lookback window's $t rows through ${t}_at_idx"
	else
		echo "not ok $n - suspects() reads the lookback window's $t rows through ${t}_at_idx"
		echo "#   got: '$got'"
	fi
done
check "suspects() reads the window's migration attributions through their primary key" "$p" \
	'migration_attribution_pkey' 'Seq Scan on migration_attribution '
p=$(plans "SELECT count(*) FROM postmortem.incident_timeline(10007);")
check "incident_timeline() reads the incident's rows through indexes" "$p" 'timeline_incident_at_idx' "$big"
p=$(plans "SELECT count(*) FROM postmortem.incident_timeline(10007) WHERE source = 'recorder';")
check "incident_timeline() finds the changes during the incident through schema_change_at_idx" "$p" 'schema_change_at_idx' "$big"
p=$(plans "BEGIN; SELECT postmortem.capture_evidence(10007); ROLLBACK;")
check "capture_evidence() finds each table's last change through schema_change_table_at_idx" "$p" 'schema_change_table_at_idx' "$big"
p=$(plans "SELECT * FROM postmortem.change_failure_rate WHERE month >= now() - interval '1 year';")
check "change_failure_rate counts each month with an index-only scan" "$p" 'Index Only Scan using schema_change_at_idx' "$big"
# schema_change has two indexes besides (table_oid, at): its primary key
# (origin, id) and (at); what the fleet's (origin, at) index served is a range
# of the primary key
p=$(plans "SELECT postmortem.revert_sql(100);")
check "revert_sql() finds the row through the primary key (a skip scan of the origins)" "$p" 'schema_change_pkey' "$big"
# (its count(*) of an origin that holds every row may read the table, as any count(*) does)
p=$(plans "SELECT count(*) FROM postmortem.fleet_status(false);")
check "fleet_status() finds the origins and each one's newest row through the primary key" "$p" \
	'Index Scan using schema_change_pkey on schema_change last_row' \
	'Seq Scan on (timeline|incident|task) '

p=$(plans "SELECT * FROM postmortem.change_failure_rate_by_origin;")
check "change_failure_rate_by_origin counts each origin's months through schema_change_at_idx" "$p" 'schema_change_at_idx' "$big"
