#!/usr/bin/env bash
# Suspects beyond DDL, with the real pg_stat_statements (preloaded on a
# server of this test's own): a deploy event and an index drop both happen
# before an incident, and suspects() ranks the true cause first --
#   A. the index drop: an existing query on its table got slower;
#   B. the deploy: it brought a new slow query, the index drop was elsewhere;
# and the evidence at declaration names the regressed query with before and
# after figures.  Without pg_stat_statements, recorder_status says so and
# suspects() still works.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/server.sh
dir=$(mktemp -d /tmp/postmortem-regression.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop "$dir"; rm -rf "$dir"' EXIT
pm_server_start "$dir" "shared_preload_libraries = 'pg_stat_statements'" \
	"pg_stat_statements.track = top" >/dev/null || { echo "Bail out! cannot start a server with pg_stat_statements"; exit 1; }

n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
like() {
	n=$((n + 1))
	if printf '%s' "$1" | grep -Eq -- "$2"; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected to match: '$2'"; fi
}
q() { psql -X -q -A -t -d "$1" -c "$2" 2>&1; }
# N top-level calls of one statement (a different constant each time: one
# normalized statement for pg_stat_statements)
calls() {
	local db=$1 count=$2 sql=$3
	for i in $(seq 1 "$count"); do printf '%s\n' "${sql//@/$i}"; done | psql -X -q -d "$db" >/dev/null
}
setup() {
	psql -X -q -d postgres -c "CREATE DATABASE $1" >/dev/null
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" >/dev/null <<'SQL'
CREATE EXTENSION pg_stat_statements;
CREATE EXTENSION postmortem;
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, note text, total numeric);
INSERT INTO orders SELECT g, g % 50000, 'order ' || g, g % 100 FROM generate_series(1, 400000) g;
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz);
CREATE INDEX audit_log_at_idx ON audit_log (at);
ANALYZE;
SQL
}
echo "1..23"

# A. the index drop is the cause
setup shop_a
calls shop_a 40 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_a "SELECT postmortem.record_change('deploy', 'shop v1.2', details => '{\"service\": \"shop\"}')" >/dev/null
calls shop_a 20 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_a "DROP INDEX orders_customer_idx" >/dev/null
calls shop_a 20 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_a "SELECT postmortem.open_incident('Checkout is slow', 'SEV2', now() - interval '1 second')" >/dev/null
top=$(q shop_a "SELECT coalesce(kind, '') || ' ' || command_tag || ' ' || object_identity FROM postmortem.suspects(1) LIMIT 1")
is "$top" "schema_change DROP INDEX public.orders_customer_idx" "A: the index drop is the top suspect, above the deploy"
like "$(q shop_a "SELECT reason FROM postmortem.suspects(1) LIMIT 1")" \
	'after it "SELECT count\(\*\) FROM orders WHERE customer_id = \$1" went from [0-9.]+ ms to [0-9.]+ ms per call' \
	"A: its reason names the query that got slower, from what to what"
evidence=$(q shop_a "SELECT body FROM postmortem.timeline WHERE incident_id = 1 AND body LIKE 'Query regression:%'")
like "$evidence" 'went from [0-9.]+ ms to [0-9.]+ ms per call.*; since before DROP INDEX public.orders_customer_idx' \
	"A: the evidence at declaration names the regressed query, before and after, and the suspect"
before=$(printf '%s' "$evidence" | sed -n 's/.*went from \([0-9.]*\) ms to \([0-9.]*\) ms.*/\1 \2/p' | head -1)
is "$(echo "$before" | awk '{print ($2 > 4 * $1) ? "slower" : "not"}')" "slower" \
	"A: the figures are the real ones: the query is several times slower without its index"

# B. the deploy is the cause: a new slow query; the index dropped was another table's
setup shop_b
calls shop_b 40 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_b "DROP INDEX audit_log_at_idx" >/dev/null
calls shop_b 10 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_b "SELECT postmortem.record_change('deploy', 'shop v1.3', details => '{\"service\": \"shop\", \"commit\": \"4f2a9c1\"}')" >/dev/null
calls shop_b 20 "SELECT sum(total) FROM orders WHERE note LIKE '%@ gift%';"
calls shop_b 20 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_b "SELECT postmortem.open_incident('Checkout is slow', 'SEV2', now() - interval '1 second')" >/dev/null
is "$(q shop_b "SELECT kind || ' ' || object_identity FROM postmortem.suspects(1) LIMIT 1")" "deploy shop v1.3" \
	"B: the deploy is the top suspect, above the index drop"
like "$(q shop_b "SELECT reason FROM postmortem.suspects(1) LIMIT 1")" \
	'after it "SELECT sum\(total\) FROM orders WHERE note LIKE \$1" is new: [0-9.]+ ms per call' \
	"B: its reason names the new slow query"
