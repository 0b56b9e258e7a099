# disable_ddl_transaction! with two concurrent index operations: each
# commits on its own, the version is written after them.
class SwapPartsIndexes < ActiveRecord::Migration[6.1]
  disable_ddl_transaction!

  def up
    add_index :parts, :title, algorithm: :concurrently
    remove_index :parts, :qty, algorithm: :concurrently
  end

  def down
    add_index :parts, :qty, algorithm: :concurrently
    remove_index :parts, :title, algorithm: :concurrently
  end
end
