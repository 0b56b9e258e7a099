#!/usr/bin/env bash
# Issue 9 item 6: DROP EXTENSION postmortem must not silently destroy the
# audit and every incident.  While postmortem.incident or
# postmortem.schema_change hold rows, DROP EXTENSION, DROP SCHEMA postmortem
# CASCADE and DROP OWNED BY the extension's owner fail (2BP01, with a hint)
# unless postmortem.allow_drop is on; a drop that goes ahead is written to
# the server log with what it deleted.  Uses the server of `make test`.
set -uo pipefail
db=postmortem_drop_tap
q() { psql -X -q -A -t -d $db -c "$1" 2>&1; }
state() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d $db -c "$1" >/dev/null 2>&1; echo $?; }
sqlstate() { psql -X -q -A -t -d $db -v VERBOSITY=sqlstate -c "$1" 2>&1 | grep -o '^ERROR:  [0-9A-Z]*' | cut -c9-; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS pm_drop_owner" -c "DROP ROLE IF EXISTS pm_drop_other" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup
echo "1..19"
psql -X -q -d postgres -c "CREATE DATABASE $db" -c "CREATE ROLE pm_drop_owner SUPERUSER" -c "CREATE ROLE pm_drop_other" >/dev/null || { echo "Bail out! setup"; exit 1; }

# an empty extension goes without asking
q "CREATE EXTENSION postmortem" >/dev/null
is "$(state "DROP EXTENSION postmortem")" 0 "an extension without incidents or audit rows drops as before"

q "SET ROLE pm_drop_owner; CREATE EXTENSION postmortem" >/dev/null
q "CREATE TABLE public.t (a int)" >/dev/null
is "$(sqlstate "DROP EXTENSION postmortem")" 2BP01 "DROP EXTENSION with audit rows is refused (2BP01)"
is "$(q "DROP EXTENSION postmortem" | grep -c 'HINT:  .*SET postmortem.allow_drop = on')" 1 "the hint says how"
q "SELECT postmortem.open_incident('Orders slow')" >/dev/null
is "$(sqlstate "DROP EXTENSION postmortem CASCADE")" 2BP01 "DROP EXTENSION ... CASCADE with incidents is refused"
is "$(sqlstate "DROP SCHEMA postmortem CASCADE")" 2BP01 "DROP SCHEMA postmortem CASCADE is refused"
is "$(sqlstate "DROP OWNED BY pm_drop_owner")" 2BP01 "DROP OWNED BY the extension's owner is refused"
is "$(sqlstate "DROP OWNED BY postgres, pm_drop_owner CASCADE")" 2BP01 "also among other roles"
is "$(state "DROP OWNED BY pm_drop_other")" 0 "DROP OWNED BY another role is not"
is "$(state "BEGIN; DROP SCHEMA IF EXISTS other_schema CASCADE; DROP EXTENSION IF EXISTS other_ext; COMMIT")" 0 "other drops are not"
is "$(q "SELECT (SELECT count(*) FROM postmortem.incident) || ' ' || (SELECT count(*) > 0 FROM postmortem.schema_change)")" "1 true" \
	"the incident and the audit are still there"
is "$(sqlstate "SET postmortem.allow_drop = off; DROP EXTENSION postmortem")" 2BP01 "postmortem.allow_drop = off is the default's refusal"
# a CASCADE that reaches a member drops the whole extension (its PL/pgSQL
# functions depend on the language): other names, same loss
is "$(sqlstate "DROP EXTENSION plpgsql CASCADE")" 2BP01 "DROP EXTENSION plpgsql CASCADE (it would drop postmortem too) is refused"
is "$(sqlstate "DROP LANGUAGE plpgsql CASCADE")" 2BP01 "so is DROP LANGUAGE plpgsql CASCADE"
is "$(sqlstate "ALTER EXTENSION postmortem DROP TABLE postmortem.incident")" 2BP01 "and ALTER EXTENSION postmortem DROP TABLE, which lets the table be dropped"
is "$(state "CREATE FUNCTION public.pm_other() RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE VIEW public.pm_other_v AS SELECT public.pm_other(); DROP FUNCTION public.pm_other() CASCADE")" 0 \
	"a CASCADE that reaches no member is not"
is "$(q "SELECT count(*) FROM pg_extension WHERE extname IN ('postmortem', 'plpgsql')")" 2 "both extensions are still there"

log=${PGHOST:-}/server.log
before=$( [ -r "$log" ] && wc -l <"$log" || echo 0)
is "$(state "SET postmortem.allow_drop = on; DROP SCHEMA postmortem CASCADE")" 0 "with postmortem.allow_drop = on the drop goes ahead"
is "$(q "SELECT count(*) FROM pg_extension WHERE extname = 'postmortem'")" 0 "and the extension is gone"
if [ -r "$log" ]; then
	is "$(tail -n +"$((before + 1))" "$log" | grep -c 'LOG:  postmortem: DROP SCHEMA .* by role "postgres" .* deletes 1 incidents and [0-9]* recorded schema changes; newest schema change [0-9]*, row_hash ')" 1 \
		"the drop is written to the server log with what it deleted"
else
	echo "ok $((n + 1)) # SKIP no readable server log at $log"
fi
