
-- analysis: a citation names its change by (origin, id), as a fleet's centre
-- holds the same id from several databases (docs/fleet.md).  The recorder's
-- step has already dropped the foreign key on id alone.
ALTER TABLE postmortem.citation ADD COLUMN schema_change_origin text COLLATE "C";
UPDATE postmortem.citation c
   SET schema_change_origin = (SELECT s.origin FROM postmortem.schema_change s
								WHERE s.id = c.schema_change_id ORDER BY s.origin LIMIT 1);
ALTER TABLE postmortem.citation ALTER COLUMN schema_change_origin SET NOT NULL,
	ALTER COLUMN schema_change_origin SET DEFAULT postmortem.local_origin();
COMMENT ON COLUMN postmortem.citation.schema_change_origin IS 'The database it was recorded in (postmortem.schema_change.origin); by default this one';
ALTER TABLE postmortem.citation DROP CONSTRAINT IF EXISTS citation_schema_change_id_fkey;
ALTER TABLE postmortem.citation
	ADD CONSTRAINT citation_schema_change_fkey FOREIGN KEY (schema_change_origin, schema_change_id)
		REFERENCES postmortem.schema_change (origin, id);
COMMENT ON CONSTRAINT citation_schema_change_fkey ON postmortem.citation IS
	'a citation names a recorded change, by (origin, id)';
ALTER TABLE postmortem.citation DROP CONSTRAINT citation_incident_change_key;
ALTER TABLE postmortem.citation
	ADD CONSTRAINT citation_incident_change_key UNIQUE (incident_id, schema_change_origin, schema_change_id);
COMMENT ON CONSTRAINT citation_incident_change_key ON postmortem.citation IS
	'a change is cited at most once per incident';
DROP INDEX postmortem.citation_schema_change_idx;
CREATE INDEX citation_schema_change_idx ON postmortem.citation (schema_change_origin, schema_change_id);
COMMENT ON INDEX postmortem.citation_schema_change_idx IS
	'the incidents a change is cited in (change failure rate, foreign key checks)';

-- suspects(): only the incident's databases (origins), and the origin of each
DROP FUNCTION postmortem.suspects(bigint, interval);
CREATE FUNCTION postmortem.suspects(incident_id bigint, lookback interval DEFAULT '24 hours')
	RETURNS TABLE (schema_change_id bigint, score double precision, reason text,
				   at timestamptz, command_tag text, object_identity text,
				   table_name text, statement text, revert_statement text,
				   migration text, role_name text, lock_mode text, origin text)
	AS 'MODULE_PATHNAME', 'postmortem_suspects' LANGUAGE C STABLE STRICT;
COMMENT ON FUNCTION postmortem.suspects(bigint, interval) IS
	'schema changes recorded in the lookback window before the incident started, in the databases it affects (incident.origins; none named: this one), best suspect first, with a score and a one-sentence reason';

-- cite(): the origin of the change, when the incident's databases share its id
DROP FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text);
CREATE FUNCTION postmortem.cite(incident_id bigint, schema_change_id bigint,
								role postmortem.citation_role DEFAULT 'root_cause',
								note text DEFAULT NULL, origin text DEFAULT NULL)
	RETURNS bigint LANGUAGE plpgsql VOLATILE AS
$$
DECLARE
	citation_id bigint;
	cited_as	postmortem.citation_role;
	origins		text[];
	found_in	text[];
