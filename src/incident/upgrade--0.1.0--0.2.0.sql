
-- incident: the databases of a fleet an incident affects (docs/fleet.md)
ALTER TABLE postmortem.incident ADD COLUMN origins text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN postmortem.incident.origins IS 'The databases the incident affects, as schema_change.origin names them (<system identifier>/<database>); empty: the database it is declared in';

-- src/incident: field history and notifications (60-history.sql)
ALTER TYPE postmortem.timeline_kind ADD VALUE IF NOT EXISTS 'field_change';
CREATE FUNCTION postmortem.incident_history() RETURNS trigger
	AS 'MODULE_PATHNAME', 'postmortem_incident_history' LANGUAGE C;
COMMENT ON FUNCTION postmortem.incident_history() IS
	'trigger: a field_change timeline entry per incident field an UPDATE changed (not the status, which incident_lifecycle_log writes); NOTIFY postmortem when a live incident is declared or its status or severity changes';

CREATE TRIGGER incident_history
	AFTER INSERT OR UPDATE ON postmortem.incident
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_history();
COMMENT ON TRIGGER incident_history ON postmortem.incident IS
	'field history and notifications: see postmortem.incident_history()';

CREATE FUNCTION postmortem.task_history() RETURNS trigger
	AS 'MODULE_PATHNAME', 'postmortem_task_history' LANGUAGE C;
COMMENT ON FUNCTION postmortem.task_history() IS
	'trigger: a field_change entry on the incident''s timeline per task field (title, kind, status, owner, due_at) an UPDATE changed';

CREATE TRIGGER task_history
	AFTER UPDATE ON postmortem.task
	FOR EACH ROW EXECUTE FUNCTION postmortem.task_history();
COMMENT ON TRIGGER task_history ON postmortem.task IS
	'field history of tasks: see postmortem.task_history()';

