#!/usr/bin/env bash
# A fleet on real servers: two origin clusters (one with two databases) and a
# centre, each on its own loopback port, joined by PostgreSQL's logical
# replication exactly as docs/fleet.md tells a user to.  Every wait is a
# bounded poll; nothing asserts a timing.
set -uo pipefail
cd "$(dirname "$0")/../.."
. test/support/fleet.sh
trap 'fleet_stop_all; rm -rf "$fleet_work"' EXIT

n=0
ok() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
bail() { echo "Bail out! $*"; exit 1; }
C() { fq centre fleet "$@"; }

echo "1..42"
fleet_cluster a || bail "cannot start origin cluster a"
fleet_cluster b || bail "cannot start origin cluster b"
fleet_cluster centre "max_logical_replication_workers = 12" "max_worker_processes = 20" \
	|| bail "cannot start the centre"
fq centre postgres "CREATE DATABASE fleet" >/dev/null && C "CREATE EXTENSION postmortem" >/dev/null \
	|| bail "cannot install the extension at the centre"

# Origins with history before they join: the initial copy brings it.
shop=$(fleet_add_origin a shop) || bail "cannot publish a/shop"
billing=$(fleet_add_origin a billing) || bail "cannot publish a/billing"
users=$(fleet_add_origin b users) || bail "cannot publish b/users"
here=$(C "SELECT postmortem.local_origin()")
fq a shop "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)" \
	"CREATE INDEX orders_customer_idx ON orders (customer_id)" >/dev/null
fq a billing "CREATE TABLE invoices (id bigint PRIMARY KEY, due date)" >/dev/null
fq b users "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)" \
	"CREATE INDEX accounts_email_idx ON accounts (email)" >/dev/null
is "$(fq a shop "SELECT DISTINCT origin FROM postmortem.schema_change")" "$shop" \
	"fleet_publish() returns the origin the recorder writes"
is "$(fq a shop "SELECT string_agg(pubname, ',' ORDER BY pubname) FROM pg_publication")" \
	"postmortem_fleet,postmortem_fleet_head" "it publishes the rows and the chain heads"

# The centre subscribes; the password in the connection string is ignored by
# trust authentication but must be stored nowhere of the extension's.
fleet_subscribe a shop "user=postgres password=fleet-secret-1" || bail "cannot subscribe a/shop"
# billing as the README tells: a replication role that must give its
# password (scram), which the centre's server reads from a password file
fq a billing "CREATE ROLE postmortem_fleet LOGIN REPLICATION PASSWORD 'fleet-pw'" \
	"SELECT postmortem.fleet_publish('postmortem_fleet')" >/dev/null || bail "cannot grant the replication role"
{ echo "host billing postmortem_fleet 127.0.0.1/32 scram-sha-256"; cat "$fleet_work/a/data/pg_hba.conf"; } >"$fleet_work/hba"
cat "$fleet_work/hba" >"$fleet_work/a/data/pg_hba.conf"
fq a billing "SELECT pg_reload_conf()" >/dev/null
echo "127.0.0.1:${fleet_port[a]}:billing:postmortem_fleet:fleet-pw" >"$fleet_work/centre/pgpass"
chown postgres: "$fleet_work/centre/pgpass" 2>/dev/null; chmod 600 "$fleet_work/centre/pgpass"
is "$(psql -X -A -t -w -h 127.0.0.1 -p "${fleet_port[a]}" -U postmortem_fleet -d billing -c 'SELECT 1' 2>&1 | grep -c 'password')" \
	"1" "the origin asks the replication role for its password"
fleet_subscribe a billing "user=postmortem_fleet passfile=$fleet_work/centre/pgpass" || bail "cannot subscribe a/billing"
fleet_subscribe b users || bail "cannot subscribe b/users"
for o in "$shop:a:shop" "$billing:a:billing" "$users:b:users"; do
	IFS=: read -r origin cl db <<<"$o"
	fleet_wait_caught_up "$origin" "$cl" "$db" 60 || bail "initial copy of $db did not arrive"
done
ok 0 "each origin's history arrives at the centre"
is "$(C "SELECT count(*) FROM postmortem.fleet_origin")" "3" "the centre knows three origins (so far)"
is "$(C "SELECT count(*) FROM postmortem.schema_change WHERE statement LIKE '%fleet-secret-1%'")
$(C "SELECT count(*) FROM postmortem.fleet_origin f WHERE f::text LIKE '%fleet-secret-1%'")" "0
0" "no connection string with its password is kept in the extension's tables"

