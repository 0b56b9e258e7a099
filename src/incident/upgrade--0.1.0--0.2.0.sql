
-- incident: the databases of a fleet an incident affects (docs/fleet.md)
ALTER TABLE postmortem.incident ADD COLUMN origins text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN postmortem.incident.origins IS 'The databases the incident affects, as schema_change.origin names them (<system identifier>/<database>); empty: the database it is declared in';

-- src/incident: field history and notifications (60-history.sql)
ALTER TYPE postmortem.timeline_kind ADD VALUE IF NOT EXISTS 'field_change';
\ir 60-history.sql

-- src/incident: the objects an incident affects (70-affects.sql)
\ir 70-affects.sql

/*
 * incident: 0.1.0 → 0.2.0
 */

-- Nothing of the extension in pg_catalog (issue 9 item 14).  The operators
-- move, keeping their oids, so opclasses and users' indexes on severity
-- stay as they are; the duration copies go (a user's view that used
-- i.time_to_resolve through the pg_catalog copy makes this DROP fail and
-- names it: recreate that view with postmortem.time_to_resolve(i)).
ALTER OPERATOR pg_catalog.< (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR pg_catalog.<= (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR pg_catalog.= (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR pg_catalog.<> (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR pg_catalog.>= (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR pg_catalog.> (postmortem.severity, postmortem.severity) SET SCHEMA postmortem;
ALTER OPERATOR FAMILY postmortem.severity_ops USING btree
	ADD FUNCTION 4 (postmortem.severity, postmortem.severity) pg_catalog.btequalimage(oid);
DROP FUNCTION pg_catalog.time_to_detect(postmortem.incident);
DROP FUNCTION pg_catalog.time_to_acknowledge(postmortem.incident);
DROP FUNCTION pg_catalog.time_to_mitigate(postmortem.incident);
DROP FUNCTION pg_catalog.time_to_resolve(postmortem.incident);
DROP FUNCTION pg_catalog.time_to_repair(postmortem.incident);
DROP FUNCTION pg_catalog.duration(postmortem.incident);
DROP FUNCTION pg_catalog.impact_minutes(postmortem.incident);

-- The lifecycle triggers run whatever the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.incident_lifecycle_stamp() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.incident_lifecycle_log() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.task_lifecycle_stamp() SET search_path = pg_catalog, pg_temp;

-- Times are finite (issue 9 item 13): say which rows stand in the way.
DO $finite$
DECLARE
	bad text;
BEGIN
	SELECT pg_catalog.string_agg(w, '; ') INTO bad FROM (
		SELECT 'incident ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(i.id::pg_catalog.text, ', ') AS w
		  FROM postmortem.incident i
		 WHERE NOT (pg_catalog.isfinite(i.started_at) AND pg_catalog.isfinite(i.detected_at)
					AND pg_catalog.isfinite(i.acknowledged_at) AND pg_catalog.isfinite(i.mitigated_at)
					AND pg_catalog.isfinite(i.resolved_at) AND pg_catalog.isfinite(i.closed_at))
		HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0
		UNION ALL
		SELECT 'timeline entry ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(t.id::pg_catalog.text, ', ')
		  FROM postmortem.timeline t WHERE NOT pg_catalog.isfinite(t.at)
		HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0
		UNION ALL
		SELECT 'task ' OPERATOR(pg_catalog.||) pg_catalog.string_agg(k.id::pg_catalog.text, ', ')
		  FROM postmortem.task k
		 WHERE NOT (pg_catalog.isfinite(k.due_at) AND pg_catalog.isfinite(k.completed_at))
		HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 0) x;
	IF bad IS NOT NULL THEN
		RAISE EXCEPTION 'rows with infinite times: %', bad
			USING ERRCODE = 'check_violation',
				  DETAIL = '0.2.0 accepts only finite milestones, entry times and due dates.',
				  HINT = 'Set those times to NULL (unknown) or to the real time, then update again.';
	END IF;
END
$finite$;
\ir 25-finite.sql

-- Access: private incidents and roles (issue 14).
ALTER TABLE postmortem.incident ADD COLUMN private boolean NOT NULL DEFAULT false,
	ADD COLUMN opened_by text;
-- rows of 0.1.0 were opened by nobody known; new ones by the role opening them
ALTER TABLE postmortem.incident ALTER COLUMN opened_by SET DEFAULT current_user;
COMMENT ON COLUMN postmortem.incident.private IS 'Private (a security incident, customer data): only its members, the role that opened it and administrators see it, its timeline, tasks and citations';
COMMENT ON COLUMN postmortem.incident.opened_by IS 'The role that opened the incident; it sees the incident when private';
ALTER VIEW postmortem.incident_metrics SET (security_invoker = true);
ALTER VIEW postmortem.monthly_metrics SET (security_invoker = true);
ALTER VIEW postmortem.open_tasks SET (security_invoker = true);
ALTER VIEW postmortem.overdue_tasks SET (security_invoker = true);
\ir 60-access.sql

\ir 70-restore.sql
