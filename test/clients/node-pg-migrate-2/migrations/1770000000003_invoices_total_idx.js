// No transaction: a concurrent index build and a column, each committed on
// its own; the history row is written after them.
exports.up = (pgm) => {
  pgm.noTransaction();
  pgm.createIndex('invoices', 'total', { concurrently: true });
  pgm.addColumn('invoices', { due: { type: 'date' } });
};
exports.down = (pgm) => {
  pgm.noTransaction();
  pgm.dropColumn('invoices', 'due');
  pgm.dropIndex('invoices', 'total', { concurrently: true });
};