# An origin in the centre's own cluster: the slot is made in it first.
fq centre postgres "CREATE DATABASE neighbour" >/dev/null && fq centre neighbour "CREATE EXTENSION postmortem" \
	"CREATE TABLE n (id int)" >/dev/null
neighbour=$(fq centre neighbour "SELECT postmortem.fleet_publish()")
hint=$(fq_script centre fleet 2>&1 >/dev/null <<SQL
SELECT postmortem.fleet_subscribe('$neighbour', 'host=127.0.0.1 port=${fleet_port[centre]} dbname=neighbour user=postgres') \gexec
SQL
)
slot_sql=$(echo "$hint" | sed -n 's/.*first: \(SELECT pg_create_logical_replication_slot.*\)$/\1/p')
fq centre neighbour "$slot_sql" >/dev/null
fleet_wait_caught_up "$neighbour" centre neighbour 60
ok $? "an origin in the centre's own cluster subscribes, its slot made as fleet_subscribe says"

# DDL on each origin arrives with its facts.
fq a shop "BEGIN" "SET LOCAL postmortem.migration = '0042_drop_customer_idx'" \
	"DROP INDEX orders_customer_idx" "COMMIT" >/dev/null
fq a billing "ALTER TABLE invoices ADD COLUMN paid boolean DEFAULT false" >/dev/null
fq b users "CREATE INDEX CONCURRENTLY accounts_id_email_idx ON accounts (id, email)" >/dev/null
for o in "$shop:a:shop" "$billing:a:billing" "$users:b:users"; do
	IFS=: read -r origin cl db <<<"$o"
	fleet_wait_caught_up "$origin" "$cl" "$db" 60
done
facts="SELECT string_agg(concat_ws('|', id, origin, command_tag, object_identity, statement, migration, lock_mode,
                                 blocks_writes, definition_before, revert_statement, database_name, row_hash), E'\n' ORDER BY id)
         FROM postmortem.schema_change WHERE origin = "
same=0
for o in "$shop:a:shop" "$billing:a:billing" "$users:b:users"; do
	IFS=: read -r origin cl db <<<"$o"
	[ "$(fq "$cl" "$db" "$facts '$origin'")" = "$(C "$facts '$origin'")" ] || { same=1; echo "# $db differs at the centre"; }
done
ok $same "every origin's rows are at the centre as recorded, facts and hashes included"
is "$(C "SELECT migration || ' ' || lock_mode || ' ' || (revert_statement LIKE 'CREATE INDEX orders_customer_idx%') FROM postmortem.schema_change WHERE origin = '$shop' AND command_tag = 'DROP INDEX'")" \
	"0042_drop_customer_idx ACCESS EXCLUSIVE true" "a dropped index arrives with its migration, lock and revert"
is "$(C "SELECT count(*) FROM (SELECT origin, id FROM postmortem.schema_change GROUP BY 1, 2 HAVING count(*) > 1) d")" \
	"0" "ids of several origins sit side by side without colliding"

# The centre's own recorder goes on with its own chain, beside the others.
C "CREATE TABLE centre_notes (id int)" >/dev/null
is "$(C "SELECT count(*) FROM postmortem.schema_change WHERE origin = '$here' AND command_tag = 'CREATE TABLE'")" \
	"1" "the centre records its own DDL under its own origin"
is "$(C "SELECT string_agg(command_tag, ',' ORDER BY id) FROM postmortem.schema_change WHERE origin = '$here'")" \
	"CREATE SUBSCRIPTION,CREATE SUBSCRIPTION,CREATE SUBSCRIPTION,CREATE SUBSCRIPTION,CREATE TABLE" \
	"the centre's own rows are its own DDL only, none for the rows its subscriptions applied"
status=$(C "SELECT string_agg(database_name || ':' || state || ':' || chain, ' ' ORDER BY database_name) FROM postmortem.fleet_status()")
is "$status" "billing:streaming:intact fleet:local:intact neighbour:streaming:intact shop:streaming:intact users:streaming:intact" \
	"fleet_status(): every origin streams and its chain verifies"
is "$(C "SELECT bool_and(changes > 0 AND last_id IS NOT NULL AND last_change_at IS NOT NULL AND received_at IS NOT NULL AND lag IS NOT NULL AND last_contact IS NOT NULL) FROM postmortem.fleet_status() WHERE state = 'streaming'")" \
	"t" "fleet_status(): last change, when it arrived, its lag and the last contact per origin"

