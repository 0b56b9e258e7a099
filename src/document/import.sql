
/*
 * Postmortems as documents: reading them — src/document/import.c (loader),
 * src/document/parse.c (the parser).
 */
CREATE FUNCTION postmortem.import_markdown(document text, time_zone text DEFAULT NULL,
										   on_date date DEFAULT NULL)
RETURNS bigint
AS 'MODULE_PATHNAME', 'import_markdown'
LANGUAGE C VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.import_markdown(text, text, date) IS
	'Read a postmortem in the usual template (Markdown or plain text) into a new incident with its timeline and tasks; returns the incident id. time_zone and on_date are used only where the document names none. What had to be guessed is kept in incident.import_notes.';

CREATE FUNCTION postmortem.parse_markdown(document text, time_zone text DEFAULT NULL,
										  on_date date DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'parse_markdown'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.parse_markdown(text, text, date) IS
	'Dry run of import_markdown: what it would read from the document (times, timeline, tasks, import notes), as jsonb; writes nothing';
