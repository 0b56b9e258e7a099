exports.up = (knex) => knex.schema.createTable('sessions', (t) => {
  t.increments('id');
  t.integer('user_id').references('users.id');
});
exports.down = (knex) => knex.schema.dropTable('sessions');