# An incident on one database: suspects come from it, and name it.
fq a shop "CREATE INDEX orders_id_idx ON orders (id)" "DROP INDEX orders_id_idx" >/dev/null
fq b users "DROP INDEX accounts_email_idx" >/dev/null
fleet_wait_caught_up "$shop" a shop 60; fleet_wait_caught_up "$users" b users 60
C "INSERT INTO postmortem.incident (title, started_at, origins) VALUES ('Login slow: accounts by email', now(), ARRAY['$users'])" \
	"INSERT INTO postmortem.incident (title, started_at) VALUES ('Centre notes slow', now())" >/dev/null
is "$(C "SELECT string_agg(DISTINCT origin, ',') FROM postmortem.suspects(1)")" "$users" \
	"suspects() ranks only the changes of the incident's databases"
is "$(C "SELECT object_identity FROM postmortem.suspects(1) LIMIT 1")" "public.accounts_email_idx" \
	"the dropped index of that database is the first suspect"
is "$(C "SELECT reason LIKE 'DROP INDEX public.accounts_email_idx in database users %accounts is named in the incident%' FROM postmortem.suspects(1) LIMIT 1")" \
	"t" "its reason names the database"
is "$(C "SELECT string_agg(DISTINCT origin, ',') FROM postmortem.suspects(2)")" "$here" \
	"an incident naming no database ranks the centre's own changes only"

# Cited at the centre: by (origin, id), named by its database everywhere.
culprit=$(C "SELECT schema_change_id FROM postmortem.suspects(1) LIMIT 1")
is "$(C "SELECT postmortem.cite(1, $culprit) IS NOT NULL") $(C "SELECT schema_change_origin FROM postmortem.citation WHERE incident_id = 1")" \
	"t $users" "cite() finds the change in the incident's database"
C "INSERT INTO postmortem.incident (title, started_at, origins) VALUES ('Both slow', now(), ARRAY['$shop', '$users'])" >/dev/null
out=$(C "SELECT postmortem.cite(3, 1)" 2>&1)
is "$(echo "$out" | grep -c 'is ambiguous')" "1" "an id both of the incident's databases have is refused as ambiguous"
is "$(C "SELECT postmortem.cite(3, 1, origin => '$shop') IS NOT NULL")" "t" "and cited with its origin"
is "$(C "SELECT count(*) FROM postmortem.incident_timeline(1) WHERE source = 'citation' AND body LIKE 'DROP INDEX public.accounts_email_idx in database users (cited as root_cause)%'")" \
	"1" "incident_timeline() names the database of a cited change"
is "$(C "SELECT postmortem.report(1)" | grep -c "schema change $culprit in database users")" "1" \
	"report() names the database of a cited change"
is "$(C "SELECT string_agg(database_name || '=' || failed_changes, ',' ORDER BY database_name) FROM postmortem.change_failure_rate_by_origin WHERE month = date_trunc('month', now())") $(C "SELECT failed_changes FROM postmortem.change_failure_rate WHERE month = date_trunc('month', now())")" \
	"billing=0,fleet=0,neighbour=0,shop=1,users=1 2" "change_failure_rate counts the fleet's failed changes, and per database"

# The subscription stops, DDL goes on at the origin, the subscription
# resumes: nothing lost, nothing twice.
sub=$(C "SELECT subscription FROM postmortem.fleet_origin WHERE origin = '$shop'")
C "ALTER SUBSCRIPTION $sub DISABLE" >/dev/null
for i in $(seq 1 50); do
	[ "$(C "SELECT state FROM postmortem.fleet_status(false) WHERE origin = '$shop'")" = disabled ] &&
	[ "$(C "SELECT count(*) FROM pg_stat_subscription WHERE subname = '$sub' AND pid IS NOT NULL")" = 0 ] && break
	sleep 0.2
done
at_centre=$(C "SELECT count(*) FROM postmortem.schema_change WHERE origin = '$shop'")
for i in $(seq 1 20); do echo "CREATE TABLE paused_$i (id int); ALTER TABLE paused_$i ADD COLUMN note text;"; done |
	fq_script a shop >/dev/null
is "$(C "SELECT state FROM postmortem.fleet_status(false) WHERE origin = '$shop'") $(C "SELECT count(*) FROM postmortem.schema_change WHERE origin = '$shop'")" \
	"disabled $at_centre" "while the subscription is disabled, fleet_status says so and nothing arrives"
C "ALTER SUBSCRIPTION $sub ENABLE" >/dev/null
fleet_wait_caught_up "$shop" a shop 60
ok $? "after ENABLE the centre catches up"
is "$(C "SELECT count(*) = count(DISTINCT id) AND max(id) = count(*) FROM postmortem.schema_change WHERE origin = '$shop'")" \
	"t" "every id of the origin once, none missing"