CREATE TABLE postmortem.task_overdue_notice (
	task_id		bigint PRIMARY KEY REFERENCES postmortem.task (id) ON DELETE CASCADE,
	notified_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE postmortem.task_overdue_notice IS
	'tasks whose becoming overdue has been notified, so that notify_overdue_tasks() tells each once';
COMMENT ON COLUMN postmortem.task_overdue_notice.task_id IS 'The overdue task';
COMMENT ON COLUMN postmortem.task_overdue_notice.notified_at IS 'When NOTIFY postmortem told it';
SELECT pg_catalog.pg_extension_config_dump('postmortem.task_overdue_notice', '');

CREATE FUNCTION postmortem.notify_overdue_tasks() RETURNS integer
	AS 'MODULE_PATHNAME', 'postmortem_notify_overdue_tasks' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION postmortem.notify_overdue_tasks() IS
	'NOTIFY postmortem (event task_overdue) for each open task past its due date not notified before; returns how many; call it from a scheduler such as pg_cron';

-- src/incident: the objects an incident affects (70-affects.sql)
CREATE TABLE postmortem.incident_object (
	incident_id	bigint NOT NULL REFERENCES postmortem.incident (id) ON DELETE CASCADE,
	kind		text NOT NULL CONSTRAINT incident_object_kind
				CHECK (kind IN ('database', 'schema', 'table', 'service', 'other')),
	name		text NOT NULL CONSTRAINT incident_object_name_not_empty CHECK (btrim(name) <> ''),
	source		text NOT NULL DEFAULT 'manual',
	added_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (incident_id, kind, name)
);
COMMENT ON TABLE postmortem.incident_object IS
	'the databases, schemas, tables and services an incident affects (by hand with affects(), or from citations); suspects() counts them as named in the incident';
COMMENT ON COLUMN postmortem.incident_object.incident_id IS 'The incident; deleting it deletes these rows';
COMMENT ON COLUMN postmortem.incident_object.kind IS 'database, schema, table, service or other';
COMMENT ON COLUMN postmortem.incident_object.name IS 'Its name; tables as the recorder writes them (schema.table)';
COMMENT ON COLUMN postmortem.incident_object.source IS 'manual, or citation when a cited change brought it';
COMMENT ON COLUMN postmortem.incident_object.added_at IS 'When it was added';
CREATE INDEX incident_object_name_idx ON postmortem.incident_object (kind, name);
COMMENT ON INDEX postmortem.incident_object_name_idx IS 'every incident that touched an object';
SELECT pg_catalog.pg_extension_config_dump('postmortem.incident_object', '');

CREATE FUNCTION postmortem.affects(incident_id bigint, kind text, name text)
	RETURNS boolean LANGUAGE sql VOLATILE
	SET search_path = pg_catalog, pg_temp AS
$$
	INSERT INTO postmortem.incident_object (incident_id, kind, name)
	VALUES ($1, $2, $3)
	ON CONFLICT DO NOTHING
	RETURNING true
$$;
COMMENT ON FUNCTION postmortem.affects(bigint, text, text) IS
	'say that an incident affects a database, schema, table, service or other object; true when it was not known yet (an unknown incident is error 23503)';

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
ALTER TABLE postmortem.incident ADD CONSTRAINT incident_times_finite
	CHECK (isfinite(started_at) AND isfinite(detected_at) AND isfinite(acknowledged_at)
		   AND isfinite(mitigated_at) AND isfinite(resolved_at) AND isfinite(closed_at));
COMMENT ON CONSTRAINT incident_times_finite ON postmortem.incident IS
	'milestones are real times, not infinity or -infinity (unknown is NULL)';
ALTER TABLE postmortem.timeline ADD CONSTRAINT timeline_at_finite CHECK (isfinite(at));
COMMENT ON CONSTRAINT timeline_at_finite ON postmortem.timeline IS
	'an entry happened at a real time, not infinity or -infinity';
ALTER TABLE postmortem.task ADD CONSTRAINT task_times_finite
	CHECK (isfinite(due_at) AND isfinite(completed_at));
COMMENT ON CONSTRAINT task_times_finite ON postmortem.task IS
	'due and completion times are real times, not infinity or -infinity (no due date is NULL)';

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
CREATE TABLE postmortem.access_role (
	role_name	name PRIMARY KEY,
	kind		text NOT NULL CONSTRAINT access_role_kind
				CHECK (kind IN ('dashboard', 'responder', 'administrator'))
);
COMMENT ON TABLE postmortem.access_role IS
	'The group roles of each kind (create_roles() fills it); members of an administrator role see every private incident';
COMMENT ON COLUMN postmortem.access_role.role_name IS 'A role (usually a NOLOGIN group role)';
COMMENT ON COLUMN postmortem.access_role.kind IS 'dashboard, responder or administrator';
COMMENT ON CONSTRAINT access_role_kind ON postmortem.access_role IS 'the three kinds of user';
-- role names are public anyway (pg_roles); the policies read it as the caller
GRANT SELECT ON postmortem.access_role TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('postmortem.access_role', '');

CREATE TABLE postmortem.incident_member (
	incident_id	bigint NOT NULL REFERENCES postmortem.incident (id) ON DELETE CASCADE,
	role_name	name NOT NULL,
	added_at	timestamptz NOT NULL DEFAULT now(),
	added_by	text NOT NULL DEFAULT current_user,
	PRIMARY KEY (incident_id, role_name)
);
COMMENT ON TABLE postmortem.incident_member IS
	'Who may see a private incident: each role here (and every role that is a member of it) sees the incident, its timeline, tasks and citations';
COMMENT ON COLUMN postmortem.incident_member.incident_id IS 'The incident; deleting it deletes its members';
COMMENT ON COLUMN postmortem.incident_member.role_name IS 'A role, or a group role whose members all see the incident';
COMMENT ON COLUMN postmortem.incident_member.added_at IS 'When it was added';
COMMENT ON COLUMN postmortem.incident_member.added_by IS 'Who added it';
-- readable by every role that reads incidents (the incident policy looks
-- here); its own policy shows a role only the memberships that apply to it
GRANT SELECT ON postmortem.incident_member TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('postmortem.incident_member', '');

CREATE FUNCTION postmortem.is_administrator() RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE COST 1 AS
$$
	SELECT EXISTS (SELECT FROM postmortem.access_role a
					 JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) a.role_name
					WHERE a.kind OPERATOR(pg_catalog.=) 'administrator'
					  AND pg_catalog.pg_has_role(r.oid, 'USAGE'))
