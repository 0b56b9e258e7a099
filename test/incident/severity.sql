BEGIN;
SELECT plan(5);

SELECT is('p2'::postmortem.severity::text, 'SEV2', 'P2 reads as SEV2');
SELECT ok('SEV1'::postmortem.severity < 'SEV3'::postmortem.severity, 'SEV1 sorts before SEV3');
SELECT throws_ok($$SELECT 'SEV9'::postmortem.severity$$, '22P02',
	'invalid input syntax for type severity: "SEV9"', 'unknown severity is 22P02');
SELECT has_opclass('postmortem', 'severity_ops', 'btree operator class');
SELECT has_opclass('postmortem', 'severity_hash_ops', 'hash operator class');

SELECT * FROM finish();
ROLLBACK;
