
/*
 * document: 0.1.0 → 0.2.0
 */

-- Immune to the caller's search_path (issue 9 item 1).
ALTER FUNCTION postmortem.import_markdown(text, text, date) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION postmortem.report(bigint) SET search_path = pg_catalog, pg_temp;
