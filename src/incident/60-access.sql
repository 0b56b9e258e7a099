
/*
 * access — roles and private incidents (no C)
 *
 * Three kinds of user: dashboards read, responders write incidents, their
 * timelines, tasks and citations (and read the audit), administrators also
 * delete and see every private incident.  postmortem.create_roles() makes
 * one NOLOGIN group role of each kind and grants it what it needs; nothing
 * cluster-wide is created by CREATE EXTENSION.
 *
 * A private incident, with its timeline, tasks, citations and members, is
 * seen only by its members (postmortem.incident_member, a role or a group
 * role), the role that opened it, administrators, and the extension's owner
 * (a superuser, whom row-level security never restricts).  Everything else
 * runs as the caller and so sees what the caller may: the views are
 * security_invoker, report(), suspects(), incident_timeline(), cite(), log()
 * and capture_evidence() read through the same policies.
 */
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

/*
 * What the extension writes about a change (field_change and status_change
 * entries, evidence: source history, lifecycle, evidence) is the record of
 * who changed what: responders add entries but only administrators (and the
 * owner, whom RLS does not restrict) change or delete those.  Restrictive:
 * it narrows timeline_visible, it grants nothing.
 */
CREATE POLICY timeline_history_update ON postmortem.timeline AS RESTRICTIVE FOR UPDATE
	USING (source <> ALL (ARRAY['history', 'lifecycle', 'evidence'])
		   OR (SELECT postmortem.is_administrator()))
	WITH CHECK (source <> ALL (ARRAY['history', 'lifecycle', 'evidence'])
				OR (SELECT postmortem.is_administrator()));
COMMENT ON POLICY timeline_history_update ON postmortem.timeline IS
	'entries the extension wrote (source history, lifecycle, evidence) are changed only by administrators, and no one else makes an entry look like one';
CREATE POLICY timeline_history_delete ON postmortem.timeline AS RESTRICTIVE FOR DELETE
	USING (source <> ALL (ARRAY['history', 'lifecycle', 'evidence'])
		   OR (SELECT postmortem.is_administrator()));
COMMENT ON POLICY timeline_history_delete ON postmortem.timeline IS
	'entries the extension wrote (source history, lifecycle, evidence) are deleted only by administrators';

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
	-- migration_source stays the owner's: a row there makes the recorder read
	-- tables (a grant of an earlier 0.2.0 build is taken back)
	IF pg_catalog.to_regclass('postmortem.migration_source') IS NOT NULL THEN
		EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON postmortem.migration_source FROM %I', adm);
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
