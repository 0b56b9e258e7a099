
/*
 * durations — src/incident/durations.c
 *
 * Durations of an incident, all taking the incident row so that
 * `SELECT i.time_to_resolve FROM postmortem.incident i` works; NULL when a
 * milestone is unknown.  On a table's row the planner support function turns
 * them into the column arithmetic they stand for.  The six duration
 * functions share one C function, incident_interval, which finds the
 * milestones to subtract by the SQL function's name.
 */
CREATE FUNCTION postmortem.incident_row_support(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.incident_row_support(internal) IS
	'planner support: time_to_resolve(i) and impact_minutes(i) on a table row become the column arithmetic they stand for';

CREATE FUNCTION postmortem.time_to_detect(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_detect(postmortem.incident) IS
	'detected_at - started_at: how long the impact went unnoticed; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_acknowledge(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_acknowledge(postmortem.incident) IS
	'acknowledged_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_mitigate(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_mitigate(postmortem.incident) IS
	'mitigated_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_resolve(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_resolve(postmortem.incident) IS
	'resolved_at - started_at; NULL if either is unknown';

CREATE FUNCTION postmortem.time_to_repair(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.time_to_repair(postmortem.incident) IS
	'resolved_at - detected_at: from noticing to fixing; NULL if either is unknown';

CREATE FUNCTION postmortem.duration(postmortem.incident) RETURNS interval
	AS 'MODULE_PATHNAME', 'incident_interval'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.duration(postmortem.incident) IS
	'resolved_at - started_at: how long users were affected; NULL if either is unknown';

CREATE FUNCTION postmortem.impact_minutes(postmortem.incident) RETURNS double precision
	AS 'MODULE_PATHNAME', 'incident_impact_minutes'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
	SUPPORT postmortem.incident_row_support;
COMMENT ON FUNCTION postmortem.impact_minutes(postmortem.incident) IS
	'minutes of full outage the incident was worth: duration in minutes × users_affected_pct / 100; NULL when the duration or users_affected_pct is unknown';

/*
 * Attribute notation: `i.time_to_resolve` looks the function up through
 * search_path, like any function call, so it needs postmortem on the path
 * (ALTER DATABASE ... SET search_path = "$user", public, postmortem);
 * postmortem.time_to_resolve(i) works whatever the path.  (0.1.0 also
 * declared them in pg_catalog; an extension must not put objects there.)
 */

CREATE FUNCTION postmortem.error_budget_burn(postmortem.incident, slo double precision,
											 period interval)
	RETURNS double precision
	AS 'MODULE_PATHNAME', 'incident_error_budget_burn'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.error_budget_burn(postmortem.incident, double precision, interval) IS
	'impact_minutes ÷ the minutes an SLO (0 < slo < 1) allows in a period: 0.999 over 30 days allows 43.2; 1 = the whole budget';

/*
 * downtime(tstzrange): the length of the union of the ranges.
 */
CREATE FUNCTION postmortem.downtime_transfn(internal, tstzrange) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_transfn(internal, tstzrange) IS
	'downtime aggregate: collect a range';
CREATE FUNCTION postmortem.downtime_combinefn(internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_combinefn(internal, internal) IS
	'downtime aggregate: combine two partial states';
CREATE FUNCTION postmortem.downtime_serialfn(internal) RETURNS bytea
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_serialfn(internal) IS
	'downtime aggregate: merge and serialize a partial state';
CREATE FUNCTION postmortem.downtime_deserialfn(bytea, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_deserialfn(bytea, internal) IS
	'downtime aggregate: deserialize a partial state';
CREATE FUNCTION postmortem.downtime_finalfn(internal) RETURNS interval
	AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION postmortem.downtime_finalfn(internal) IS
	'downtime aggregate: sort, merge and measure';

CREATE AGGREGATE postmortem.downtime(tstzrange) (
	SFUNC = postmortem.downtime_transfn,
	STYPE = internal,
	FINALFUNC = postmortem.downtime_finalfn,
	COMBINEFUNC = postmortem.downtime_combinefn,
	SERIALFUNC = postmortem.downtime_serialfn,
	DESERIALFUNC = postmortem.downtime_deserialfn,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE postmortem.downtime(tstzrange) IS
	'length of the union of the ranges: overlapping incidents count once; NULL and empty ranges are ignored, an unbounded range is an error';
