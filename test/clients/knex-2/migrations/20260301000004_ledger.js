exports.up = async (knex) => {
  await knex.schema.createTable('ledger', (t) => {
    t.increments('id');
    t.integer('account_id').references('accounts.id');
    t.decimal('amount', 12, 2);
  });
  await knex.raw('CREATE VIEW balances AS SELECT account_id, sum(amount) AS balance FROM ledger GROUP BY account_id');
};
exports.down = async (knex) => {
  await knex.raw('DROP VIEW balances');
  await knex.schema.dropTable('ledger');
};
