#!/usr/bin/env bash
# Issue 9 item 1: nothing the extension runs may be taken over by the
# caller's search_path.  An ordinary role with CREATE on public plants a
# function or operator for every one of pg_catalog (same name, same
# arguments), exact overloads where pg_catalog has only polymorphic or
# coerced ones (|| (double precision, text), = on the extension's enums,
# format() with every argument list the extension could pass), aggregates,
# and domains named like the built-in types (hostile/setup.sql).  Each, when
# called, counts itself in a sequence and, if called by a superuser, makes
# the attacker superuser.  A superuser then takes every path into the
# extension (hostile/workload.sql: DDL through the recorder, declaring
# incidents with evidence, the lifecycle triggers, suspects, cite,
# incident_timeline, report, import_markdown, the views, verify_audit, the
# drop guard, ...) with search_path = public; = public, pg_catalog (planted
# objects first); and = pg_temp, public, pg_catalog with views and domains
# planted in the session's own pg_temp.  Then the attacker calls every
# SECURITY DEFINER function from a session with its own pg_temp objects.
# Nothing planted may ever run.  Last, the catalog: every SQL and PL/pgSQL
# function pins search_path, and every C function either pins it or is
# listed below as running no SQL or as exercised by the workload.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_hostile_tap
here=test/analysis/hostile
q() { psql -X -q -A -t -d $db -c "SET search_path = pg_catalog" -c "$1" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	for r in pm_attacker hostile_dashboard hostile_responder hostile_administrator; do
		psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
	done
}
trap cleanup EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
cleanup
echo "1..17"
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null || { echo "Bail out! cannot create $db"; exit 1; }
psql -X -q -d $db -c "CREATE EXTENSION postmortem" >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }
psql -X -q -d $db -f $here/setup.sql >/dev/null 2>&1 || { echo "Bail out! planting failed"; exit 1; }
is "$(q "SELECT count(*) > 2000 FROM pg_proc WHERE pronamespace = 'public'::regnamespace")" t "the attacker planted thousands of functions"
is "$(q "SELECT count(*) > 1000 FROM pg_operator WHERE oprnamespace = 'public'::regnamespace")" t "and over a thousand operators"

hits() { q "SELECT last_value FROM public.pm_hits WHERE is_called UNION ALL SELECT 0 FROM public.pm_hits WHERE NOT is_called"; }
run() {
	local label=$1 path=$2 extra=${3:-}
	local out
	q "SELECT setval('public.pm_hits', 1, false)" >/dev/null
	out=$(psql -X -q -A -t -d $db -v path="$path" $extra -f $here/workload.sql 2>&1)
	echo "$out" | grep -E 'WARNING:  HOSTILE|^workload' | sort | uniq -c | head -20 | sed 's/^/# /'
	is "$(hits)" 0 "search_path = $path: no planted object runs$label"
	# the three errors the workload asks for: citing twice, two refused drops
	is "$(echo "$out" | grep -c 'ERROR:')" 3 "search_path = $path: no statement fails but the three expected to"
	echo "$out" | grep 'ERROR:' | grep -v 'already cited\|would delete' | sed 's/^/# /'
	is "$(echo "$out" | grep -c '^workload: [1-9][0-9]* incidents, [1-9][0-9]* citations, [1-9][0-9]* status changes, [1-9][0-9]* recorded changes')" 1 \
		"search_path = $path: the workload ran (incidents, citations, status changes, DDL recorded)"
}
run "" "public"
run "" "public, pg_catalog"
run " (views and domains in pg_temp too)" "pg_temp, public, pg_catalog" "-v pg_temp=1"
is "$(q "SELECT rolsuper FROM pg_roles WHERE rolname = 'pm_attacker'")" f "the attacker is still not superuser"

