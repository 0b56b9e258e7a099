--
-- Fleet helpers on one database (the multi-server behaviour is in
-- test/fleet/fleet.sh): an origin publishes, a centre registers an origin
-- and gets the statement to run.
--
CREATE TABLE fleet_t (id int);
-- this database's origin, as the recorder writes it
SELECT postmortem.local_origin() ~ '^[0-9]+/contrib_regression$' AS origin_format;

-- on an origin: the publications, and this origin's name for the centre
SELECT postmortem.fleet_publish() = postmortem.local_origin() AS returns_origin;
SELECT pubname, puballtables, pubinsert, pubupdate, pubdelete, pubtruncate
  FROM pg_publication ORDER BY pubname;
SELECT pubname, schemaname, tablename FROM pg_publication_tables ORDER BY 1, 3;
-- again: nothing changes
SELECT postmortem.fleet_publish() = postmortem.local_origin() AS returns_origin;
SELECT count(*) FROM pg_publication;

-- at the centre: the statement to run with \gexec; the registry keeps no connection string
SELECT postmortem.fleet_subscribe('7301234567890123456/shop', 'host=db1.example port=5432 dbname=shop user=postmortem_fleet');
SELECT origin, subscription FROM postmortem.fleet_origin;
SELECT postmortem.fleet_subscription_name('7301234567890123456/Sales Data');

-- the recorder keeps CREATE SUBSCRIPTION and ALTER SUBSCRIPTION ... CONNECTION
-- without their connection string, which may hold a password
CREATE SUBSCRIPTION fleet_s CONNECTION 'host=db1.example dbname=shop password=s3cret'
	PUBLICATION postmortem_fleet WITH (connect = false);
ALTER SUBSCRIPTION fleet_s CONNECTION 'host=db2.example dbname=shop password=s3cret2';
ALTER SUBSCRIPTION fleet_s SET (slot_name = NONE);
DROP SUBSCRIPTION fleet_s;
SELECT command_tag, statement FROM postmortem.schema_change
 WHERE command_tag LIKE '%SUBSCRIPTION' ORDER BY id;
SELECT count(*) AS secrets FROM postmortem.schema_change s WHERE s::text LIKE '%s3cret%';

-- fleet_status: this database first, then the registered origin (its
-- CREATE SUBSCRIPTION was not run here)
SELECT database_name, subscription IS NOT NULL AS subscribed, state, changes > 0 AS has_changes,
	   CASE WHEN state = 'local' THEN '(see recorder_audit)' ELSE chain END AS chain
  FROM postmortem.fleet_status()
 WHERE origin IN (postmortem.local_origin(), '7301234567890123456/shop');

-- change_failure_rate per database
SELECT database_name, changes > 0 AS has_changes, failed_changes
  FROM postmortem.change_failure_rate_by_origin
 WHERE origin = postmortem.local_origin() AND month = date_trunc('month', now());

-- unsubscribing returns the DROP SUBSCRIPTION to run
SELECT postmortem.fleet_unsubscribe('7301234567890123456/shop');
SELECT count(*) FROM postmortem.fleet_origin;

-- invalid input
SELECT postmortem.fleet_subscribe('shop', 'host=db1');
SELECT postmortem.fleet_subscribe(postmortem.local_origin(), 'host=db1');
SELECT postmortem.fleet_subscribe(NULL, 'host=db1');
SELECT postmortem.fleet_unsubscribe('7301234567890123456/nowhere');

DROP PUBLICATION postmortem_fleet, postmortem_fleet_head;
