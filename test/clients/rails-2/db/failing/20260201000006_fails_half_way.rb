# disable_ddl_transaction!: the index build commits, the next statement
# fails, and ActiveRecord writes no version (run only by step 7).
class FailsHalfWay < ActiveRecord::Migration[6.1]
  disable_ddl_transaction!

  def up
    add_index :parts, :supplier_id, name: "parts_supplier_again_idx", algorithm: :concurrently
    execute "ALTER TABLE parts ADD COLUMN broken integer; SELECT 1 / 0"
  end
end
