# ActiveRecord 6.1's own migrator, as the rails db: tasks run it, without
# Rails: migrate.rb up [VERSION] | down VERSION | rollback STEPS | redo STEPS
# (db:migrate, db:migrate VERSION=, db:rollback STEP=, db:migrate:redo STEP=)
require "active_record"

ActiveRecord::Base.establish_connection(
  adapter: "postgresql", host: ENV["PGHOST"], port: ENV["PGPORT"],
  username: ENV["PGUSER"], database: ENV["PGDATABASE"])
ActiveRecord::Migration.verbose = false
# PM_RAILS_FAILING=1 adds db/failing (a migration that fails half way)
paths = [File.join(__dir__, "db/migrate")]
paths << File.join(__dir__, "db/failing") if ENV["PM_RAILS_FAILING"] == "1"
context = ActiveRecord::MigrationContext.new(paths, ActiveRecord::SchemaMigration)
case ARGV[0]
when "up" then context.migrate(ARGV[1]&.to_i)
when "down" then context.down(ARGV[1].to_i)
when "rollback" then context.rollback(ARGV[1].to_i)
when "redo" then context.rollback(ARGV[1].to_i); context.forward(ARGV[1].to_i)
else abort "usage: migrate.rb up [VERSION] | down VERSION | rollback STEPS | redo STEPS"
end
