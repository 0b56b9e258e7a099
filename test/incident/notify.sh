#!/usr/bin/env bash
# NOTIFY postmortem, received by a real LISTEN in another session: a chat bot
# learns when an incident is declared, changes status or severity, and when
# a task becomes overdue, without polling.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_notify_tap
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -X -q -d $db -c 'CREATE EXTENSION postmortem' >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }
# titles and owners in the payloads: off by default (LISTEN needs no privilege)
psql -X -q -d $db -c "ALTER DATABASE $db SET postmortem.notify_details = on" >/dev/null

# The listener LISTENs, then each \! runs a second session (psql) to the
# end; the listener's next query delivers what that session notified.
other="psql -X -q -d $db -v ON_ERROR_STOP=1"
out=$(psql -X -q -d $db 2>&1 <<SQL
LISTEN postmortem;
\! $other -c "SELECT postmortem.open_incident('Checkout is slow', 'SEV3')" >/dev/null
SELECT 1;
\! $other -c "UPDATE postmortem.incident SET severity = 'SEV2' WHERE id = 1"
SELECT 1;
\! $other -c "UPDATE postmortem.incident SET status = 'mitigated' WHERE id = 1"
SELECT 1;
\! $other -c "INSERT INTO postmortem.task (incident_id, title, owner, due_at) VALUES (1, 'Add the index', 'alice', '2020-01-01T10:00:00Z'), (1, 'Not yet due', 'bob', now() + interval '1 day')"
\! $other -c "SELECT postmortem.notify_overdue_tasks()" >/dev/null
SELECT 1;
\! $other -c "SELECT postmortem.notify_overdue_tasks()" >/dev/null
SELECT 1;
\! $other -c "BEGIN; UPDATE postmortem.incident SET severity = 'SEV1' WHERE id = 1; ROLLBACK"
SELECT 1;
\! $other -c "INSERT INTO postmortem.incident (title, started_at, resolved_at) VALUES ('Imported: last year', now() - interval '1 year', now() - interval '1 year' + interval '1 hour')"
SELECT 1;
SQL
)
payloads=$(printf '%s\n' "$out" | sed -n 's/^Asynchronous notification "postmortem" with payload "\(.*\)" received from server process with PID [0-9]*\.$/\1/p')
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
line() { printf '%s\n' "$payloads" | sed -n "${1}p"; }
echo "1..11"
is "$(line 1)" '{"event": "declared", "incident_id": 1, "title": "Checkout is slow", "severity": "SEV3", "status": "investigating"}' \
	"declaring an incident notifies the listener in another session"
is "$(line 2)" '{"event": "severity_changed", "incident_id": 1, "title": "Checkout is slow", "severity": "SEV2", "status": "investigating", "from": "SEV3", "to": "SEV2"}' \
	"a severity change notifies, from and to"
is "$(line 3)" '{"event": "status_changed", "incident_id": 1, "title": "Checkout is slow", "severity": "SEV2", "status": "mitigated", "from": "investigating", "to": "mitigated"}' \
	"a status change notifies, from and to"
is "$(line 4)" '{"event": "task_overdue", "incident_id": 1, "title": "Checkout is slow", "severity": "SEV2", "status": "mitigated", "task_id": 1, "task": "Add the index", "owner": "alice", "due_at": "2020-01-01T10:00:00Z"}' \
	"a task past its due date notifies when notify_overdue_tasks() runs"
is "$(printf '%s\n' "$payloads" | grep -c task_overdue)" "1" \
	"each overdue task is notified once; a task not yet due is not"
is "$(printf '%s\n' "$payloads" | grep -c .)" "4" \
	"a rolled-back change and an imported past incident notify nothing"

# Whatever people type, the payload stays under NOTIFY's 8000 bytes: a long
# owner, titles of control characters (six bytes each once escaped) -- or
# one such task made every later notify_overdue_tasks() fail.
psql -X -q -d $db -c "INSERT INTO postmortem.incident (title) VALUES (repeat(E'\\x01', 1500))" \
	-c "INSERT INTO postmortem.task (incident_id, title, owner, due_at) VALUES (currval('postmortem.incident_id_seq'), repeat(E'\\x02', 1500), repeat('o', 9000), now() - interval '1 hour')" >/dev/null
is "$(psql -X -q -A -t -d $db -c "UPDATE postmortem.incident SET status = 'identified' WHERE title = repeat(E'\\x01', 1500)" 2>&1)" "" \
	"a status change of an incident with a title of control characters notifies"
is "$(psql -X -q -A -t -d $db -c "SELECT postmortem.notify_overdue_tasks()" 2>&1)" "1" \
	"an overdue task with a 9000-byte owner and such titles is notified"

# Without notify_details (the default), and for a private incident always,
# a payload says no title, task or owner: any role that can connect LISTENs.
psql -X -q -d $db -c "ALTER DATABASE $db RESET postmortem.notify_details" >/dev/null
quiet=$(psql -X -q -d $db 2>&1 <<SQL
LISTEN postmortem;
\! $other -c "SELECT postmortem.open_incident('Breach: customer PII exported', 'SEV1')" >/dev/null
SELECT 1;
\! $other -c "SET postmortem.notify_details = on" -c "INSERT INTO postmortem.incident (title, private) VALUES ('Private: payroll leak', true)"
SELECT 1;
\! $other -c "INSERT INTO postmortem.task (incident_id, title, owner, due_at) SELECT id, 'Rotate the keys', 'carol', now() - interval '1 day' FROM postmortem.incident WHERE private" -c "SET postmortem.notify_details = on" -c "SELECT postmortem.notify_overdue_tasks()" >/dev/null
SELECT 1;
SQL
)
quiet=$(printf '%s\n' "$quiet" | sed -n 's/^Asynchronous notification "postmortem" with payload "\(.*\)" received from server process with PID [0-9]*\.$/\1/p')
is "$(printf '%s\n' "$quiet" | grep -c 'Breach')" "0" "by default a payload has no title"
is "$(printf '%s\n' "$quiet" | grep -c 'payroll\|Rotate\|carol')" "0" "a private incident's payloads never have its title, its tasks or their owners"
is "$(printf '%s\n' "$quiet" | grep -c '"event"')" "3" "they still say what happened, with the ids"
