#!/usr/bin/env bash
# Issue 9 item 9: pg_restore -j 2 and -j 4 of a pg_dump -Fc keep every
# incident, timeline entry, task, citation and membership (pg_restore loads
# the extension's tables in parallel, children before parents), serial
# restores still do, and the foreign keys still hold for everyone else
# (src/incident/restore.c).  Uses the server of `make test`.
set -uo pipefail
src=postmortem_restore_src
dsts="postmortem_restore_j1 postmortem_restore_j2 postmortem_restore_j4"
work=$(mktemp -d /tmp/postmortem-restore.XXXXXX)
chmod 777 "$work"
q() { psql -X -q -A -t -d "$1" -c "$2" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
cleanup() {
	for d in $src $dsts; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS pm_restore_ordinary" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
cleanup; mkdir -p "$work"; chmod 777 "$work"
for d in $src $dsts; do
	psql -X -q -d postgres -c "CREATE DATABASE $d" >/dev/null || { echo "Bail out! cannot create $d"; exit 1; }
done
echo "1..12"
psql -X -q -v ON_ERROR_STOP=1 -d $src >/dev/null 2>&1 <<'SQL' || { echo "Bail out! setup failed"; exit 1; }
CREATE EXTENSION postmortem;
SET postmortem.capture_evidence = off;
CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int);
CREATE INDEX orders_customer_idx ON public.orders (customer_id);
DROP INDEX public.orders_customer_idx;
-- enough rows that the big children are loaded first, as pg_restore -j does
INSERT INTO postmortem.incident (title, severity, started_at, private)
SELECT 'incident ' || g, (1 + g % 5)::int::postmortem.severity, now() - g * interval '1 hour', g % 10 = 0
  FROM generate_series(1, 3000) g;
INSERT INTO postmortem.timeline (incident_id, at, body)
SELECT i.id, i.started_at + k * interval '1 minute', 'entry ' || k FROM postmortem.incident i, generate_series(1, 8) k;
INSERT INTO postmortem.task (incident_id, title, owner) SELECT id, 'task of ' || id, 'dba' FROM postmortem.incident;
INSERT INTO postmortem.incident_member (incident_id, role_name) SELECT id, 'security' FROM postmortem.incident WHERE private;
UPDATE postmortem.incident SET status = 'resolved' WHERE id % 3 = 0;
SELECT postmortem.cite(i, (SELECT id FROM postmortem.schema_change WHERE command_tag = 'DROP INDEX'))
  FROM generate_series(1, 3000, 7) i;
-- a live incident: restoring it must not take new evidence (whose timeline
-- ids would collide with the dumped entries') nor stamp it again
INSERT INTO postmortem.incident (title, started_at) VALUES ('live', now() - interval '10 minutes');
SQL
summary="SELECT (SELECT count(*) || '/' || md5(string_agg(id || title || status || private, ',' ORDER BY id)) FROM postmortem.incident)
	|| ' ' || (SELECT count(*) || '/' || md5(string_agg(id || ':' || incident_id || body || source, ',' ORDER BY id)) FROM postmortem.timeline)
	|| ' ' || (SELECT count(*) || '/' || md5(string_agg(id || ':' || incident_id || title || coalesce(completed_at::text, ''), ',' ORDER BY id)) FROM postmortem.task)
	|| ' ' || (SELECT count(*) || '/' || md5(string_agg(id || ':' || incident_id || ':' || schema_change_id, ',' ORDER BY id)) FROM postmortem.citation)
	|| ' ' || (SELECT count(*) FROM postmortem.incident_member)
	|| ' ' || (SELECT count(*) FROM postmortem.schema_change)"
want=$(q $src "$summary")
echo "# source: $want" | cut -c1-200
pg_dump -Fc -d $src -f "$work/src.dump" || echo "# pg_dump failed"

for j in 1 2 4; do
	pg_restore -j $j -d postmortem_restore_j$j "$work/src.dump" >"$work/restore$j.log" 2>&1
	is "$(q postmortem_restore_j$j "$summary")" "$want" "pg_restore -j $j keeps every incident, entry, task, citation and membership"
	is "$(grep -c 'ERROR' "$work/restore$j.log")" 0 "pg_restore -j $j runs without errors"
	grep ERROR "$work/restore$j.log" | head -3 | sed 's/^/# /'
done
d=postmortem_restore_j4
is "$(q $d "SELECT count(*) FROM postmortem.verify_audit()")" 0 "the restored audit chain verifies"

# the foreign keys hold after the restore, for everyone
is "$(psql -X -q -A -t -d $d -v VERBOSITY=sqlstate -c "INSERT INTO postmortem.timeline (incident_id, at, body) VALUES (999999, now(), 'orphan')" 2>&1)" \
	"ERROR:  23503" "an orphan timeline entry is refused as before"
is "$(psql -X -q -A -t -d $d -v VERBOSITY=sqlstate -c "SET check_function_bodies = off" -c "SET row_security = off" -c "SELECT pg_catalog.set_config('search_path', '', false)" \
	-c "CREATE ROLE pm_restore_ordinary" -c "GRANT USAGE ON SCHEMA postmortem TO pm_restore_ordinary" -c "GRANT INSERT ON postmortem.task TO pm_restore_ordinary" \
	-c "GRANT SELECT ON postmortem.incident TO pm_restore_ordinary" \
	-c "SET ROLE pm_restore_ordinary" -c "INSERT INTO postmortem.task (incident_id, title) VALUES (999999, 'orphan')" 2>&1 | grep -c 'ERROR:  \(23503\|42501\)')$(q $d "SELECT count(*) FROM postmortem.task WHERE title = 'orphan'")" \
	"10" "and an ordinary role with a restore's settings cannot slip one in either"
# a restoring superuser's session is back to normal after each statement
is "$(psql -X -q -A -t -d $d -c "SET check_function_bodies = off" -c "SET row_security = off" -c "SELECT pg_catalog.set_config('search_path', '', false)" \
	-c "INSERT INTO postmortem.timeline (incident_id, at, body) VALUES (1, pg_catalog.now(), 'late entry')" -c "SHOW session_replication_role" 2>&1 | tail -1)" \
	"origin" "session_replication_role is origin again after the statement"
is "$(q $d "SELECT count(*) FROM postmortem.incident_metrics")" 3001 "the dashboard views read the restored incidents"
is "$(q $d "UPDATE postmortem.incident SET status = 'closed' WHERE id = 2; SELECT count(*) FROM postmortem.timeline WHERE incident_id = 2 AND source = 'lifecycle' AND body LIKE '%to closed%'")" 1 \
	"the lifecycle triggers work on the restored tables"
