# ActiveRecord 6.1 (Debian ruby-activerecord, ruby-pg): sourced by
# test/recorder/clients.sh.
d=$clients/rails
if ! ruby -e 'require "active_record"; require "pg"' 2>/dev/null; then
	skip "rails: ruby-activerecord and ruby-pg are not installed"
else
	step rails 1-migrate ruby "$d/migrate.rb" up
	step rails 2-rollback-one ruby "$d/migrate.rb" rollback 1
	step rails 3-rollback-two ruby "$d/migrate.rb" rollback 2
	step rails 4-migrate ruby "$d/migrate.rb" up
	step rails 5-down-to-first ruby "$d/migrate.rb" down 20260101000001
fi
