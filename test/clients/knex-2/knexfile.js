// knex 3 for the recorder's second client project: the database from the
// PG* environment, the history in a table of its own name (a
// migration_source row names it: steps.sh).
module.exports = {
  client: 'pg',
  connection: {
    host: process.env.PGHOST, port: process.env.PGPORT,
    user: process.env.PGUSER, database: process.env.PGDATABASE,
  },
  migrations: { directory: __dirname + '/migrations', tableName: 'deploy_history' },
};