is "$(q shop_b "SELECT count(*) FROM postmortem.suspects(1) WHERE command_tag = 'DROP INDEX' AND reason LIKE '%went from%'")" "0" \
	"B: the unrelated index drop is not blamed for the query"

# C. the index drop is the cause, and the snapshot before it is the one its own
# DDL finds due, inside the migration's transaction: a background worker takes
# it while the DDL waits (another session sees it before COMMIT; the migration
# holds no lock on the table), dated no later than the change
setup shop_c
q shop_c "DELETE FROM postmortem.statement_snapshot" >/dev/null
calls shop_c 40 "SELECT count(*) FROM orders WHERE customer_id = @;"
seen=$(psql -X -q -A -t -d shop_c 2>&1 <<'SQL'
BEGIN;
DROP INDEX orders_customer_idx;
\! psql -X -q -A -t -d shop_c -c "SELECT 'seen by another session: ' || count(DISTINCT taken_at) FROM postmortem.statement_snapshot"
SELECT 'locks held on it: ' || count(*) FROM pg_locks WHERE pid = pg_backend_pid()
   AND relation = 'postmortem.statement_snapshot'::regclass;
COMMIT;
SQL
)
is "$(printf '%s' "$seen" | tr '\n' ' ')" "seen by another session: 1 locks held on it: 0" \
	"C: the snapshot a DDL finds due is written by a background worker, before the migration commits"
is "$(q shop_c "SELECT max(s.taken_at) <= (SELECT c.at FROM postmortem.schema_change c WHERE c.command_tag = 'DROP INDEX') FROM postmortem.statement_snapshot s")" "t" \
	"C: it is dated no later than the change it is the baseline of"
is "$(q postgres "CREATE DATABASE shop_c_copy TEMPLATE shop_c" 2>&1)" "" \
	"C: no worker stays connected: CREATE DATABASE ... TEMPLATE works right after the migration"
q shop_c "SELECT postmortem.record_change('deploy', 'shop v1.4', details => '{\"service\": \"shop\"}')" >/dev/null
calls shop_c 20 "SELECT count(*) FROM orders WHERE customer_id = @;"
q shop_c "SELECT postmortem.open_incident('Checkout is slow', 'SEV2', now() - interval '1 second')" >/dev/null
is "$(q shop_c "SELECT coalesce(kind, '') || ' ' || command_tag || ' ' || object_identity FROM postmortem.suspects(1) LIMIT 1")" \
	"schema_change DROP INDEX public.orders_customer_idx" "C: the index drop is the top suspect, above the deploy after it"
like "$(q shop_c "SELECT body FROM postmortem.timeline WHERE incident_id = 1 AND body LIKE 'Query regression:%'")" \
	'went from [0-9.]+ ms to [0-9.]+ ms per call.*; since before DROP INDEX public.orders_customer_idx' \
	"C: the evidence names the regressed query, before (the worker's snapshot) and after"
like "$(q shop_c "SELECT detail FROM postmortem.recorder_status() WHERE item = 'query regressions'")" \
	'before schema changes \(by a background worker the command waits for' "recorder_status() says how snapshots are taken"

# D. with postmortem.statement_snapshot_worker = off the session takes it, in
# the migration's own transaction
q shop_c "ALTER DATABASE shop_c SET postmortem.statement_snapshot_worker = off" >/dev/null
q shop_c "DELETE FROM postmortem.statement_snapshot" >/dev/null
seen=$(psql -X -q -A -t -d shop_c 2>&1 <<'SQL'
BEGIN;
CREATE INDEX orders_customer_idx ON orders (customer_id);
\! psql -X -q -A -t -d shop_c -c "SELECT 'seen by another session: ' || count(DISTINCT taken_at) FROM postmortem.statement_snapshot"
COMMIT;
\! psql -X -q -A -t -d shop_c -c "SELECT 'after COMMIT: ' || count(DISTINCT taken_at) FROM postmortem.statement_snapshot"
SQL
)
is "$(printf '%s' "$seen" | tr '\n' ' ')" "seen by another session: 0 after COMMIT: 1" \
	"D: without the worker the migrating session takes the snapshot in its own transaction"
like "$(q shop_c "SELECT detail FROM postmortem.recorder_status() WHERE item = 'query regressions'")" \
	'by the session: statement_snapshot_worker is off' "D: recorder_status() says so"

# snapshots are bounded and say where they come from
is "$(q shop_b "SELECT count(DISTINCT taken_at) >= 2 AND count(*) <= 1000 FROM postmortem.statement_snapshot")" "t" \
	"snapshots were taken before the DDL and the deploy, each bounded in size"

