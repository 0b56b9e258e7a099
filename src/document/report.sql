
/*
 * Postmortems as documents: rendering them — src/document/report.c
 */
CREATE FUNCTION postmortem.report(incident_id bigint)
RETURNS text
AS 'MODULE_PATHNAME', 'report'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.report(bigint) IS
	'The incident as a Markdown postmortem: summary, timeline with a Mermaid diagram, root cause and resolution, cited schema changes with their revert statements, and tasks with statuses and owners. import_markdown reads it back.';
