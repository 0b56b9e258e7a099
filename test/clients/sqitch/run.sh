# Sqitch 1.3 (Debian sqitch, libdbd-pg-perl): sourced by
# test/recorder/clients.sh.  Sqitch runs each script through psql and writes
# sqitch.changes from its own connection, so the scripts (made from
# templates/) name their change with SET LOCAL postmortem.migration.
d=$clients/sqitch
if ! command -v sqitch >/dev/null || ! perl -MDBD::Pg -e1 2>/dev/null; then
	skip "sqitch: sqitch and libdbd-pg-perl are not installed"
else
	step sqitch 1-deploy "$d/sqitch.sh" deploy
	step sqitch 2-revert-one "$d/sqitch.sh" revert -y --to @HEAD^
	step sqitch 3-deploy "$d/sqitch.sh" deploy
	step sqitch 4-revert-all "$d/sqitch.sh" revert -y
fi
