#!/usr/bin/env bash
# TAP: README.md's five-minute tour runs as written in a fresh database.
# The SQL blocks between <!-- tour:begin --> and <!-- tour:end --> are run
# verbatim by psql (ON_ERROR_STOP), in an empty directory (the tour writes
# postmortem.md there and reads it back), so the tour cannot rot.
cd "$(dirname "$0")/../.."
top=$PWD
db=pm_report_tour
work=$(mktemp -d /tmp/pm-report-tour.XXXXXX)
chmod 777 "$work"
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; rm -rf "$work"' EXIT
echo "1..5"

awk '/<!-- tour:begin -->/ { on = 1; next } /<!-- tour:end -->/ { on = 0 }
	 on && /^```sql$/ { sql = 1; next } on && /^```$/ { sql = 0; next } on && sql' README.md >"$work/tour.sql"
lines=$(wc -l <"$work/tour.sql")
[ "$lines" -ge 20 ] && echo "ok 1 - the tour's SQL is found in README.md ($lines lines)" ||
	echo "not ok 1 - the tour's SQL is found in README.md ($lines lines)"

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null 2>&1
(cd "$work" && psql -X -v ON_ERROR_STOP=1 -d "$db" -f tour.sql >tour.out 2>&1)
status=$?
if [ $status = 0 ]; then
	echo "ok 2 - the tour runs as written in a fresh database"
else
	echo "not ok 2 - the tour runs as written in a fresh database (psql exit $status)"
	tail -15 "$work/tour.out" | sed 's/^/# /'
fi

grep -q 'DROP INDEX public.orders_customer_idx' "$work/tour.out"
[ $? = 0 ] && echo "ok 3 - suspects() names the dropped index" || echo "not ok 3 - suspects() names the dropped index"

head -1 "$work/postmortem.md" 2>/dev/null | grep -qx '# Orders page times out' &&
	grep -q '^```mermaid$' "$work/postmortem.md"
[ $? = 0 ] && echo "ok 4 - the report is written to postmortem.md, Markdown alone" ||
	echo "not ok 4 - the report is written to postmortem.md, Markdown alone"

# the README's shell line, as written, against the same database
line=$(grep -m1 '^    psql -At -c "SELECT postmortem.report(1)" > postmortem.md$' README.md | sed 's/^    //')
rm -f "$work/postmortem.md"
if [ -n "$line" ] && (cd "$work" && PGDATABASE=$db bash -c "$line") && head -1 "$work/postmortem.md" | grep -qx '# Orders page times out'; then
	echo "ok 5 - $line"
else
	echo "not ok 5 - the README's psql -At line writes the report to a file"
fi
