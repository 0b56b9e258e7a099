exports.up = (pgm) => {
  pgm.createFunction('invoice_total', [{ name: 'inv', type: 'integer' }],
    { returns: 'numeric', language: 'sql' }, 'SELECT total FROM invoices WHERE id = inv');
  pgm.sql('CREATE VIEW open_invoices AS SELECT id, total FROM invoices');
};
exports.down = (pgm) => {
  pgm.sql('DROP VIEW open_invoices');
  pgm.dropFunction('invoice_total', [{ name: 'inv', type: 'integer' }]);
};
