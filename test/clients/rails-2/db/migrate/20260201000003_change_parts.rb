# change_table: a rename, a column with a default, an index.
class ChangeParts < ActiveRecord::Migration[6.1]
  def change
    change_table :parts do |t|
      t.rename :name, :title
      t.integer :qty, default: 0, null: false
      t.index :qty
    end
  end
end