# The attacker calls every SECURITY DEFINER function, from its own session,
# with its own objects in pg_temp (where a definer that leaves pg_temp
# first on its path would find them) and public first on its path.
definers=$(q "SELECT string_agg(p.oid::regprocedure::text, ' ' ORDER BY p.proname, p.pronargs) FROM pg_proc p
	JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'postmortem'
	WHERE p.prosecdef")
is "$definers" "postmortem.incident_settings() postmortem.record_setting_changes() postmortem.verify_audit() postmortem.verify_audit(text)" "the SECURITY DEFINER functions are the ones this test calls"
# (incident_settings() is the trigger that runs record_setting_changes() as
# the owner for whoever declares an incident: the attacker, made a
# responder, declares one)
q "GRANT USAGE ON SCHEMA postmortem TO pm_attacker; GRANT INSERT, SELECT ON postmortem.incident TO pm_attacker; GRANT USAGE ON ALL SEQUENCES IN SCHEMA postmortem TO pm_attacker" >/dev/null
q "SELECT setval('public.pm_hits', 1, false)" >/dev/null
psql -X -q -d $db >/dev/null 2>&1 <<'SQL'
GRANT pm_attacker TO CURRENT_USER;
SET ROLE pm_attacker;
SET search_path = pg_catalog;
SELECT format('CREATE TEMP VIEW %I AS SELECT * FROM %I.%I WHERE public.pm_hit(%L)',
			  c.relname, n.nspname, c.relname, 'pg_temp.' || c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname IN ('pg_catalog') AND c.relkind IN ('r', 'v')
\gexec
CREATE TEMP TABLE schema_change (id bigint);
SET search_path = pg_temp, public, pg_catalog;
SELECT * FROM postmortem.verify_audit();
SELECT * FROM postmortem.verify_audit(postmortem.local_origin());
SELECT postmortem.record_setting_changes();
INSERT INTO postmortem.incident (title, started_at) VALUES ('declared by the attacker', pg_catalog.now());
SQL
is "$(hits) $(q "SELECT count(*) FROM postmortem.incident WHERE title = 'declared by the attacker'")" "0 1" \
	"an ordinary role calling the SECURITY DEFINER functions (and declaring an incident) runs none of its objects as the owner"

# The catalog: every SQL or PL/pgSQL function pins search_path, but for the
# row-level security helpers, called once per private row, whose bodies are
# checked instead: with string literals and OPERATOR(pg_catalog.x) taken
# out, no operator character is left, every function called and every
# relation read is schema-qualified.  Every C function pins search_path,
# runs no SQL, or is exercised above.
is "$(q "SELECT coalesce(string_agg(p.oid::regprocedure::text, ', ' ORDER BY 1), '') FROM pg_proc p
	JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'postmortem'
	JOIN pg_language l ON l.oid = p.prolang
	WHERE l.lanname IN ('sql', 'plpgsql')
	  AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c = 'search_path=pg_catalog, pg_temp')
	  AND p.proname NOT IN ('is_administrator', 'is_role_member')")" "" \
	"every SQL and PL/pgSQL function of the extension pins search_path = pg_catalog, pg_temp"
is "$(q "WITH b AS (
	SELECT p.proname, regexp_replace(regexp_replace(p.prosrc, '''[^'']*''', '', 'g'),
	                                 'OPERATOR\(pg_catalog\.[^)]*\)', ' ', 'g') AS body
	  FROM pg_proc p WHERE p.pronamespace = 'postmortem'::regnamespace
	   AND p.proname IN ('is_administrator', 'is_role_member'))
	SELECT string_agg(proname, ', ' ORDER BY proname) FROM b
	 WHERE body ~ '[-=<>!~+*/%^|&@#?]'
	    OR body ~* '(^|[^.[:alnum:]_])(?!(exists|select|in|any|on|and|or|not)[[:space:]]*\()[[:alpha:]_][[:alnum:]_]*[[:space:]]*\('
	    OR body ~* '(from|join)[[:space:]]+(?![[:alnum:]_]+\.)[[:alpha:]_]'
	   OR (SELECT count(*) FROM b) <> 2")" "" \
	"the row-level security helpers, which do not pin search_path, qualify every name and operator"
# C functions that run no SQL of their own (types, operators, durations,
# support functions, the parser) and C functions that run SQL and are taken
# by the workload above without pinning search_path (the recorder's event
# triggers and the evidence, which report names as the session sees them).
no_sql="severity_in severity_out severity_recv severity_send severity_level severity severity_lt severity_le
	severity_eq severity_ne severity_ge severity_gt severity_cmp severity_hash severity_hash_extended
	incident_row_support time_to_detect time_to_acknowledge time_to_mitigate time_to_resolve time_to_repair
	duration impact_minutes error_budget_burn downtime_transfn downtime_combinefn downtime_serialfn
	downtime_deserialfn downtime_finalfn mentions parse_markdown schema_change_hash restore_load
	local_origin schema_change_next_id redact_secrets"
exercised="capture_evidence incident_evidence drop_guard incident_history task_history notify_overdue_tasks
	snapshot_statements statement_snapshot_trigger recorder_ddl_start recorder_sql_drop recorder_table_rewrite recorder_ddl_end recorder_status
	record_failed_builds"
list=$(for f in $no_sql $exercised; do printf "'%s'," "$f"; done)
is "$(q "SELECT coalesce(string_agg(p.oid::regprocedure::text, ', ' ORDER BY 1), '') FROM pg_proc p
	JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'postmortem'
	JOIN pg_language l ON l.oid = p.prolang
	WHERE l.lanname = 'c' AND p.prokind <> 'a'
	  AND NOT EXISTS (SELECT FROM unnest(p.proconfig) c WHERE c = 'search_path=pg_catalog, pg_temp')
	  AND p.proname NOT IN (${list%,})")" "" \
	"every C function that runs SQL pins search_path or is exercised by this test"
