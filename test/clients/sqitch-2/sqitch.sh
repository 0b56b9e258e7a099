#!/usr/bin/env bash
# Sqitch's own command line against the PG* database: sqitch.sh deploy | revert [--to X] ...
cd "$(dirname "$0")" && cmd=$1 && shift &&
SQITCH_CONFIG=$PWD/sqitch.conf exec sqitch "$cmd" --target "db:pg:$PGDATABASE" "$@"