BEGIN
	IF cite.incident_id IS NULL OR cite.schema_change_id IS NULL THEN
		RAISE EXCEPTION 'incident and schema change must not be null'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT i.origins INTO origins FROM postmortem.incident i WHERE i.id = cite.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', cite.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	/* no origin given: the change of that id in the incident's databases */
	IF cite.origin IS NULL AND pg_catalog.cardinality(origins) = 0 THEN
		origins := ARRAY[postmortem.local_origin()];
	ELSIF cite.origin IS NOT NULL THEN
		origins := ARRAY[cite.origin];
	END IF;
	SELECT pg_catalog.array_agg(s.origin ORDER BY s.origin) INTO found_in
	  FROM postmortem.schema_change s
	 WHERE s.id = cite.schema_change_id AND s.origin = ANY (origins);
	IF found_in IS NULL THEN
		RAISE EXCEPTION 'schema change % does not exist', cite.schema_change_id
			USING ERRCODE = 'foreign_key_violation',
				  DETAIL = format('Looked for in %s.', pg_catalog.array_to_string(origins, ', ')),
				  HINT = 'postmortem.suspects(incident_id) lists the recorded changes before an incident, with their origin.';
	ELSIF pg_catalog.cardinality(found_in) > 1 THEN
		RAISE EXCEPTION 'schema change % is ambiguous: the incident''s databases each have one', cite.schema_change_id
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = format('It exists in %s.', pg_catalog.array_to_string(found_in, ', ')),
				  HINT = 'Pass its origin: postmortem.cite(incident_id, schema_change_id, origin => ''...'').';
	END IF;
	INSERT INTO postmortem.citation AS c (incident_id, schema_change_id, schema_change_origin, role, note)
	VALUES (cite.incident_id, cite.schema_change_id, found_in[1], cite.role, cite.note)
	ON CONFLICT ON CONSTRAINT citation_incident_change_key DO NOTHING
	RETURNING c.id INTO citation_id;
	IF citation_id IS NULL THEN
		SELECT c.role INTO cited_as FROM postmortem.citation c
		 WHERE c.incident_id = cite.incident_id AND c.schema_change_id = cite.schema_change_id
		   AND c.schema_change_origin = found_in[1];
		RAISE EXCEPTION 'schema change % is already cited in incident %',
			cite.schema_change_id, cite.incident_id
			USING ERRCODE = 'unique_violation',
				  DETAIL = format('It is cited as %s.', cited_as),
				  HINT = 'Update postmortem.citation to change its role or note.';
	END IF;
	RETURN citation_id;
END
$$;
COMMENT ON FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text, text) IS
	'cite a recorded schema change in an incident (role trigger, root_cause, contributing or remediation); origin: the database it was recorded in, needed only when several of the incident''s databases have that id; returns the citation id';

-- incident_timeline() and change_failure_rate join citations on (origin, id)
CREATE OR REPLACE FUNCTION postmortem.incident_timeline(incident_id bigint)
	RETURNS TABLE (at timestamptz, kind text, body text, source text, ref bigint)
	LANGUAGE plpgsql STABLE AS
$$
DECLARE
	inc			postmortem.incident;
	t_from		timestamptz;
	t_to		timestamptz;
	document	text;
	here		text := postmortem.local_origin();
	origins		text[];
