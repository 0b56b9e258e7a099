# knex 3.3 (npm), second project: sourced by test/recorder/clients_more.sh.
# A custom tableName (deploy_history, named by a migration_source row the
# DBA inserts), a migration with config.transaction = false in the batch
# (knex then writes each migration's history after its transaction, from
# its pool), rollback of a whole batch, up, down, rollback --all.
# On the first run knex creates deploy_history_lock in a transaction of its
# own: a table named after the history table, no migration's.
d=$clients/knex-2
if [ ! -f "$PM_NODE_MODULES/knex/package.json" ] || [ ! -f "$PM_NODE_MODULES/pg/package.json" ]; then
	skip "knex-2: npm packages knex and pg are not installed (test/support/deps.sh)"
else
	q $with "INSERT INTO postmortem.migration_source (tool, table_name, id_columns, match_columns, note)
	         VALUES ('knex', 'deploy\\_history', '{name}', '{batch}', 'knex with tableName: deploy_history')" >/dev/null
	step knex-2 1-latest "$d/knex.sh" migrate:latest
	held_step public.deploy_history "(name, batch, migration_time) VALUES ('other.js', 9, now())" knex-2 2-rollback-batch "$d/knex.sh" migrate:rollback
	step knex-2 3-up-one "$d/knex.sh" migrate:up
	step knex-2 4-latest "$d/knex.sh" migrate:latest
	step knex-2 5-down-one "$d/knex.sh" migrate:down
	step knex-2 6-rollback-all "$d/knex.sh" migrate:rollback --all
fi
