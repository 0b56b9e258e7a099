# ActiveRecord's own migrator (6.1 on Debian 12, 7.2 on trixie and sid), as
# `rails db:migrate` runs it, without Rails:
# migrate.rb up [VERSION] | down VERSION | rollback STEPS
require "active_record"

ActiveRecord::Base.establish_connection(
  adapter: "postgresql", host: ENV["PGHOST"], port: ENV["PGPORT"],
  username: ENV["PGUSER"], database: ENV["PGDATABASE"])
ActiveRecord::Migration.verbose = false
path = File.join(__dir__, "db/migrate")
# 7.1 made the history table an object of the connection, which the context
# finds itself; 6.1 and 7.0 take the SchemaMigration model
context = if ActiveRecord.version < Gem::Version.new("7.1")
            ActiveRecord::MigrationContext.new(path, ActiveRecord::SchemaMigration)
          else
            ActiveRecord::MigrationContext.new(path)
          end
case ARGV[0]
when "up" then context.migrate(ARGV[1]&.to_i)
when "down" then context.down(ARGV[1].to_i)
when "rollback" then context.rollback(ARGV[1].to_i)
else abort "usage: migrate.rb up [VERSION] | down VERSION | rollback STEPS"
end
