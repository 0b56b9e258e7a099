
/*
 * What an incident affects: databases, schemas, tables and services, as
 * data — set by hand with affects(), filled from citations
 * (src/analysis/suspects.sql).  suspects() counts them as named in the
 * incident; "every incident that touched orders" is one index scan:
 *   SELECT incident_id FROM postmortem.incident_object
 *    WHERE kind = 'table' AND name = 'public.orders';
 */
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