# an ordinary role holding an advisory lock on the table's oid does not stop
# the snapshots (it did: they were serialised by that advisory lock)
q shop_b "CREATE ROLE pm_nobody LOGIN" >/dev/null
psql -X -q -d shop_b -U pm_nobody -c "SELECT pg_advisory_lock(c.oid::bigint) FROM pg_class c
	WHERE c.relname = 'statement_snapshot' AND c.relnamespace = 'postmortem'::regnamespace" \
	-c "SELECT pg_sleep(300)" >/dev/null 2>&1 &
holder=$!
for i in $(seq 1 300); do
	[ "$(q shop_b "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] && break
	sleep 0.1
done
before=$(q shop_b "SELECT count(DISTINCT taken_at) FROM postmortem.statement_snapshot")
q shop_b "SELECT postmortem.snapshot_statements(true)" >/dev/null
is "$(q shop_b "SELECT count(DISTINCT taken_at) - $before FROM postmortem.statement_snapshot")" "1" \
	"a snapshot is taken while an ordinary role holds an advisory lock on the table's oid"
q shop_b "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'pm_nobody'" >/dev/null
wait $holder
q shop_b "DROP ROLE pm_nobody" >/dev/null

# a snapshot that is due does not break DROP INDEX CONCURRENTLY (it must be
# the first action of its transaction: a snapshot's rows before it made it fail)
q shop_b "DELETE FROM postmortem.statement_snapshot" >/dev/null
is "$(q shop_b "DROP INDEX CONCURRENTLY orders_customer_idx")" "" \
	"DROP INDEX CONCURRENTLY succeeds when a snapshot is due"

# without pg_stat_statements: said, and nothing breaks
psql -X -q -d postgres -c "CREATE DATABASE plain" >/dev/null
q plain "CREATE EXTENSION postmortem" >/dev/null
like "$(q plain "SELECT detail FROM postmortem.recorder_status() WHERE item = 'query regressions'")" \
	'not installed in this database' "without pg_stat_statements, recorder_status() says there is no query regression evidence"

# configuration changes the database sees become change events
q plain "SELECT postmortem.record_setting_changes()" >/dev/null
loaded=$(q plain "SELECT pg_conf_load_time()")
q plain "ALTER SYSTEM SET work_mem = '12MB'" >/dev/null
q plain "SELECT pg_reload_conf()" >/dev/null
for i in $(seq 1 100); do
	[ "$(q plain "SELECT pg_conf_load_time()")" != "$loaded" ] && break
	sleep 0.1
done
q plain "ALTER DATABASE plain SET statement_timeout = '5s'" >/dev/null
q plain "SELECT postmortem.record_setting_changes()" > "$dir/changes"
is "$(cat "$dir/changes")" "2" "a reload that changed a setting and an ALTER DATABASE ... SET are two config events"
is "$(q plain "SELECT name || ' ' || (details->>'from') || ' -> ' || (details->>'to') || ' at reload: ' || (at = pg_conf_load_time()) FROM postmortem.change_event WHERE details->>'scope' = 'server'")" \
	"work_mem 4096 -> 12288 at reload: true" "the reload's change says from what to what, at the time of the reload"
is "$(q plain "SELECT name || ' ' || (details->>'scope') || ' ' || (details->>'to') FROM postmortem.change_event WHERE details->>'scope' <> 'server'")" \
	"statement_timeout database plain 5s" "the per-database setting says its scope"
q plain "ALTER SYSTEM RESET work_mem" >/dev/null
q plain "SELECT pg_reload_conf()" >/dev/null

# nothing stores a secret: a connection string's password never reaches a change event
q plain "SELECT postmortem.record_setting_changes()" >/dev/null
q plain "ALTER SYSTEM SET primary_conninfo = 'host=x user=repl password=hunter2'" >/dev/null
loaded=$(q plain "SELECT pg_conf_load_time()")
q plain "SELECT pg_reload_conf()" >/dev/null
for i in $(seq 1 100); do
	[ "$(q plain "SELECT pg_conf_load_time()")" != "$loaded" ] && break
	sleep 0.1
done
q plain "SELECT postmortem.record_setting_changes()" >/dev/null
is "$(q plain "SELECT count(*) FILTER (WHERE details::text LIKE '%hunter2%') || ' ' || count(*) FILTER (WHERE name = 'primary_conninfo' AND details->>'to' = '<redacted>') FROM postmortem.change_event")$(q plain "SELECT count(*) FROM postmortem.setting_snapshot WHERE setting LIKE '%hunter2%'")" \
	"0 10" "a setting that may hold a password is recorded as changed, never with its value"
q plain "ALTER SYSTEM RESET primary_conninfo" >/dev/null
q plain "SELECT pg_reload_conf()" >/dev/null
