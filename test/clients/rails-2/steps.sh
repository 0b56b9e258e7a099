# ActiveRecord 6.1 (Debian ruby-activerecord, ruby-pg), second project:
# sourced by test/recorder/clients_more.sh.  reversible with execute,
# add_reference with a foreign key, change_table, disable_ddl_transaction!
# with two concurrent index operations, execute with several statements;
# db:rollback STEP=2, db:migrate:redo, down to nothing; a migration that
# fails half way.
d=$clients/rails-2
if ! ruby -e 'require "active_record"; require "pg"' 2>/dev/null; then
	skip "rails-2: ruby-activerecord and ruby-pg are not installed"
else
	step rails-2 1-migrate ruby "$d/migrate.rb" up
	step rails-2 2-rollback-two ruby "$d/migrate.rb" rollback 2
	held_step public.schema_migrations "VALUES ('19990101000000')" rails-2 3-redo ruby "$d/migrate.rb" redo 1
	step rails-2 4-migrate ruby "$d/migrate.rb" up
	step rails-2 5-redo-two ruby "$d/migrate.rb" redo 2
	step rails-2 6-down-all ruby "$d/migrate.rb" down 0
	# a disable_ddl_transaction! migration that fails after its index build
	# committed: no version is written, the index names no migration
	step rails-2 7-migrate ruby "$d/migrate.rb" up
	PM_STEP_FAILS=1 step rails-2 8-fails-half-way env PM_RAILS_FAILING=1 ruby "$d/migrate.rb" up
fi
