
/*
 * lifecycle — src/incident/lifecycle.c
 *
 * Triggers keeping status and milestones consistent, and the two functions
 * an on-call engineer types during an incident: open_incident() and log().
 */
CREATE FUNCTION postmortem.incident_lifecycle_stamp() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.incident_lifecycle_stamp() IS
	'trigger: on a status change stamp the milestone if unset (identified → acknowledged_at, mitigated → mitigated_at, resolved → resolved_at, closed → closed_at), and updated_at on update';

CREATE FUNCTION postmortem.incident_lifecycle_log() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.incident_lifecycle_log() IS
	'trigger: append one status_change timeline entry per status change ("status changed from A to B by role")';

CREATE FUNCTION postmortem.task_lifecycle_stamp() RETURNS trigger
	AS 'MODULE_PATHNAME' LANGUAGE C
	SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.task_lifecycle_stamp() IS
	'trigger: stamp completed_at when a task becomes done or wont_do, clear it when reopened, and updated_at on update';

CREATE TRIGGER incident_lifecycle_stamp
	BEFORE INSERT OR UPDATE ON postmortem.incident
	FOR EACH ROW EXECUTE FUNCTION postmortem.incident_lifecycle_stamp();
COMMENT ON TRIGGER incident_lifecycle_stamp ON postmortem.incident IS
	'stamps the milestone of a new status and updated_at';

CREATE TRIGGER incident_lifecycle_log
	AFTER UPDATE OF status ON postmortem.incident
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION postmortem.incident_lifecycle_log();
COMMENT ON TRIGGER incident_lifecycle_log ON postmortem.incident IS
	'logs each status change as a status_change timeline entry';

CREATE TRIGGER task_lifecycle_stamp
	BEFORE INSERT OR UPDATE ON postmortem.task
	FOR EACH ROW EXECUTE FUNCTION postmortem.task_lifecycle_stamp();
COMMENT ON TRIGGER task_lifecycle_stamp ON postmortem.task IS
	'keeps completed_at in step with the task status, and updated_at';

CREATE FUNCTION postmortem.open_incident(
	title text,
	severity postmortem.severity DEFAULT 'SEV3',
	started_at timestamptz DEFAULT now(),
	summary text DEFAULT NULL)
RETURNS bigint
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	INSERT INTO postmortem.incident
		(title, severity, status, started_at, detected_at, summary)
	VALUES ($1, $2, 'investigating', $3,
			CASE WHEN $3 <= now() THEN now() END, $4)
	RETURNING id
$$;
COMMENT ON FUNCTION postmortem.open_incident(text, postmortem.severity, timestamptz, text) IS
	'open an incident now: status investigating, detected_at = now() (unless started_at is in the future); returns its id';

CREATE FUNCTION postmortem.log(
	incident_id bigint,
	body text,
	kind postmortem.timeline_kind DEFAULT 'note',
	at timestamptz DEFAULT now())
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	entry_id bigint;
BEGIN
	/*
	 * A clearer error than the foreign key's.  No FOR KEY SHARE here: that
	 * would demand UPDATE on postmortem.incident of everyone who logs, and the
	 * foreign key check takes the same lock anyway (an incident deleted in
	 * between still fails with 23503).
	 */
	PERFORM FROM postmortem.incident i WHERE i.id = log.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', log.incident_id
			USING ERRCODE = 'foreign_key_violation',
				  HINT = 'Open it first with postmortem.open_incident(), or check the id in postmortem.incident.';
	END IF;
	INSERT INTO postmortem.timeline (incident_id, at, kind, body)
	VALUES (log.incident_id, log.at, log.kind, log.body)
	RETURNING id INTO entry_id;
	RETURN entry_id;
END
$$;
COMMENT ON FUNCTION postmortem.log(bigint, text, postmortem.timeline_kind, timestamptz) IS
	'add a timeline entry (default kind note, at now()) to an incident; returns its id; an unknown incident is error 23503';
