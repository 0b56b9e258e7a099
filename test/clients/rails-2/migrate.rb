# ActiveRecord's own migrator (6.1, 7.2), as the rails db: tasks run it, without
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
# 7.1 and later find the schema_migrations table from the connection pool
context = if ActiveRecord.version >= Gem::Version.new("7.1")
            ActiveRecord::MigrationContext.new(paths)
          else
            ActiveRecord::MigrationContext.new(paths, ActiveRecord::SchemaMigration)
          end
case ARGV[0]
when "up" then context.migrate(ARGV[1]&.to_i)
when "down" then context.down(ARGV[1].to_i)
when "rollback" then context.rollback(ARGV[1].to_i)
when "redo" then context.rollback(ARGV[1].to_i); context.forward(ARGV[1].to_i)
else abort "usage: migrate.rb up [VERSION] | down VERSION | rollback STEPS | redo STEPS"
end
