
/*
 * severity — src/incident/severity.c
 */
CREATE TYPE postmortem.severity;

CREATE FUNCTION postmortem.severity_in(cstring) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_out(postmortem.severity) RETURNS cstring
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_recv(internal) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION postmortem.severity_send(postmortem.severity) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE postmortem.severity (
	INPUT = postmortem.severity_in,
	OUTPUT = postmortem.severity_out,
	RECEIVE = postmortem.severity_recv,
	SEND = postmortem.severity_send,
	INTERNALLENGTH = 2,
	PASSEDBYVALUE,
	ALIGNMENT = int2,
	STORAGE = plain
);
COMMENT ON TYPE postmortem.severity IS
	'Incident severity, SEV1 (the worst) to SEV5; accepts sev-2, Sev 2, P2, critical, major, minor, ...; sorts SEV1 first';
COMMENT ON FUNCTION postmortem.severity_in(cstring) IS 'severity input: SEV1..SEV5 and common spellings';
COMMENT ON FUNCTION postmortem.severity_out(postmortem.severity) IS 'severity output: canonical SEV1..SEV5';
COMMENT ON FUNCTION postmortem.severity_recv(internal) IS 'severity binary input: the level as int2';
COMMENT ON FUNCTION postmortem.severity_send(postmortem.severity) IS 'severity binary output: the level as int2';

CREATE FUNCTION postmortem.severity_level(postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.severity_level(postmortem.severity) IS 'the numeric level of a severity: 1 for SEV1';
CREATE FUNCTION postmortem.severity(integer) RETURNS postmortem.severity
	AS 'MODULE_PATHNAME', 'severity_from_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.severity(integer) IS 'the severity of a numeric level 1-5';
CREATE CAST (postmortem.severity AS integer) WITH FUNCTION postmortem.severity_level(postmortem.severity);
COMMENT ON CAST (postmortem.severity AS integer) IS 'severity level, 1 for SEV1';
CREATE CAST (integer AS postmortem.severity) WITH FUNCTION postmortem.severity(integer);
COMMENT ON CAST (integer AS postmortem.severity) IS 'severity of a level 1-5';

CREATE FUNCTION postmortem.severity_lt(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_le(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_eq(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_ne(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_ge(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_gt(postmortem.severity, postmortem.severity) RETURNS boolean
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_cmp(postmortem.severity, postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_hash(postmortem.severity) RETURNS integer
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION postmortem.severity_hash_extended(postmortem.severity, bigint) RETURNS bigint
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION postmortem.severity_lt(postmortem.severity, postmortem.severity) IS 'implementation of < for severity (SEV1 < SEV2)';
COMMENT ON FUNCTION postmortem.severity_le(postmortem.severity, postmortem.severity) IS 'implementation of <= for severity';
COMMENT ON FUNCTION postmortem.severity_eq(postmortem.severity, postmortem.severity) IS 'implementation of = for severity';
COMMENT ON FUNCTION postmortem.severity_ne(postmortem.severity, postmortem.severity) IS 'implementation of <> for severity';
COMMENT ON FUNCTION postmortem.severity_ge(postmortem.severity, postmortem.severity) IS 'implementation of >= for severity';
COMMENT ON FUNCTION postmortem.severity_gt(postmortem.severity, postmortem.severity) IS 'implementation of > for severity';
COMMENT ON FUNCTION postmortem.severity_cmp(postmortem.severity, postmortem.severity) IS 'btree comparison for severity';
COMMENT ON FUNCTION postmortem.severity_hash(postmortem.severity) IS 'hash support for severity';
COMMENT ON FUNCTION postmortem.severity_hash_extended(postmortem.severity, bigint) IS 'extended hash support for severity';

/*
 * The comparison operators live in postmortem, like everything of the
 * extension (0.1.0 put them in pg_catalog; an extension must not).  With
 * postmortem on search_path `severity < 'SEV3'` works; without it, write
 * OPERATOR(postmortem.<) or compare the levels (severity::integer < 3).
 * ORDER BY, indexes and DISTINCT find them through the opclasses below,
 * whatever the search_path.
 */
CREATE OPERATOR postmortem.< (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_lt,
	COMMUTATOR = OPERATOR(postmortem.>), NEGATOR = OPERATOR(postmortem.>=),
	RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR postmortem.<= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_le,
	COMMUTATOR = OPERATOR(postmortem.>=), NEGATOR = OPERATOR(postmortem.>),
	RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR postmortem.= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_eq,
	COMMUTATOR = OPERATOR(postmortem.=), NEGATOR = OPERATOR(postmortem.<>),
	RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR postmortem.<> (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_ne,
	COMMUTATOR = OPERATOR(postmortem.<>), NEGATOR = OPERATOR(postmortem.=),
	RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR postmortem.>= (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_ge,
	COMMUTATOR = OPERATOR(postmortem.<=), NEGATOR = OPERATOR(postmortem.<),
	RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR postmortem.> (
	LEFTARG = postmortem.severity, RIGHTARG = postmortem.severity, PROCEDURE = postmortem.severity_gt,
	COMMUTATOR = OPERATOR(postmortem.<), NEGATOR = OPERATOR(postmortem.<=),
	RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR CLASS postmortem.severity_ops
	DEFAULT FOR TYPE postmortem.severity USING btree AS
		OPERATOR 1 postmortem.< (postmortem.severity, postmortem.severity),
		OPERATOR 2 postmortem.<= (postmortem.severity, postmortem.severity),
		OPERATOR 3 postmortem.= (postmortem.severity, postmortem.severity),
		OPERATOR 4 postmortem.>= (postmortem.severity, postmortem.severity),
		OPERATOR 5 postmortem.> (postmortem.severity, postmortem.severity),
		FUNCTION 1 postmortem.severity_cmp(postmortem.severity, postmortem.severity);
-- severity is a plain int2 inside: equal values are equal images, so btree
-- indexes on it may deduplicate (as for int2)
ALTER OPERATOR FAMILY postmortem.severity_ops USING btree
	ADD FUNCTION 4 (postmortem.severity, postmortem.severity) pg_catalog.btequalimage(oid);
COMMENT ON OPERATOR CLASS postmortem.severity_ops USING btree IS 'btree ordering of severity, SEV1 first';

CREATE OPERATOR CLASS postmortem.severity_hash_ops
	DEFAULT FOR TYPE postmortem.severity USING hash AS
		OPERATOR 1 postmortem.= (postmortem.severity, postmortem.severity),
		FUNCTION 1 postmortem.severity_hash(postmortem.severity),
		FUNCTION 2 postmortem.severity_hash_extended(postmortem.severity, bigint);
COMMENT ON OPERATOR CLASS postmortem.severity_hash_ops USING hash IS 'hash equality of severity';
COMMENT ON OPERATOR postmortem.< (postmortem.severity, postmortem.severity) IS 'is worse than (SEV1 < SEV2)';
COMMENT ON OPERATOR postmortem.<= (postmortem.severity, postmortem.severity) IS 'is as bad as or worse than';
COMMENT ON OPERATOR postmortem.= (postmortem.severity, postmortem.severity) IS 'same severity';
COMMENT ON OPERATOR postmortem.<> (postmortem.severity, postmortem.severity) IS 'different severity';
COMMENT ON OPERATOR postmortem.>= (postmortem.severity, postmortem.severity) IS 'is as mild as or milder than';
COMMENT ON OPERATOR postmortem.> (postmortem.severity, postmortem.severity) IS 'is milder than (SEV3 > SEV1)';
