#!/usr/bin/env bash
# ALTER EXTENSION postmortem UPDATE from the released 0.1.0: a database that
# holds incidents, timeline entries, tasks, citations and audit rows keeps
# them all, its chain still verifies and goes on, the upgraded catalog is
# exactly a fresh 0.2.0 install's, and the pgTAP suites pass on it.
set -uo pipefail
cd "$(dirname "$0")/../.."
old=postmortem_upgrade
new=postmortem_upgrade_fresh
cleanup() {
	for d in $old ${old}_was $new; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
}
trap cleanup EXIT
cleanup
q() { psql -X -q -A -t -d "$1" -c "$2" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..17"
for d in ${old}_was $new; do
	psql -X -q -d postgres -c "CREATE DATABASE $d" >/dev/null || { echo "Bail out! cannot create $d"; exit 1; }
done

# A 0.1.0 database in use: incidents through their lifecycle, tasks, a
# migration's schema changes in the audit, a citation.
# The database was renamed once under 0.1.0 (so its first rows carry the
# origin of its old name, and 0.1.0's single chain goes on across the two).
psql -X -q -v ON_ERROR_STOP=1 -d ${old}_was >/dev/null <<'SQL' || { echo "Bail out! 0.1.0 setup failed"; exit 1; }
CREATE EXTENSION postmortem VERSION '0.1.0';
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);
SQL
psql -X -q -d postgres -c "ALTER DATABASE ${old}_was RENAME TO $old" >/dev/null || { echo "Bail out! cannot rename"; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 -d $old >/dev/null <<'SQL' || { echo "Bail out! 0.1.0 setup failed"; exit 1; }
CREATE INDEX orders_customer_idx ON orders (customer_id);
BEGIN;
SET LOCAL postmortem.migration = '0042_drop_customer_idx';
ALTER TABLE orders ADD COLUMN note text DEFAULT '';
DROP INDEX orders_customer_idx;
COMMIT;
SELECT postmortem.open_incident('Checkout slow: orders seq scans', 'SEV2', now() - interval '2 hours');
SELECT postmortem.log(1, 'Paged on p99 latency', 'detection', now() - interval '110 minutes');
UPDATE postmortem.incident SET status = 'mitigated' WHERE id = 1;
UPDATE postmortem.incident SET status = 'resolved' WHERE id = 1;
INSERT INTO postmortem.task (incident_id, title, kind, owner) VALUES (1, 'Recreate orders_customer_idx', 'corrective', 'dba');
SELECT postmortem.cite(1, (SELECT id FROM postmortem.schema_change WHERE command_tag = 'DROP INDEX'), 'root_cause', 'dropped the index checkout needs');
SQL
# The 0.2.0 library under 0.1.0's objects (the package installed, ALTER
# EXTENSION not yet run): the incident is recorded; evidence that needs a
# 0.2.0 function is skipped with a warning that says to update.
warned=$(psql -X -q -v ON_ERROR_STOP=1 -d $old -c "SELECT postmortem.open_incident('Replica lag', 'SEV3')" 2>&1 >/dev/null)

rows="SELECT (SELECT count(*) FROM postmortem.incident) || ' ' || (SELECT count(*) FROM postmortem.timeline)
      || ' ' || (SELECT count(*) FROM postmortem.task) || ' ' || (SELECT count(*) FROM postmortem.citation)
      || ' ' || (SELECT md5(string_agg(id || command_tag || statement || coalesce(migration, ''), ',' ORDER BY id)) FROM postmortem.schema_change WHERE id <= LAST)"
last=$(q $old "SELECT max(id) FROM postmortem.schema_change")
rows=${rows/LAST/$last}
before=$(q $old "$rows")
is "$(q $old "SELECT count(*) FROM postmortem.incident WHERE title = 'Replica lag'") $(grep -c 'HINT:  The postmortem library is newer than the extension.s objects: run ALTER EXTENSION postmortem UPDATE' <<<"$warned")" \
	"1 2" "under 0.1.0's objects the library records the incident and says to run ALTER EXTENSION UPDATE for the evidence it skipped"
is "$(q $old "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the 0.1.0 chain verifies before the upgrade"
is "$(q $old "SELECT count(DISTINCT origin) FROM postmortem.schema_change")" "2" "its rows carry two origins (the database was renamed)"

q $old "ALTER EXTENSION postmortem UPDATE TO '0.2.0'" >/tmp/postmortem-upgrade.$$ 2>&1
is "$(grep -c ERROR /tmp/postmortem-upgrade.$$)" "0" "ALTER EXTENSION postmortem UPDATE TO '0.2.0' succeeds"
grep ERROR /tmp/postmortem-upgrade.$$ | sed 's/^/# /'
rm -f /tmp/postmortem-upgrade.$$
is "$(q $old "SELECT extversion FROM pg_extension WHERE extname = 'postmortem'")" "0.2.0" "the database is at 0.2.0"
is "$(q $old "$rows")" "$before" "every incident, entry, task, citation and audit row is kept"
is "$(q $old "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the upgraded chain verifies"
is "$(q $old "SELECT command_tag FROM postmortem.schema_change WHERE id > $last ORDER BY id LIMIT 1")" "ALTER EXTENSION" "the upgrade itself is recorded"

q $old "CREATE INDEX orders_customer_idx ON orders (customer_id)" >/dev/null
is "$(q $old "SELECT count(*) FROM postmortem.schema_change WHERE command_tag = 'CREATE INDEX' AND statement LIKE '%orders_customer_idx%'")" \
	"2" "the recorder goes on recording after the upgrade"
is "$(q $old "SELECT count(*) FROM postmortem.verify_audit()")" "0" "and the chain goes on with it"
is "$(q $old "SELECT count(*) FROM postmortem.verify_audit(postmortem.local_origin())")" "0" "the database's own origin verifies on its own"
is "$(q $old "SELECT n.prev_hash = o.row_hash AND n.origin = o.origin FROM postmortem.schema_change o, postmortem.schema_change n
             WHERE o.id = $last AND n.id = (SELECT min(id) FROM postmortem.schema_change WHERE id > $last)")" \
	"t" "the first row after the upgrade is chained to the last 0.1.0 row"
is "$(q $old "SELECT string_agg(h.last_id::text, ',' ORDER BY h.last_id) FROM postmortem.schema_change_head h
             WHERE h.origin <> postmortem.local_origin()")" \
	"$(q $old "SELECT max(id) FROM postmortem.schema_change WHERE origin <> postmortem.local_origin()")" \
	"the old name's origin is a closed chain whose head is its last row"
# (the row is cited: a superuser deleting it gets past the citation's
# foreign key with session_replication_role)
q $old "BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM postmortem.schema_change WHERE id = $last; CREATE TABLE after_delete (); COMMIT" >/dev/null
is "$(q $old "SELECT count(*) FROM postmortem.verify_audit() WHERE schema_change_id > $last")" "1" \
	"deleting the last 0.1.0 row is seen after the upgrade"

q $new "CREATE EXTENSION postmortem" >/dev/null
fp_old=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d $old -f test/upgrade/fingerprint.sql 2>&1)
fp_new=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d $new -f test/upgrade/fingerprint.sql 2>&1)
# (two identical errors would compare equal: the fingerprint must run)
is "$(printf '%s\n%s\n' "$fp_old" "$fp_new" | grep -c 'ERROR')" 0 "the fingerprint reads both catalogs"
if [ "$fp_old" = "$fp_new" ]; then
	is same same "the upgraded catalog is exactly a fresh 0.2.0 install's"
else
	is "upgraded catalog differs" "same" "the upgraded catalog is exactly a fresh 0.2.0 install's"
	diff <(echo "$fp_new") <(echo "$fp_old") | head -200 | sed 's/^/# /' >&2
fi

# The behaviour suites, run against the upgraded database.
psql -X -q -d $old -c 'CREATE EXTENSION IF NOT EXISTS pgtap' -c "ALTER DATABASE $old SET search_path = public, postmortem" >/dev/null
parts=$(make -s --no-print-directory print-parts)
suites=$(for p in $parts; do ls test/$p/*.sql 2>/dev/null; done)
if pg_prove -d $old test/support/catalog.sql $suites >/tmp/postmortem-upgrade-prove.$$ 2>&1; then
	is pass pass "the pgTAP suites pass on the upgraded database"
else
	is fail pass "the pgTAP suites pass on the upgraded database"
	grep -v '^ok\|\.\. ok$' /tmp/postmortem-upgrade-prove.$$ | head -200 | sed 's/^/# /' >&2
fi
rm -f /tmp/postmortem-upgrade-prove.$$