# An origin restarts in the middle of a stream of DDL.
for i in $(seq 1 300); do echo "CREATE TABLE stream_$i (id int);"; done >"$fleet_work/stream.sql"
chmod 644 "$fleet_work/stream.sql"
psql -X -q -h "$fleet_work/b" -p "${fleet_port[b]}" -U postgres -d users -f "$fleet_work/stream.sql" >/dev/null 2>&1 &
stream=$!
for i in $(seq 1 100); do
	[ "$(fq b users "SELECT count(*) FROM postmortem.schema_change WHERE object_identity LIKE 'public.stream_%'")" -ge 50 ] && break
	sleep 0.1
done
fleet_restart b
ok $? "origin cluster b restarts mid-stream"
wait $stream 2>/dev/null
fq b users "CREATE TABLE after_restart (id int)" >/dev/null
fleet_wait_caught_up "$users" b users 60
ok $? "the centre catches up with the restarted origin"
is "$(C "SELECT count(*) = count(DISTINCT id) AND max(id) = count(*) FROM postmortem.schema_change WHERE origin = '$users'")" \
	"t" "nothing of it lost or duplicated"

# The chains verify, at the centre per origin and on each origin.
is "$(C "SELECT count(*) FROM postmortem.verify_audit('$shop')") $(C "SELECT count(*) FROM postmortem.verify_audit('$billing')") $(C "SELECT count(*) FROM postmortem.verify_audit('$users')") $(C "SELECT count(*) FROM postmortem.verify_audit('$here')")" \
	"0 0 0 0" "verify_audit(origin) at the centre: every chain intact"
is "$(C "SELECT count(*) FROM postmortem.verify_audit()")" "0" "verify_audit() at the centre: every chain intact"
is "$(fq a shop "SELECT count(*) FROM postmortem.verify_audit()") $(fq a billing "SELECT count(*) FROM postmortem.verify_audit()") $(fq b users "SELECT count(*) FROM postmortem.verify_audit()")" \
	"0 0 0" "verify_audit() on each origin: intact"

# Rows deleted on an origin stay at the centre, and its chain there still verifies.
fq b users "SET session_replication_role = replica" "DELETE FROM postmortem.schema_change WHERE id = 2" >/dev/null 2>&1
fq b users "CREATE TABLE after_tamper (id int)" >/dev/null
head="SELECT last_id FROM postmortem.schema_change_head WHERE origin = '$users'"
for i in $(seq 1 300); do [ "$(fq b users "$head")" = "$(C "$head")" ] && break; sleep 0.2; done
is "$(fq b users "SELECT count(*) > 0 FROM postmortem.verify_audit()") $(C "SELECT count(*) FROM postmortem.schema_change WHERE origin = '$users' AND id = 2") $(C "SELECT count(*) FROM postmortem.verify_audit('$users')")" \
	"t 1 0" "a row deleted on the origin breaks its chain there, and stays intact at the centre"

# Forgery (issue 9): the owner of origin billing publishes rows that claim
# origin users -- a schema change, a chain head, an update and a delete of
# users' rows, a row for the centre's registry of origins.  The centre keeps
# them out of users' chain (in postmortem.fleet_quarantine), billing's own
# rows still arrive, and a published TRUNCATE is refused.
users_rows=$(C "SELECT count(*) || '/' || md5(string_agg(id::text || encode(row_hash, 'hex'), ',' ORDER BY id)) FROM postmortem.schema_change WHERE origin = '$users'")
users_head=$(C "SELECT last_id || '/' || encode(last_hash, 'hex') FROM postmortem.schema_change_head WHERE origin = '$users'")
fq a billing "ALTER PUBLICATION postmortem_fleet SET (publish = 'insert, update, delete')" \
	"ALTER PUBLICATION postmortem_fleet ADD TABLE postmortem.fleet_origin" >/dev/null
fq a billing "SET session_replication_role = replica" \
	"INSERT INTO postmortem.schema_change (id, at, command_tag, object_type, object_identity, statement, role_name, database_name, origin, prev_hash, row_hash)
	 SELECT 900001, now(), 'DROP INDEX', 'index', 'public.accounts_email_idx', 'DROP INDEX public.accounts_email_idx', 'mallory', 'users', '$users', '\\x00', '\\x00'" \
	"INSERT INTO postmortem.schema_change_head (origin, last_id, last_hash) VALUES ('$users', 900001, '\\x00')" \
	"INSERT INTO postmortem.schema_change (id, at, command_tag, role_name, database_name, origin, prev_hash, row_hash)
	 VALUES (2, now(), 'CREATE TABLE', 'mallory', 'users', '$users', '\\x00', '\\x00')" \
	"UPDATE postmortem.schema_change SET statement = 'forged' WHERE origin = '$users' AND id = 2" \
	"DELETE FROM postmortem.schema_change WHERE origin = '$users' AND id = 2" >/dev/null 2>&1
