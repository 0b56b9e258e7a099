#!/usr/bin/env bash
# node-pg-migrate's own command line, its history in ops.deploy_log
# (-t deploy_log --migrations-schema ops): pgm.sh up | down [N] | ...
cd "$(dirname "$0")" &&
DATABASE_URL="postgresql://$PGUSER@localhost/$PGDATABASE?host=$PGHOST&port=$PGPORT" \
NODE_PATH=$PM_NODE_MODULES exec node "$PM_NODE_MODULES/node-pg-migrate/bin/node-pg-migrate.js" --no-verbose \
	-t deploy_log --migrations-schema ops --create-migrations-schema "$@"
