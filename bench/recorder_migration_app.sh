#!/usr/bin/env bash
# Prints a second migration mix for bench/recorder.sh (MIX=app), in one
# transaction: what application migrations (Rails, Django, Flyway) run
# besides bench/recorder_migration.sh's tables, indexes and views: schemas,
# enum types, sequences, foreign keys, unique and check constraints, column
# type changes, defaults, functions and triggers, materialized views,
# grants, renames and drops.  About 300 statements with the default n = 16.
n=${1:-16}
echo "BEGIN;"
for i in $(seq 1 "$n"); do
	cat <<SQL
CREATE SCHEMA app$i;
CREATE TYPE app$i.state AS ENUM ('new', 'paid', 'shipped');
CREATE SEQUENCE app$i.order_number_seq START 1000;
CREATE TABLE app$i.customer (id bigserial PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX customer_email_key$i ON app$i.customer (lower(email));
CREATE TABLE app$i.orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES app$i.customer (id), state app$i.state NOT NULL DEFAULT 'new', total numeric(12,2));
ALTER TABLE app$i.orders ADD COLUMN number bigint NOT NULL DEFAULT nextval('app$i.order_number_seq');
ALTER TABLE app$i.orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);
CREATE INDEX orders_customer_idx$i ON app$i.orders (customer_id) WHERE state <> 'shipped';
ALTER TABLE app$i.orders ALTER COLUMN total TYPE numeric(14,2);
ALTER TABLE app$i.customer ADD COLUMN name varchar(200);
ALTER TABLE app$i.customer ALTER COLUMN name SET DEFAULT '';
CREATE FUNCTION app$i.touch() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN NEW.created_at := now(); RETURN NEW; END \$\$;
CREATE TRIGGER customer_touch BEFORE UPDATE ON app$i.customer FOR EACH ROW EXECUTE FUNCTION app$i.touch();
CREATE MATERIALIZED VIEW app$i.order_totals AS SELECT customer_id, sum(total) AS total FROM app$i.orders GROUP BY customer_id;
GRANT USAGE ON SCHEMA app$i TO PUBLIC;
GRANT SELECT ON app$i.orders, app$i.customer TO PUBLIC;
SQL
	if [ $((i % 2)) -eq 0 ]; then
		echo "ALTER TABLE app$i.orders RENAME TO purchase;"
		echo "DROP MATERIALIZED VIEW app$i.order_totals;"
	else
		echo "ALTER TABLE app$i.customer DROP COLUMN name;"
		echo "COMMENT ON TABLE app$i.orders IS 'orders of schema $i';"
	fi
done
echo "COMMIT;"
