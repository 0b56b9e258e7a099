
/*
 * analysis: 0.1.0 → 0.2.0
 */

-- Immune to the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.incident_document(postmortem.incident) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.suspects(bigint, interval) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.cite(bigint, bigint, postmortem.citation_role, text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.incident_timeline(bigint) SET search_path = pg_catalog, pg_temp;
