# execute with several statements in one string.
class PartsSku < ActiveRecord::Migration[6.1]
  def up
    execute "ALTER TABLE parts ADD COLUMN sku text; CREATE UNIQUE INDEX parts_sku ON parts (sku)"
  end

  def down
    execute "DROP INDEX parts_sku; ALTER TABLE parts DROP COLUMN sku"
  end
end