BEGIN
	SELECT * INTO inc FROM postmortem.incident i WHERE i.id = incident_timeline.incident_id;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'incident % does not exist', incident_timeline.incident_id
			USING ERRCODE = 'no_data_found';
	END IF;
	t_from := coalesce(inc.started_at, inc.detected_at, inc.created_at);
	t_to := coalesce(inc.resolved_at, inc.closed_at, now());
	/* what the people wrote: it names the tables the incident is about */
	document := postmortem.incident_document(inc);
	/* the databases it affects: none named, this one */
	origins := CASE WHEN pg_catalog.cardinality(inc.origins) = 0 THEN ARRAY[here] ELSE inc.origins END;

	RETURN QUERY
	WITH cited AS (
		SELECT c.schema_change_id, c.schema_change_origin, c.role, c.note, s.at, s.command_tag,
			   s.object_identity, s.table_oid, s.revert_statement,
			   CASE WHEN s.origin <> here THEN ' in database ' || s.database_name END AS db
		  FROM postmortem.citation c
		  JOIN postmortem.schema_change s
			ON s.id = c.schema_change_id AND s.origin = c.schema_change_origin
		 WHERE c.incident_id = inc.id
	), entries AS (
		SELECT t.at, t.kind::text AS kind, t.body, t.source, t.id AS ref, 1 AS ord
		  FROM postmortem.timeline t
		 WHERE t.incident_id = inc.id
		UNION ALL
		SELECT c.at, 'schema_change',
			   format('%s %s%s (cited as %s)%s%s', c.command_tag,
					  coalesce(c.object_identity, '?'), c.db, c.role,
					  ': ' || c.note, '; revert: ' || c.revert_statement),
			   'citation', c.schema_change_id, 2
		  FROM cited c
		UNION ALL
		SELECT s.at, 'schema_change',
			   format('%s %s%s%s%s', s.command_tag, coalesce(s.object_identity, '?'),
					  CASE WHEN s.origin <> here THEN ' in database ' || s.database_name END,
					  ' (migration ' || s.migration || ')',
					  CASE WHEN s.blocks_reads OR s.blocks_writes
						   THEN format('; %s lock held %s', s.lock_mode,
									   coalesce(round(extract(epoch FROM coalesce(s.duration, s.finished_at - s.at)) * 1000) || ' ms',
												'for an unknown time'))
					  END),
			   'recorder', s.id, 3
		  FROM postmortem.schema_change s
		 WHERE s.at >= t_from AND s.at <= t_to
		   AND s.origin = ANY (origins)
		   AND NOT EXISTS (SELECT FROM cited c
							WHERE c.schema_change_id = s.id AND c.schema_change_origin = s.origin)
		   AND ((s.origin, s.table_oid) IN (SELECT c.schema_change_origin, c.table_oid FROM cited c)
				OR postmortem.mentions(document, s.table_name))
		UNION ALL
		SELECT k.created_at, 'task_created',
			   format('Task created: %s (%s%s%s)', k.title, k.kind,
					  ', owner ' || k.owner,
					  ', due ' || to_char(k.due_at, 'YYYY-MM-DD')),
			   'task', k.id, 4
		  FROM postmortem.task k
		 WHERE k.incident_id = inc.id
		UNION ALL
		SELECT k.completed_at, 'task_completed',
			   format('Task %s: %s',
					  CASE k.status WHEN 'wont_do' THEN 'dropped' ELSE 'done' END, k.title),
			   'task', k.id, 5
		  FROM postmortem.task k
		 WHERE k.incident_id = inc.id AND k.completed_at IS NOT NULL
	)
	SELECT e.at, e.kind, e.body, e.source, e.ref
	  FROM entries e
	 ORDER BY e.at, e.ord, e.ref;
END
$$;
COMMENT ON FUNCTION postmortem.incident_timeline(bigint) IS
	'one timeline in time order: human entries, status changes, cited schema changes, every change made between start and resolution on the tables involved in the incident''s databases, and task events; another database''s changes are named by it';

CREATE OR REPLACE VIEW postmortem.change_failure_rate AS
WITH failed AS (
	SELECT pg_catalog.date_trunc('month', s.at) AS month,
		   count(DISTINCT (s.origin, s.id)) AS failed_changes
	  FROM postmortem.citation c
	  JOIN postmortem.schema_change s
		ON s.id = c.schema_change_id AND s.origin = c.schema_change_origin
	 WHERE c.role IN ('trigger', 'root_cause')
	 GROUP BY 1
)
SELECT m.month,
	   n.changes,
	   COALESCE(f.failed_changes, 0) AS failed_changes,
	   round(COALESCE(f.failed_changes, 0)::numeric / n.changes, 4) AS change_failure_rate
  FROM (SELECT min(s.at) AS first_at, max(s.at) AS last_at
		  FROM postmortem.schema_change s) r
 CROSS JOIN LATERAL pg_catalog.generate_series(pg_catalog.date_trunc('month', r.first_at),
											   r.last_at, interval '1 month') AS m(month)
 CROSS JOIN LATERAL (SELECT count(*) AS changes
					   FROM postmortem.schema_change s
					  WHERE s.at >= m.month AND s.at < m.month + interval '1 month') n
  LEFT JOIN failed f ON f.month = m.month
 WHERE n.changes > 0;