$$;
COMMENT ON FUNCTION postmortem.is_administrator() IS
	'true when the current role has the privileges of an administrator role of postmortem.access_role: it sees every private incident';

CREATE FUNCTION postmortem.is_role_member(role_name name) RETURNS boolean
	LANGUAGE sql STABLE PARALLEL SAFE COST 1 AS
$$
	SELECT EXISTS (SELECT FROM pg_catalog.pg_roles r
					WHERE r.rolname OPERATOR(pg_catalog.=) $1
					  AND pg_catalog.pg_has_role(r.oid, 'USAGE'))
$$;
COMMENT ON FUNCTION postmortem.is_role_member(name) IS
	'true when the current role has the privileges of that role (is it, or inherits from it); false for a role that no longer exists';

/*
 * The policies' helpers above run for every private row a non-superuser
 * reads, so they do not pin search_path (a pinned one costs a GUC switch per
 * call: 5x on a dashboard view with 5,000 private incidents, bench/access.sh);
 * they run as the caller and name everything with its schema and operators
 * as OPERATOR(pg_catalog.=), which test/analysis/hostile_search_path.sh
 * checks in their bodies.
 *
 * The policies.  incident_member's own policies call functions, never a
 * subquery, so the incident policy's subquery on it cannot recurse.  In the
 * incident policy is_administrator() and the caller's memberships (the rows
 * of incident_member its policy lets the caller see) are uncorrelated
 * subqueries: evaluated once per query, not once per private row, and
 * estimated as cheap, so the planner does not reach for JIT
 * (bench/access.sh).
 */
ALTER TABLE postmortem.incident ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_visible ON postmortem.incident
	USING (NOT private
		   OR opened_by = CURRENT_USER
		   OR (SELECT postmortem.is_administrator())
		   OR id = ANY (ARRAY(SELECT m.incident_id FROM postmortem.incident_member m)));
COMMENT ON POLICY incident_visible ON postmortem.incident IS
	'a private incident is seen and changed only by its members, the role that opened it and administrators';

ALTER TABLE postmortem.timeline ENABLE ROW LEVEL SECURITY;
CREATE POLICY timeline_visible ON postmortem.timeline
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY timeline_visible ON postmortem.timeline IS
	'an entry is seen and written by those who see its incident';

ALTER TABLE postmortem.task ENABLE ROW LEVEL SECURITY;
CREATE POLICY task_visible ON postmortem.task
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY task_visible ON postmortem.task IS
	'a task is seen and written by those who see its incident';

ALTER TABLE postmortem.incident_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_member_read ON postmortem.incident_member FOR SELECT
	USING (postmortem.is_role_member(role_name) OR postmortem.is_administrator());
COMMENT ON POLICY incident_member_read ON postmortem.incident_member IS
	'a role sees the memberships that apply to it; administrators see all';
