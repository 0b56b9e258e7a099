
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
