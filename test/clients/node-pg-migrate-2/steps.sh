# node-pg-migrate 9.0 (npm), second project: sourced by
# test/recorder/clients_more.sh.  The history in ops.deploy_log (-t,
# --migrations-schema: a migration_source row names it), pgm.sql with
# several statements, a type, a function, a noTransaction() migration with
# a concurrent index; one transaction per migration, then
# --single-transaction; --fake.
d=$clients/node-pg-migrate-2
if [ ! -f "$PM_NODE_MODULES/node-pg-migrate/package.json" ] || [ ! -f "$PM_NODE_MODULES/pg/package.json" ]; then
	skip "node-pg-migrate-2: npm packages node-pg-migrate and pg are not installed (test/support/deps.sh)"
else
	q $with "INSERT INTO postmortem.migration_source (tool, schema_name, table_name, id_columns, match_columns, note)
	         VALUES ('node-pg-migrate', 'ops', 'deploy\\_log', '{name}', '{run_on}', 'node-pg-migrate -t deploy_log --migrations-schema ops')" >/dev/null
	step node-pg-migrate-2 1-up "$d/pgm.sh" up
	held_step ops.deploy_log "(name, run_on) VALUES ('1000_other', now())" node-pg-migrate-2 2-down-two "$d/pgm.sh" down 2
	step node-pg-migrate-2 3-up-single-transaction "$d/pgm.sh" up --single-transaction
	step node-pg-migrate-2 4-down-all-single-transaction "$d/pgm.sh" down 4 --single-transaction
	step node-pg-migrate-2 5-up-fake "$d/pgm.sh" up 2 --fake
	step node-pg-migrate-2 6-down-fake "$d/pgm.sh" down 2 --fake
	step node-pg-migrate-2 7-up "$d/pgm.sh" up
fi
