# add_reference with a foreign key and its index.
class CreateParts < ActiveRecord::Migration[6.1]
  def change
    create_table :parts do |t|
      t.string :name
    end
    add_reference :parts, :supplier, foreign_key: true, index: true
  end
end
