// knex 3 for the recorder's client test: the database from the PG* environment.
module.exports = {
  client: 'pg',
  connection: {
    host: process.env.PGHOST, port: process.env.PGPORT,
    user: process.env.PGUSER, database: process.env.PGDATABASE,
  },
  migrations: { directory: __dirname + '/migrations' },
};
