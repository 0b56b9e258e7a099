
/*
 * Postmortems as documents: rendering them — src/document/report.c
 */
CREATE FUNCTION postmortem.report(incident_id bigint)
RETURNS text
AS 'MODULE_PATHNAME', 'report'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION postmortem.report(bigint) IS
	'The incident as a Markdown postmortem: summary with the time to detect, acknowledge, mitigate and resolve; timeline with the cited schema changes and a Mermaid gantt (impact, response phases, cited changes, key entries); root cause and resolution; the retrospective sections; cited schema changes with their revert statements; tasks with statuses and owners. User text is escaped; import_markdown reads it back.';
