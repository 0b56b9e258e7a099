// No transaction: a concurrent index build and a column, each on its own.
// One such migration in a batch makes knex run every migration of the
// batch in its own transaction and write the history after it commits.
exports.config = { transaction: false };
exports.up = async (knex) => {
  await knex.raw('CREATE INDEX CONCURRENTLY accounts_lower_email_idx ON accounts (lower(email))');
  await knex.schema.alterTable('accounts', (t) => { t.string('status').defaultTo('new'); });
};
exports.down = async (knex) => {
  await knex.schema.alterTable('accounts', (t) => { t.dropColumn('status'); });
  await knex.raw('DROP INDEX CONCURRENTLY accounts_lower_email_idx');
};
