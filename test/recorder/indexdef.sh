#!/usr/bin/env bash
# The definition of an index, as pg_get_indexdef() prints it: the recorder
# assembles it itself (src/recorder/indexdef.c, without a scan of
# pg_opclass per column), and every shape here must come out byte for byte
# the same, in definition_after and in definition_before (read before a
# drop).  Its own database: the rows it records would change the plans
# other suites' EXPLAINs show in theirs.  Uses the server of `make test`.
set -uo pipefail
cd "$(dirname "$0")/../.."
db=postmortem_indexdef
cleanup() { psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1; }
trap cleanup EXIT
cleanup
psql -X -q -d postgres -c "CREATE DATABASE $db" >/dev/null || { echo "Bail out! cannot create $db"; exit 1; }
psql -X -q -d $db -c "CREATE EXTENSION postmortem" >/dev/null || { echo "Bail out! no extension"; exit 1; }
n=0
is() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"; else
		echo "not ok $n - $3"; echo "#   got:      '$1'"; echo "#   expected: '$2'"; fi
}
out=$(psql -X -q -A -t -F ' | ' -v ON_ERROR_STOP=1 -d $db 2>&1 <<'SQL'
SET search_path = public;
SELECT coalesce(max(id), 0) AS start FROM postmortem.schema_change \gset
SET rec.start = :start;
CREATE TEMP VIEW recorded_index AS
	SELECT object_identity, definition_after,
		   definition_after = pg_catalog.pg_get_indexdef(object_identity::regclass) AS same
	  FROM postmortem.schema_change
	 WHERE id > current_setting('rec.start')::bigint AND object_type IN ('index', 'partitioned index')
	   AND definition_after IS NOT NULL;

CREATE SCHEMA idxdef_other;
CREATE TYPE idxdef_mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN idxdef_posint AS int CHECK (VALUE > 0);
CREATE TABLE idxdef_t (
	id bigint PRIMARY KEY,
	"Mixed Case" int,
	"select" text,
	name varchar(40),
	code text COLLATE "C",
	mood idxdef_mood,
	tags int[],
	n idxdef_posint,
	box box,
	doc tsvector,
	made timestamptz,
	UNIQUE (name, code)
);

-- plain columns, several, quoted names, orders and NULLS placements
CREATE INDEX idxdef_multi ON idxdef_t ("Mixed Case", "select", made);
CREATE INDEX idxdef_order ON idxdef_t (made DESC, id NULLS FIRST, n DESC NULLS LAST, name ASC NULLS LAST);
CREATE INDEX idxdef_desc_first ON idxdef_t (made DESC NULLS FIRST);
CREATE UNIQUE INDEX idxdef_nulls ON idxdef_t (code) NULLS NOT DISTINCT;
CREATE INDEX idxdef_include ON idxdef_t (id, made) INCLUDE ("select", name);
-- operator classes: non-default, binary-coercible default (varchar), a
-- polymorphic default (enum, array), a domain, one outside the search path
CREATE INDEX idxdef_pattern ON idxdef_t ("select" text_pattern_ops, name varchar_pattern_ops);
CREATE INDEX idxdef_coerced ON idxdef_t (name, mood, tags, n);
CREATE OPERATOR CLASS idxdef_other.int4_plain_ops FOR TYPE int4 USING btree AS
	OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
	FUNCTION 1 btint4cmp(int4, int4);
CREATE INDEX idxdef_other_ops ON idxdef_t ("Mixed Case" idxdef_other.int4_plain_ops DESC);
-- collations different from the column's, and the same as the column's
CREATE INDEX idxdef_collate ON idxdef_t (name COLLATE "C", code COLLATE "C", "select" COLLATE "POSIX");
-- other access methods (no order), their own default and non-default classes
CREATE INDEX idxdef_hash ON idxdef_t USING hash (name);
CREATE INDEX idxdef_gin ON idxdef_t USING gin (tags, doc);
CREATE INDEX idxdef_gist ON idxdef_t USING gist (box);
CREATE INDEX idxdef_brin ON idxdef_t USING brin (made, id int8_bloom_ops);
-- expressions, predicates, storage and operator-class parameters (printed by pg_get_indexdef itself)
CREATE INDEX idxdef_expr ON idxdef_t (lower("select"), (id + 1) DESC, made);
CREATE INDEX idxdef_partial ON idxdef_t (made) WHERE n > 10 AND code IS NOT NULL;
CREATE INDEX idxdef_fill ON idxdef_t (id) WITH (fillfactor = 70);
CREATE INDEX idxdef_siglen ON idxdef_t USING gist (doc tsvector_ops (siglen = 100));
-- a partitioned table: ONLY on the parent's index, one per partition
CREATE TABLE idxdef_p (id int, at date, note text) PARTITION BY RANGE (at);
CREATE TABLE idxdef_p1 PARTITION OF idxdef_p FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE INDEX idxdef_p_at ON idxdef_p (at DESC, note text_pattern_ops);
ALTER TABLE idxdef_p ADD PRIMARY KEY (id, at);
CREATE TABLE idxdef_p2 PARTITION OF idxdef_p FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
-- another schema, and a table whose name needs quoting
CREATE TABLE idxdef_other."Odd Table" (id int, "Key" text);
CREATE INDEX "Odd Index" ON idxdef_other."Odd Table" ("Key" DESC, id);
-- a temporary table's index, when temporary objects are recorded
SET postmortem.record_temp_objects = on;
CREATE TEMP TABLE idxdef_tmp (a int, b text);
CREATE INDEX idxdef_tmp_ab ON idxdef_tmp (b DESC, a);
RESET postmortem.record_temp_objects;

SELECT object_identity, same, definition_after FROM recorded_index ORDER BY object_identity;

-- a default operator class created in the transaction that uses it: the
-- cache of defaults is forgotten when pg_opclass changes (the index made
-- before now shows enum_ops, which is no longer the default: not the same)
BEGIN;
CREATE INDEX idxdef_mood_before ON idxdef_t (mood);
CREATE OPERATOR CLASS idxdef_other.mood_ops DEFAULT FOR TYPE idxdef_mood USING btree AS
	OPERATOR 1 < (anyenum, anyenum), OPERATOR 2 <= (anyenum, anyenum),
	OPERATOR 3 = (anyenum, anyenum), OPERATOR 4 >= (anyenum, anyenum),
	OPERATOR 5 > (anyenum, anyenum),
	FUNCTION 1 (idxdef_mood, idxdef_mood) enum_cmp(anyenum, anyenum);
CREATE INDEX idxdef_mood_after ON idxdef_t (mood);
COMMIT;
SELECT object_identity, same, definition_after FROM recorded_index
 WHERE object_identity LIKE '%mood%' ORDER BY object_identity;

-- dropped indexes: the definition read before the drop
CREATE TEMP TABLE idxdef_before AS
	SELECT c.oid::regclass::text AS identity, pg_catalog.pg_get_indexdef(c.oid) AS def
	  FROM pg_class c
	 WHERE c.relname IN ('idxdef_order', 'idxdef_collate', 'idxdef_expr', 'Odd Index')
		OR c.relname LIKE 'idxdef_p%' AND c.relkind IN ('i', 'I');
DROP INDEX idxdef_order, idxdef_collate, idxdef_expr;
DROP TABLE idxdef_other."Odd Table";
DROP TABLE idxdef_p;
SELECT s.object_identity, s.definition_before = b.def AS same, s.definition_before
  FROM postmortem.schema_change s
  JOIN idxdef_before b ON s.object_identity = 'public.' || b.identity
       OR s.object_identity = b.identity
 WHERE s.id > current_setting('rec.start')::bigint AND s.command_tag IN ('DROP INDEX', 'DROP TABLE')
 ORDER BY 1;

DROP TABLE idxdef_t;
DROP SCHEMA idxdef_other CASCADE;
DROP TYPE idxdef_mood;
DROP DOMAIN idxdef_posint;
SQL
)
rc=$?
is "$rc" "0" "the statements run"
# every line printed is "identity | same | definition"
differ=$(printf '%s\n' "$out" | awk -F ' [|] ' 'NF >= 2 && $2 != "t" { print $1 }' | sort | tr '\n' ' ')
is "$differ" "public.idxdef_mood_before " \
	"every definition is pg_get_indexdef()'s (the index made before its type's new default operator class shows the old one, as it must)"
is "$(printf '%s\n' "$out" | awk -F ' [|] ' 'NF >= 2' | wc -l | tr -d ' ')" "34" "34 definitions compared (22 after CREATE, 2 around a new default operator class, 10 before a drop)"
for shape in "INCLUDE (\"select\", name)" "NULLS NOT DISTINCT" "DESC NULLS LAST" "NULLS FIRST" "COLLATE \"POSIX\"" \
	"idxdef_other.int4_plain_ops DESC" "varchar_pattern_ops" "ON ONLY public.idxdef_p " "USING brin (made, id int8_bloom_ops)" \
	"ON pg_temp.idxdef_tmp" "WITH (fillfactor='70')" "WHERE ((" "tsvector_ops (siglen='100')"; do
	is "$(printf '%s\n' "$out" | grep -cF -- "$shape" | awk '{ print ($1 > 0) ? "found" : "missing" }')" "found" "a definition with $shape"
done
echo "1..$n"
