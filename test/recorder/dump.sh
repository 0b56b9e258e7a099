#!/usr/bin/env bash
# pg_dump keeps the recorder's rows, and the restored chain still verifies;
# the restore itself is not recorded as new schema changes, and recording
# goes on after it, continuing the chain.
set -uo pipefail
cd "$(dirname "$0")/../.."
src=postmortem_dump_src
dst1=postmortem_dump_custom
dst2=postmortem_dump_plain
work=$(mktemp -d /tmp/postmortem-dump.XXXXXX)
chmod 777 "$work"
cleanup() {
	for d in $src $dst1 $dst2; do psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1; done
	rm -rf "$work"
}
trap cleanup EXIT
cleanup; mkdir -p "$work"; chmod 777 "$work"
for d in $src $dst1 $dst2; do
	psql -X -q -d postgres -c "CREATE DATABASE $d" >/dev/null || { echo "Bail out! cannot create $d"; exit 1; }
done
psql -X -q -d $src >/dev/null 2>&1 <<'SQL' || { echo "Bail out! setup failed"; exit 1; }
CREATE EXTENSION postmortem;
CREATE TABLE "Accounts" (id int PRIMARY KEY, email text);
CREATE INDEX accounts_email ON "Accounts" (email);
BEGIN;
SET LOCAL postmortem.migration = 'V3';
ALTER TABLE "Accounts" ADD COLUMN created timestamptz DEFAULT now();
DROP INDEX accounts_email;
COMMIT;
SQL

q() { psql -X -q -A -t -d "$1" -c "$2" 2>&1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
echo "1..8"
summary="SELECT count(*) || ' ' || max(id) || ' ' || md5(string_agg(row_hash::text || statement, ',' ORDER BY id)) FROM postmortem.schema_change"
want=$(q $src "$summary")

pg_dump -Fc -d $src -f "$work/src.dump" || echo "# pg_dump failed"
pg_restore -d $dst1 "$work/src.dump" >"$work/restore.log" 2>&1
is "$(q $dst1 "$summary")" "$want" "pg_dump -Fc / pg_restore keeps every row, hash and statement"
is "$(q $dst1 "SELECT count(*) FROM postmortem.verify_audit()")" "0" "the restored chain verifies"
is "$(grep -c ERROR "$work/restore.log")" "0" "the restore runs without errors"

pg_dump -d $src -f "$work/src.sql" || echo "# pg_dump failed"
psql -X -q -d $dst2 -f "$work/src.sql" >/dev/null 2>"$work/plain.log"
is "$(q $dst2 "$summary")" "$want" "a plain pg_dump script keeps them too"
is "$(q $dst2 "SELECT count(*) FROM postmortem.verify_audit()")" "0" "and its chain verifies"

# recording continues after the restore, the chain with it
psql -X -q -d $dst1 -c 'CREATE INDEX accounts_email2 ON "Accounts" (email)' >/dev/null
is "$(q $dst1 "SELECT id > $(q $src 'SELECT max(id) FROM postmortem.schema_change') FROM postmortem.schema_change WHERE statement LIKE '%accounts_email2%'")" \
	"t" "new changes in the restored database get later ids"
is "$(q $dst1 "SELECT count(*) FROM postmortem.verify_audit()")" "0" "and continue the restored chain"
is "$(q $dst1 "SELECT migration || ' ' || revert_statement FROM postmortem.schema_change WHERE command_tag = 'DROP INDEX'")" \
	"V3 CREATE INDEX accounts_email ON public.\"Accounts\" USING btree (email)" "facts survive the round trip"
