#!/usr/bin/env bash
# A second run of the real migration tools of test/recorder/clients.sh, with
# other projects and other kinds of migrations (several apps and branches,
# squashed and merged migrations, non-transactional ones, renamed history
# tables, offline SQL, --fake, redo), as a non-superuser app role, forward
# and back: every recorded row must name the right migration and direction,
# each step must leave the same schema as in a database without the
# extension, and a second session holding locks on the history tables must
# not make the recorder wait.
# The projects are in test/clients/<tool>-2/ (a steps.sh per tool, sourced
# here; not run.sh, so that clients.sh leaves them alone); the rows each step
# must write are in test/clients/<tool>-2/expected/.
# PM_CLIENTS_ACCEPT=1 rewrites those files from this run (look at the diff!).
# PM_CLIENTS=tool1,tool2 (e.g. alembic-2) runs only those.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
clients=$top/test/clients
export PM_NODE_MODULES=${PM_NODE_MODULES:-/var/cache/postmortem-test/node/node_modules}
app=pm_app2
db_prefix=pm_more
dump_exclude="-N tenant"
. test/support/migration-clients.sh

# hold DB SQL: a second session (superuser) runs SQL in an open transaction
# and keeps it open, its locks held, until unhold.  Returns once SQL ran.
hold() {
	rm -f "$work/held"
	mkfifo "$work/hold.in"
	psql -X -q -v ON_ERROR_STOP=1 -d "$1" <"$work/hold.in" >"$work/hold.out" 2>&1 &
	holder=$!
	exec 9>"$work/hold.in"
	printf 'BEGIN;\n%s\n\\o %s\nSELECT 1;\n\\o\n' "$2" "$work/held" >&9
	while [ ! -s "$work/held" ] && kill -0 "$holder" 2>/dev/null; do sleep 0.1; done
}
unhold() {
	# a subshell: if the holder has gone, SIGPIPE ends only that
	(printf 'ROLLBACK;\n\\q\n' >&9) 2>/dev/null
	exec 9>&-
	wait "$holder"
	holder=
	rm -f "$work/hold.in"
}

# held_step TABLE ROW TOOL NAME COMMAND...: step, while a second session
# holds SHARE UPDATE EXCLUSIVE (PM_HOLD_MODE) on the history table TABLE
# with an uncommitted row of its own (ROW: a VALUES list, or empty), and
# ACCESS EXCLUSIVE on
# another tenant's history table of the same name (tenant.TABLE, made here
# in both databases): the tool does not wait for these locks, and the
# recorder must neither wait (the step would fail on its lock_timeout) nor
# name the other session's row.
held_step() {
	local table=$1 row=$2; shift 2
	local t
	for t in $with $without; do
		q $t "CREATE SCHEMA IF NOT EXISTS tenant; CREATE TABLE IF NOT EXISTS tenant.${table#*.} (LIKE $table)" >/dev/null
	done
	hold $with "LOCK TABLE $table IN ${PM_HOLD_MODE:-SHARE UPDATE EXCLUSIVE} MODE;
	            ${row:+INSERT INTO $table $row;}
	            LOCK TABLE tenant.${table#*.} IN ACCESS EXCLUSIVE MODE;"
	if [ ! -s "$work/held" ]; then
		not_ok "$1 $2: a second session holds the history table's locks" "$(cat "$work/hold.out")"
		unhold
		return 1
	fi
	step "$@"
	unhold
}

only=${PM_CLIENTS:-}
for dir in "$clients"/*-2/; do
	tool=$(basename "$dir")
	[ -f "$dir/steps.sh" ] || continue
	if [ -n "$only" ] && [[ ",$only," != *",$tool,"* ]]; then continue; fi
	if ! tool_dbs "$tool"; then not_ok "$tool: databases"; continue; fi
	# shellcheck source=/dev/null
	. "$dir/steps.sh"
done
echo "1..$n"