CREATE POLICY incident_member_add ON postmortem.incident_member FOR INSERT
	WITH CHECK (postmortem.is_administrator()
				OR EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY incident_member_add ON postmortem.incident_member IS
	'those who see an incident may add members to it';
CREATE POLICY incident_member_remove ON postmortem.incident_member FOR DELETE
	USING (postmortem.is_administrator()
		   OR EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY incident_member_remove ON postmortem.incident_member IS
	'those who see an incident may remove the memberships they see';

CREATE FUNCTION postmortem.create_roles(prefix text DEFAULT 'postmortem_')
	RETURNS TABLE (role_name text, kind text)
	LANGUAGE plpgsql VOLATILE
	SET search_path = pg_catalog, pg_temp AS
$$
DECLARE
	dash	name := create_roles.prefix || 'dashboard';
	resp	name := create_roles.prefix || 'responder';
	adm		name := create_roles.prefix || 'administrator';
	r		name;
BEGIN
	FOREACH r IN ARRAY ARRAY[dash, resp, adm] LOOP
		IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles x WHERE x.rolname = r) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', r);
		END IF;
	END LOOP;
	EXECUTE format('COMMENT ON ROLE %I IS %L', dash, 'postmortem: reads incidents, timelines, tasks, citations, the audit and the dashboard views');
	EXECUTE format('COMMENT ON ROLE %I IS %L', resp, 'postmortem: runs incidents (writes incidents, timelines, tasks, citations, members) and reads the audit');
	EXECUTE format('COMMENT ON ROLE %I IS %L', adm, 'postmortem: a responder who also deletes and sees every private incident');

	-- dashboards: read everything, through row-level security
	EXECUTE format('GRANT USAGE ON SCHEMA postmortem TO %I', dash);
	EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA postmortem TO %I', dash);
	-- responders: what a dashboard reads, and write the incident's rows
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members m
					WHERE m.roleid = dash::pg_catalog.regrole AND m.member = resp::pg_catalog.regrole) THEN
		EXECUTE format('GRANT %I TO %I', dash, resp);
	END IF;
	EXECUTE format('GRANT INSERT, UPDATE ON postmortem.incident TO %I', resp);
	EXECUTE format('GRANT INSERT, UPDATE, DELETE ON postmortem.timeline, postmortem.task, postmortem.citation TO %I', resp);
	EXECUTE format('GRANT INSERT, DELETE ON postmortem.incident_member TO %I', resp);
	-- what the triggers of those writes write in turn (the objects a citation
	-- names), and the change events responders record
	IF pg_catalog.to_regclass('postmortem.incident_object') IS NOT NULL THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON postmortem.incident_object TO %I', resp);
	END IF;
	IF pg_catalog.to_regclass('postmortem.change_event') IS NOT NULL THEN
		EXECUTE format('GRANT INSERT ON postmortem.change_event TO %I', resp);
	END IF;
	-- the baseline of a deploy's query regressions (record_change)
	IF pg_catalog.to_regprocedure('postmortem.snapshot_statements(boolean)') IS NOT NULL THEN
		EXECUTE format('GRANT EXECUTE ON FUNCTION postmortem.snapshot_statements(boolean) TO %I', resp);
	END IF;
	EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA postmortem TO %I', resp);
	-- administrators: a responder who deletes incidents and sees them all
	IF NOT EXISTS (SELECT FROM pg_catalog.pg_auth_members m
					WHERE m.roleid = resp::pg_catalog.regrole AND m.member = adm::pg_catalog.regrole) THEN
		EXECUTE format('GRANT %I TO %I', resp, adm);
	END IF;
	EXECUTE format('GRANT DELETE ON postmortem.incident TO %I', adm);
	IF pg_catalog.to_regclass('postmortem.migration_source') IS NOT NULL THEN
		EXECUTE format('GRANT INSERT, UPDATE, DELETE ON postmortem.migration_source TO %I', adm);
	END IF;

	INSERT INTO postmortem.access_role AS a (role_name, kind)
	VALUES (dash, 'dashboard'), (resp, 'responder'), (adm, 'administrator')
	ON CONFLICT ON CONSTRAINT access_role_pkey DO UPDATE SET kind = EXCLUDED.kind;
	RETURN QUERY SELECT a.role_name::text, a.kind FROM postmortem.access_role a
				  WHERE a.role_name IN (dash, resp, adm) ORDER BY a.role_name;
END
$$;
COMMENT ON FUNCTION postmortem.create_roles(text) IS
	'create (if missing) the NOLOGIN group roles <prefix>dashboard, <prefix>responder and <prefix>administrator, grant each its privileges and record them in access_role; run it again after tables are added; needs CREATEROLE and the right to grant on the extension''s tables';

-- pg_restore -j (issue 9 item 9)
CREATE FUNCTION postmortem.restore_load() RETURNS trigger
	AS 'MODULE_PATHNAME', 'postmortem_restore_load' LANGUAGE C;
