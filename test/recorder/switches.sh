#!/usr/bin/env bash
# The settings that switch triggers off, on a preloaded server:
# session_replication_role changed more often than the recorder keeps notes
# of (the value the transaction ends with is still recorded), and, on
# PostgreSQL 17+, event_triggers = off (no event trigger fires: each DDL
# statement still leaves a gap row, the switch itself is recorded, and
# recorder_status() says DDL is not fully recorded).
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/server.sh
dir=$(mktemp -d /tmp/postmortem-switches.XXXXXX)
chmod 755 "$dir"
trap 'pm_server_stop "$dir"; rm -rf "$dir"' EXIT
pm_server_start "$dir" "shared_preload_libraries = 'postmortem'" || { echo "Bail out! server did not start"; exit 1; }
db=postmortem_switches
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null && psql -X -q -d $db -c 'CREATE EXTENSION postmortem' >/dev/null \
	|| { echo "Bail out! setup failed"; exit 1; }

q() { psql -X -q -A -t -d $db -c "$1" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
version=$(q "SHOW server_version_num")
if [ "$version" -ge 170000 ]; then echo "1..6"; else echo "1..2"; fi

# ten switches back and forth, then replica: more than the notes kept
{
	echo "BEGIN;"
	for i in $(seq 1 10); do
		echo "SELECT set_config('session_replication_role', 'local', true) AS l$i;"
		echo "SELECT set_config('session_replication_role', 'origin', true) AS o$i;"
	done
	echo "SELECT set_config('session_replication_role', 'replica', true) AS final;"
	echo "CREATE TABLE public.sw_t (a int);"
	echo "COMMIT;"
} | psql -X -q -d $db >/dev/null 2>&1
is "$(q "SELECT object_identity FROM postmortem.schema_change WHERE command_tag = 'SET' ORDER BY id DESC LIMIT 1")" \
	"session_replication_role = replica (and 13 earlier changes of the transaction not recorded one by one)" \
	"the last session_replication_role of a transaction is recorded, with how many changes were not"
is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain verifies"

[ "$version" -ge 170000 ] || exit 0

psql -X -q -d $db >/dev/null 2>&1 <<'SQL'
SET event_triggers = off;
CREATE TABLE public.hidden_by_guc (a int);
DROP TABLE public.sw_t;
RESET event_triggers;
BEGIN; SET LOCAL event_triggers = off; CREATE TABLE public.hidden_local (a int); COMMIT;
SELECT set_config('event_triggers', 'off', false);
CREATE TABLE public.hidden_setconfig (a int);
RESET event_triggers;
CREATE TABLE public.after (a int);
SQL
is "$(q "SELECT string_agg(command_tag || ':' || coalesce(object_type, '') || ':' || left(coalesce(statement, ''), 40), ',' ORDER BY id)
		   FROM postmortem.schema_change WHERE id > (SELECT max(id) FROM postmortem.schema_change WHERE object_identity = 'public.sw_t' AND command_tag = 'CREATE TABLE')
			AND object_identity NOT LIKE 'session_replication_role%'")" \
	"SET:setting:SET event_triggers = off,CREATE TABLE:recorder error:CREATE TABLE public.hidden_by_guc (a int,DROP TABLE:recorder error:DROP TABLE public.sw_t,RESET:setting:RESET event_triggers,SET LOCAL:setting:SET LOCAL event_triggers = off,CREATE TABLE:recorder error:CREATE TABLE public.hidden_local (a int),SET:setting:SELECT set_config('event_triggers', 'off,CREATE TABLE:recorder error:CREATE TABLE public.hidden_setconfig (a ,RESET:setting:RESET event_triggers,CREATE TABLE:table:CREATE TABLE public.after (a int)" \
	"with event_triggers off, every DDL statement is a gap row and every switch is recorded"
is "$(q "SELECT count(*) FROM postmortem.schema_change WHERE object_type = 'recorder error' AND object_identity LIKE 'event triggers were off%'")" "4" \
	"the gap rows say why"
is "$(psql -X -q -A -t -d $db -c "SET event_triggers = off" -c "SELECT recorded FROM postmortem.recorder_status() WHERE item = 'DDL commands (event triggers)'")" "f" \
	"recorder_status() says DDL is not fully recorded while event_triggers is off"
is "$(q "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the chain verifies"
