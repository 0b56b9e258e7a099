#!/usr/bin/env bash
# Prints a migration of about 300 mixed DDL statements in one transaction:
# create/alter/drop table, index, view, comment.
n=${1:-30}
echo "BEGIN;"
for i in $(seq 1 "$n"); do
	cat <<SQL
CREATE TABLE bench_t$i (id bigint PRIMARY KEY, a int, b text, c timestamptz DEFAULT now());
CREATE INDEX bench_t${i}_a ON bench_t$i (a);
ALTER TABLE bench_t$i ADD COLUMN d integer;
ALTER TABLE bench_t$i ALTER COLUMN b SET NOT NULL;
COMMENT ON TABLE bench_t$i IS 'table $i of the benchmark migration';
COMMENT ON COLUMN bench_t$i.a IS 'a column';
CREATE VIEW bench_v$i AS SELECT id, a, b FROM bench_t$i WHERE a > 0;
CREATE INDEX bench_t${i}_bc ON bench_t$i (b, c);
DROP INDEX bench_t${i}_a;
SQL
	if [ $((i % 2)) -eq 0 ]; then
		echo "DROP VIEW bench_v$i;"
	else
		echo "ALTER TABLE bench_t$i RENAME COLUMN d TO e;"
	fi
done
echo "COMMIT;"
