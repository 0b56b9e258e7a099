# knex 3.3 (npm): sourced by test/recorder/clients.sh.
d=$clients/knex
if [ ! -f "$PM_NODE_MODULES/knex/package.json" ] || [ ! -f "$PM_NODE_MODULES/pg/package.json" ]; then
	skip "knex: npm packages knex and pg are not installed (test/support/deps.sh)"
else
	step knex 1-latest "$d/knex.sh" migrate:latest
	step knex 2-rollback "$d/knex.sh" migrate:down
	step knex 3-up "$d/knex.sh" migrate:up
	step knex 4-rollback-all "$d/knex.sh" migrate:rollback --all
fi
