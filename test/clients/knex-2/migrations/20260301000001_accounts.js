exports.up = async (knex) => {
  await knex.schema.createTable('accounts', (t) => {
    t.increments('id');
    t.string('owner').notNullable();
  });
  await knex('accounts').insert({ owner: 'seed' });
};
exports.down = (knex) => knex.schema.dropTable('accounts');