is "$?" "0" "the owner of billing forges rows of origin users in its own tables"
fq a billing "CREATE TABLE after_forgery (id int)" >/dev/null
fleet_wait_caught_up "$billing" a billing 60
ok $? "billing's own rows still arrive"
for i in $(seq 1 100); do [ "$(C "SELECT count(*) >= 5 FROM postmortem.fleet_quarantine")" = t ] && break; sleep 0.2; done
is "$(C "SELECT count(*) || '/' || md5(string_agg(id::text || encode(row_hash, 'hex'), ',' ORDER BY id)) FROM postmortem.schema_change WHERE origin = '$users'") $(C "SELECT last_id || '/' || encode(last_hash, 'hex') FROM postmortem.schema_change_head WHERE origin = '$users'")" \
	"$users_rows $users_head" "users' rows and chain head at the centre are untouched"
is "$(C "SELECT count(*) FROM postmortem.verify_audit('$users')")" "0" "and users' chain still verifies there"
is "$(C "SELECT string_agg(DISTINCT subscription || ' ' || origin, ',') FROM postmortem.fleet_quarantine")" \
	"$(C "SELECT subscription FROM postmortem.fleet_origin WHERE origin = '$billing'") $users" \
	"the forged rows are quarantined, naming the subscription they came through and the origin they claimed"
is "$(C "SELECT string_agg(relation || ' ' || operation, ',' ORDER BY id) FROM postmortem.fleet_quarantine")" \
	"schema_change INSERT,schema_change_head INSERT,schema_change INSERT,schema_change UPDATE,schema_change DELETE" \
	"each forged insert, update and delete, of rows and of the chain head"
refused() { grep -c "may not $1" "$fleet_work/centre/server.log"; }
# (a subscription's tables are fixed when it is created or refreshed)
fq a billing "INSERT INTO postmortem.fleet_origin (origin, subscription) VALUES ('1/forged', 'pm_fleet_forged')" \
	"GRANT SELECT ON postmortem.fleet_origin TO postmortem_fleet" \
	"ALTER PUBLICATION postmortem_fleet ADD TABLE postmortem.access_role" \
	"INSERT INTO postmortem.access_role (role_name, kind) VALUES ('mallory', 'administrator')" \
	"GRANT SELECT ON postmortem.access_role TO postmortem_fleet" >/dev/null
C "ALTER SUBSCRIPTION $(C "SELECT subscription FROM postmortem.fleet_origin WHERE origin = '$billing'") REFRESH PUBLICATION" >/dev/null
for i in $(seq 1 100); do [ "$(refused 'insert postmortem.fleet_origin')" -gt 0 ] && break; sleep 0.2; done
for i in $(seq 1 100); do [ "$(refused 'insert postmortem.access_role')" -gt 0 ] && break; sleep 0.2; done
is "$(C "SELECT count(*) FROM postmortem.fleet_origin WHERE origin = '1/forged'") $(refused 'insert postmortem.fleet_origin' | sed 's/^[1-9][0-9]*$/refused/') $(C "SELECT count(*) FROM postmortem.access_role WHERE role_name = 'mallory'") $(refused 'insert postmortem.access_role' | sed 's/^[1-9][0-9]*$/refused/')" \
	"0 refused 0 refused" "a published row for the centre's registry of origins, or for any other table of the extension (an administrator role), is refused"
# (the origin's own truncate_guard refuses it unless its owner sets allow_drop)
fq a billing "ALTER PUBLICATION postmortem_fleet_head SET (publish = 'insert, update, delete, truncate')" \
	"SET postmortem.allow_drop = on" "TRUNCATE postmortem.schema_change_head" >/dev/null
for i in $(seq 1 100); do [ "$(refused 'truncate postmortem.schema_change_head')" -gt 0 ] && break; sleep 0.2; done
is "$(C "SELECT count(*) FROM postmortem.schema_change_head WHERE origin = '$users'") $(refused 'truncate postmortem.schema_change_head' | sed 's/^[1-9][0-9]*$/refused/')" \
	"1 refused" "a published TRUNCATE of the chain heads is refused: every origin's head stays"
