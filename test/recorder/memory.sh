#!/usr/bin/env bash
# Memory of the backend that runs one DROP of 50 tables whose statement is
# 10 MB long (a comment in it): the recorder keeps one copy of the statement
# per command, not one per object, and writes its rows in batches of
# bounded size.  The bound is generous (the statement is 10 MB; 0.1.0 peaked
# at 700 MB more than the server without the recorder, 0.2.0 at about 50 MB):
# it catches a copy per row, not noise.  Peak resident memory (VmHWM) is read
# from /proc by psql's \! on the server's machine.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_memory_tap
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1 \
	|| { echo "Bail out! cannot create $db"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1' EXIT
psql -X -q -d "$db" -c 'CREATE EXTENSION postmortem' >/dev/null || { echo "Bail out! CREATE EXTENSION failed"; exit 1; }
echo "1..2"

psql -X -q -d "$db" >/dev/null <<'SQL'
SELECT format('CREATE TABLE mem_%s (a int PRIMARY KEY, b text)', i) FROM generate_series(1, 50) i \gexec
SQL
out=$({
	echo "SELECT pg_backend_pid() AS pid \\gset"
	echo "\\setenv P :pid"
	echo "\\! grep VmHWM /proc/\$P/status"
	printf '/* %s */ DROP TABLE ' "$(head -c 10485760 /dev/zero | tr '\0' 'x')"
	seq -f 'mem_%g' -s ', ' 1 50
	echo ";"
	echo "\\! grep VmHWM /proc/\$P/status"
} | psql -X -q -d "$db" 2>&1)
before=$(echo "$out" | awk '/VmHWM/ {print $2}' | head -1)
after=$(echo "$out" | awk '/VmHWM/ {print $2}' | tail -1)
grown=$(( (after - before) / 1024 ))
echo "# peak resident memory grew by $grown MB (from $before kB)"
rows=$(psql -X -q -A -t -d "$db" -c "SELECT count(*) FROM postmortem.schema_change WHERE command_tag = 'DROP TABLE' AND object_type = 'table'")
if [ "$rows" = "50" ]; then echo "ok 1 - the DROP recorded its 50 tables"; else echo "not ok 1 - the DROP recorded its 50 tables (got $rows)"; fi
if [ -n "$before" ] && [ "$grown" -lt 200 ]; then echo "ok 2 - a 10 MB statement dropping 50 tables costs less than 200 MB"; else
	echo "not ok 2 - a 10 MB statement dropping 50 tables costs less than 200 MB (grew $grown MB)"; fi
