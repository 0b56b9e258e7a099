#!/usr/bin/env bash
# Real migration tools, run as a non-superuser app role, forward and back:
# every recorded row must name the right migration and direction, and each
# step must leave the same schema as in a database without the extension.
# The projects are in test/clients/<tool>/ (a run.sh per tool, sourced
# here); the rows each step must write are in test/clients/<tool>/expected/.
# PM_CLIENTS_ACCEPT=1 rewrites those files from this run (look at the diff!).
# PM_CLIENTS=tool1,tool2 runs only those.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
clients=$top/test/clients
export PM_NODE_MODULES=${PM_NODE_MODULES:-/var/cache/postmortem-test/node/node_modules}
app=pm_app
db_prefix=pm_client
. test/support/migration-clients.sh

only=${PM_CLIENTS:-}
for dir in "$clients"/*/; do
	tool=$(basename "$dir")
	[ -f "$dir/run.sh" ] || continue
	if [ -n "$only" ] && [[ ",$only," != *",$tool,"* ]]; then continue; fi
	if ! tool_dbs "$tool"; then not_ok "$tool: databases"; continue; fi
	# shellcheck source=/dev/null
	. "$dir/run.sh"
done
echo "1..$n"
