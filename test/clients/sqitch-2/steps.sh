# Sqitch 1.3 (Debian sqitch, libdbd-pg-perl), second project: sourced by
# test/recorder/clients_more.sh.  Changes with dependencies, a tag, a
# reworked change (its @v1 scripts name the change with the tag), deploy
# --to, revert --to a tag and to a change, deploy with --verify.  The
# scripts, made from the templates, SET LOCAL postmortem.migration.
d=$clients/sqitch-2
if ! command -v sqitch >/dev/null || ! perl -MDBD::Pg -e1 2>/dev/null; then
	skip "sqitch-2: sqitch and libdbd-pg-perl are not installed"
else
	step sqitch-2 1-deploy-to-tag "$d/sqitch.sh" deploy --to @v1
	step sqitch-2 2-deploy-rest "$d/sqitch.sh" deploy --verify
	# Sqitch locks sqitch.changes IN EXCLUSIVE MODE itself: a reader's lock
	PM_HOLD_MODE="ACCESS SHARE" held_step sqitch.changes "" sqitch-2 3-revert-to-tag "$d/sqitch.sh" revert -y --to @v1
	step sqitch-2 4-deploy "$d/sqitch.sh" deploy
	step sqitch-2 5-revert-to-change "$d/sqitch.sh" revert -y --to widgets
	step sqitch-2 6-revert-all "$d/sqitch.sh" revert -y
fi
