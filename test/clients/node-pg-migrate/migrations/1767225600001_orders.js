exports.up = (pgm) => {
  pgm.createTable('orders', { id: 'id', customer: { type: 'text', notNull: true } });
};
exports.down = (pgm) => {
  pgm.dropTable('orders');
};
