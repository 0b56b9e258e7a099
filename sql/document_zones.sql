-- Zone abbreviations in a document are read as PostgreSQL reads them, from
-- the timezone_abbreviations setting: fixed offsets (EST, EDT, BST, CEST,
-- JST), abbreviations whose offset changed over the years (MSK: Moscow's
-- offset on that day, +04 in 2012, +03 since 2014), and a changed setting is
-- followed.  IST is India's in every case: the Default set says Israel, but
-- the postmortems that write IST are India's (docs/document.md).  This is also the
-- test of the PostgreSQL 16 change of DecodeTimezoneAbbrev (src/compat.h): a
-- port that took its new return value for the kind of abbreviation read every
-- one of them as unknown, and the times as UTC.
SET timezone = 'UTC';
SELECT z, d, p ->> 'started_at' AS started_at, p ->> 'time_zone' AS time_zone
  FROM (VALUES ('EST', '2024-05-15'), ('EDT', '2024-05-15'), ('BST', '2024-05-15'),
			   ('CEST', '2024-05-15'), ('JST', '2024-05-15'), ('IST', '2024-05-15'),
			   ('MSK', '2012-05-15'), ('MSK', '2024-05-15')) v(z, d),
	   LATERAL (SELECT postmortem.parse_markdown(
					format(E'# Outage\n\n## Timeline\n\n- 10:00 %s: started\n- 11:00 %s: resolved\n', z, z),
					on_date => d::date)) m(p);

SET timezone_abbreviations = 'India';
SELECT postmortem.parse_markdown(E'# Outage\n\n## Timeline\n\n- 10:00 IST: started\n',
								 on_date => '2024-05-15') ->> 'started_at' AS india_ist;
RESET timezone_abbreviations;

-- invalid input: an abbreviation PostgreSQL does not know is not a zone;
-- the times are read in time_zone (here the session's, UTC)
SELECT p ->> 'started_at' AS started_at, p ->> 'time_zone' AS time_zone
  FROM postmortem.parse_markdown(E'# Outage\n\n## Timeline\n\n- 10:00 XYZ: started\n',
								 on_date => '2024-05-15') p;
