exports.up = (knex) => knex.schema.alterTable('users', (t) => {
  t.index(['login'], 'users_login_idx');
  t.timestamp('seen_at');
});
exports.down = (knex) => knex.schema.alterTable('users', (t) => {
  t.dropIndex(['login'], 'users_login_idx');
  t.dropColumn('seen_at');
});
