#!/usr/bin/env bash
# The recorder across sessions: statements sent as one string, concurrent
# index builds that succeed or fail across transactions, and several
# sessions appending to the hash chain at once.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_sessions_tap
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }

q() { psql -X -q -A -t -d "$db" -c "$1" 2>&1; }
n=0
is() { # got, expected, description
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..18"

# 1-2. one query string, several statements (what drivers send for a migration file)
psql -X -q -d "$db" -c "CREATE TABLE s_a (id int); CREATE INDEX s_a_id ON s_a (id); ALTER TABLE s_a ADD COLUMN v text; CREATE TABLE s_b (x int)" >/dev/null 2>&1
is "$(q "SELECT string_agg(statement, ' | ' ORDER BY id) FROM postmortem.schema_change")" \
	"CREATE TABLE s_a (id int) | CREATE INDEX s_a_id ON s_a (id) | ALTER TABLE s_a ADD COLUMN v text | CREATE TABLE s_b (x int)" \
	"each statement of a multi-statement string is recorded on its own"
is "$(q "SELECT count(DISTINCT xid) FROM postmortem.schema_change")" "1" \
	"a multi-statement string is one transaction"

# 3. CREATE INDEX CONCURRENTLY spans transactions and is recorded once, with its lock
psql -X -q -d "$db" -c "INSERT INTO s_a SELECT 1, 'x' FROM generate_series(1, 100)" >/dev/null
psql -X -q -d "$db" -c "CREATE INDEX CONCURRENTLY s_a_v ON s_a (v)" >/dev/null 2>&1
is "$(q "SELECT command_tag || ' ' || lock_mode || ' ' || blocks_writes || ' ' || index_invalid || ' ' || failed FROM postmortem.schema_change WHERE object_identity = 'public.s_a_v'")" \
	"CREATE INDEX SHARE UPDATE EXCLUSIVE false false false" "CREATE INDEX CONCURRENTLY recorded once, valid, not blocking writes"

# 4-5. a failed concurrent build leaves an INVALID index: recorded as failed when the session ends
psql -X -q -d "$db" -c "CREATE UNIQUE INDEX CONCURRENTLY s_a_unique ON s_a (id)" >/dev/null 2>&1
sleep 1
is "$(q "SELECT failed || ' ' || index_invalid || ' ' || statement FROM postmortem.schema_change WHERE object_identity = 'public.s_a_unique'")" \
	"true true CREATE UNIQUE INDEX CONCURRENTLY s_a_unique ON s_a (id)" "a failed CREATE INDEX CONCURRENTLY is recorded as failed, its index invalid"
is "$(q "SELECT postmortem.revert_sql(id) FROM postmortem.schema_change WHERE object_identity = 'public.s_a_unique'")" \
	"DROP INDEX public.s_a_unique" "and its revert drops the invalid index"

# 6. ... and in a session that goes on, at its next schema change
psql -X -q -d "$db" >/dev/null 2>&1 <<'SQL'
CREATE UNIQUE INDEX CONCURRENTLY s_a_unique2 ON s_a (id);
CREATE TABLE s_after (a int);
SQL
is "$(q "SELECT string_agg(object_identity || ':' || failed, ',' ORDER BY id) FROM postmortem.schema_change WHERE object_identity IN ('public.s_a_unique2', 'public.s_after')")" \
	"public.s_a_unique2:true,public.s_after:false" "a failed build is recorded by the session's next schema change"

# 7. DROP INDEX CONCURRENTLY keeps the definition it dropped
psql -X -q -d "$db" -c "DROP INDEX CONCURRENTLY s_a_v" >/dev/null 2>&1
is "$(q "SELECT lock_mode || ' / ' || definition_before FROM postmortem.schema_change WHERE command_tag = 'DROP INDEX' AND object_identity = 'public.s_a_v'")" \
	"SHARE UPDATE EXCLUSIVE / CREATE INDEX s_a_v ON public.s_a USING btree (v)" "DROP INDEX CONCURRENTLY recorded with the definition"

# 8-9. four sessions appending at once: one chain, no broken link
before=$(q "SELECT count(*) FROM postmortem.schema_change")
for s in 1 2 3 4; do
	(for i in $(seq 1 15); do echo "CREATE TABLE c_${s}_$i (a int); BEGIN; CREATE INDEX ON c_${s}_$i (a); ALTER TABLE c_${s}_$i ADD COLUMN b int; COMMIT;"; done \
		| psql -X -q -d "$db" >/dev/null 2>&1) &
done
wait
is "$(q "SELECT count(*) - $before FROM postmortem.schema_change")" "180" "every concurrent change recorded"
is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain stays intact under concurrent appends"

# 10-12. Rails, Alembic (which updates its one row) and Sqitch history tables,
# existing before the migration
psql -X -q -d "$db" >/dev/null 2>&1 <<'SQL'
CREATE TABLE schema_migrations (version varchar PRIMARY KEY);
CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
INSERT INTO alembic_version VALUES ('ae1027a6acf');
CREATE SCHEMA sqitch;
CREATE TABLE sqitch.changes (change_id text PRIMARY KEY, change text, project text, committed_at timestamptz DEFAULT now());
BEGIN;
CREATE TABLE h_rails (a int);
INSERT INTO schema_migrations VALUES ('20240501120000');
COMMIT;
BEGIN;
ALTER TABLE h_rails ADD COLUMN b int;
UPDATE alembic_version SET version_num = '27c6a30d7c24';
COMMIT;
BEGIN;
CREATE INDEX h_rails_b ON h_rails (b);
INSERT INTO sqitch.changes (change_id, change, project) VALUES ('abc123', 'add_h_rails_b', 'shop');
COMMIT;
SQL
is "$(q "SELECT migration FROM postmortem.schema_change WHERE statement = 'CREATE TABLE h_rails (a int)'")" "20240501120000" "Rails schema_migrations"
is "$(q "SELECT migration FROM postmortem.schema_change WHERE statement = 'ALTER TABLE h_rails ADD COLUMN b int'")" "27c6a30d7c24" "Alembic alembic_version, updated in place"
is "$(q "SELECT migration FROM postmortem.schema_change WHERE statement = 'CREATE INDEX h_rails_b ON h_rails (b)'")" "add_h_rails_b" "Sqitch sqitch.changes"

# 13. a concurrent build that fails before creating its index changed nothing
psql -X -q -d "$db" -c "CREATE INDEX CONCURRENTLY nope ON missing_table (a)" >/dev/null 2>&1
psql -X -q -d "$db" -c "CREATE TABLE s_next (a int)" >/dev/null 2>&1
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE statement LIKE '%missing_table%'")" "0" \
	"a concurrent build that failed before creating its index leaves no row"

# 14. DDL run by a function inside a multi-statement string does not take
#     another statement's text
psql -X -q -d "$db" >/dev/null 2>&1 <<'SQL'
CREATE FUNCTION make_s_fn() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE s_fn (a int); END $$;
SQL
psql -X -q -d "$db" -c "SELECT make_s_fn(); CREATE TABLE s_after_fn (a int)" >/dev/null 2>&1
is "$(q "SELECT string_agg(object_identity || ' <- ' || statement, ' | ' ORDER BY id) FROM postmortem.schema_change WHERE object_identity IN ('public.s_fn', 'public.s_after_fn')")" \
	"public.s_fn <- SELECT make_s_fn() | public.s_after_fn <- CREATE TABLE s_after_fn (a int)" \
	"a function's DDL gets the statement that called it, not the whole string; the next statement its own text"

# 15-16. what pg_dump's scripts set (check_function_bodies and row_security
#        off, empty search_path) skips a superuser's restore, but does not let
#        an ordinary role switch the recorder off
psql -X -q -d "$db" -c "DROP ROLE IF EXISTS pm_sessions_evader" -c "CREATE ROLE pm_sessions_evader LOGIN" \
	-c "GRANT CREATE ON SCHEMA public TO pm_sessions_evader" >/dev/null 2>&1
restore_like="SET check_function_bodies = off; SET row_security = off; SELECT pg_catalog.set_config('search_path', '', false);"
psql -X -q -d "$db" -U pm_sessions_evader -c "$restore_like" -c "CREATE TABLE public.s_evader (a int)" >/dev/null 2>&1
psql -X -q -d "$db" -c "$restore_like" -c "CREATE TABLE public.s_restored (a int)" >/dev/null 2>&1
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE object_identity = 'public.s_evader'")" "1" \
	"an ordinary role with pg_dump's settings is still recorded"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE object_identity = 'public.s_restored'")" "0" \
	"a superuser session with pg_dump's settings is taken for a restore"
psql -X -q -d "$db" -c "DROP TABLE public.s_evader" -c "REVOKE CREATE ON SCHEMA public FROM pm_sessions_evader" \
	-c "DROP ROLE pm_sessions_evader" >/dev/null 2>&1

# 17-18. the recorder reads a view before CREATE OR REPLACE VIEW replaces it;
#        while another session holds the view, a statement_timeout or a
#        lock_timeout that fires in that read cancels the statement (it is
#        not turned into a WARNING, after which the statement would wait on)
psql -X -q -d "$db" -c "CREATE VIEW s_locked_v AS SELECT 1 AS a" >/dev/null 2>&1
for limit in statement_timeout lock_timeout; do
	psql -X -q -d "$db" -c "BEGIN" -c "LOCK TABLE s_locked_v IN ACCESS EXCLUSIVE MODE" -c "SELECT pg_sleep(4)" -c "COMMIT" >/dev/null 2>&1 &
	holder=$!
	for _ in $(seq 1 50); do
		[ "$(q "SELECT count(*) FROM pg_locks WHERE relation = 'public.s_locked_v'::regclass AND mode = 'AccessExclusiveLock' AND granted")" = 1 ] && break
		sleep 0.1
	done
	got=$(psql -X -q -d "$db" -c "SET $limit = '300ms'" -c "CREATE OR REPLACE VIEW s_locked_v AS SELECT 1 AS a, 2 AS b" 2>&1 | grep -o 'ERROR:.*' | head -1)
	wait $holder
	case $limit in
		statement_timeout) want="ERROR:  canceling statement due to statement timeout" ;;
		lock_timeout) want="ERROR:  canceling statement due to lock timeout" ;;
	esac
	is "$got" "$want" "a $limit in the recorder's read cancels CREATE OR REPLACE VIEW"
done
