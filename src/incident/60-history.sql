
/*
 * History and notifications — src/incident/history.c
 *
 * Every change of an incident or task field becomes a field_change timeline
 * entry (who, from what, to what); NOTIFY postmortem tells the chat bots
 * that LISTEN when an incident is declared, changes status or severity, and
 * when a task becomes overdue (notify_overdue_tasks(), called by a
 * scheduler).
 */
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
