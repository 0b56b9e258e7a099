exports.up = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.string('email');
  t.unique(['email'], { indexName: 'accounts_email_key' });
});
exports.down = (knex) => knex.schema.alterTable('accounts', (t) => {
  t.dropUnique(['email'], 'accounts_email_key');
  t.dropColumn('email');
});