COMMENT ON FUNCTION postmortem.restore_load() IS
	'statement trigger: while a superuser restores a dump (check_function_bodies and row_security off, search_path empty), load the statement''s rows with session_replication_role = replica, so pg_restore -j may load a table before the one its foreign key points at';
-- incident has no foreign key to load around, but its row triggers must not
-- fire for restored rows either: evidence taken now, with ids from the
-- not yet restored sequence, would collide with the dumped timeline's
CREATE TRIGGER incident_restore_load_start BEFORE INSERT ON postmortem.incident
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_restore_load_start ON postmortem.incident IS
	'restoring a dump: load the rows as dumped, without evidence or lifecycle stamps (see postmortem.restore_load())';
CREATE TRIGGER incident_restore_load_end AFTER INSERT ON postmortem.incident
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident ENABLE ALWAYS TRIGGER incident_restore_load_end;
COMMENT ON TRIGGER incident_restore_load_end ON postmortem.incident IS
	'restoring a dump: triggers again after the statement';
CREATE TRIGGER timeline_restore_load_start BEFORE INSERT ON postmortem.timeline
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER timeline_restore_load_start ON postmortem.timeline IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER timeline_restore_load_end AFTER INSERT ON postmortem.timeline
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.timeline ENABLE ALWAYS TRIGGER timeline_restore_load_end;
COMMENT ON TRIGGER timeline_restore_load_end ON postmortem.timeline IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER task_restore_load_start BEFORE INSERT ON postmortem.task
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER task_restore_load_start ON postmortem.task IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER task_restore_load_end AFTER INSERT ON postmortem.task
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.task ENABLE ALWAYS TRIGGER task_restore_load_end;
COMMENT ON TRIGGER task_restore_load_end ON postmortem.task IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER incident_member_restore_load_start BEFORE INSERT ON postmortem.incident_member
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_member_restore_load_start ON postmortem.incident_member IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER incident_member_restore_load_end AFTER INSERT ON postmortem.incident_member
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident_member ENABLE ALWAYS TRIGGER incident_member_restore_load_end;
COMMENT ON TRIGGER incident_member_restore_load_end ON postmortem.incident_member IS
	'restoring a dump: foreign key checks again after the statement';

-- the affected objects of an incident (70-affects.sql) and the overdue
-- notices of its tasks (60-history.sql) point at incident and task too
CREATE TRIGGER incident_object_restore_load_start BEFORE INSERT ON postmortem.incident_object
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER incident_object_restore_load_start ON postmortem.incident_object IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER incident_object_restore_load_end AFTER INSERT ON postmortem.incident_object
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.incident_object ENABLE ALWAYS TRIGGER incident_object_restore_load_end;
COMMENT ON TRIGGER incident_object_restore_load_end ON postmortem.incident_object IS
	'restoring a dump: foreign key checks again after the statement';
CREATE TRIGGER task_overdue_notice_restore_load_start BEFORE INSERT ON postmortem.task_overdue_notice
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
COMMENT ON TRIGGER task_overdue_notice_restore_load_start ON postmortem.task_overdue_notice IS
	'restoring a dump: load without foreign key checks (see postmortem.restore_load())';
CREATE TRIGGER task_overdue_notice_restore_load_end AFTER INSERT ON postmortem.task_overdue_notice
	FOR EACH STATEMENT EXECUTE FUNCTION postmortem.restore_load();
ALTER TABLE postmortem.task_overdue_notice ENABLE ALWAYS TRIGGER task_overdue_notice_restore_load_end;
COMMENT ON TRIGGER task_overdue_notice_restore_load_end ON postmortem.task_overdue_notice IS
	'restoring a dump: foreign key checks again after the statement';

-- a private incident's affected objects are seen by those who see it
ALTER TABLE postmortem.incident_object ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_object_visible ON postmortem.incident_object
	USING (EXISTS (SELECT FROM postmortem.incident i WHERE i.id = incident_id));
COMMENT ON POLICY incident_object_visible ON postmortem.incident_object IS
	'an affected object is seen and written by those who see its incident';
