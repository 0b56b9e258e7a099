--
-- secrets: passwords in options are never recorded; the statement is, with
-- each secret replaced by <redacted> (subscriptions' connection strings:
-- sql/fleet_setup.sql)
--
CREATE FOREIGN DATA WRAPPER sec_fdw;
CREATE SERVER sec_srv FOREIGN DATA WRAPPER sec_fdw
  OPTIONS (host 'db.internal', "password" 'srv-secret', api_token 'tok-secret');
ALTER SERVER sec_srv OPTIONS (SET password 'srv-secret-2');
CREATE USER MAPPING FOR CURRENT_USER SERVER sec_srv OPTIONS (user 'app', password 'um-secret-1');
ALTER USER MAPPING FOR CURRENT_USER SERVER sec_srv OPTIONS (SET password E'um-secret\'2');
SELECT command_tag, statement FROM postmortem.schema_change
 WHERE command_tag ~ 'SERVER|USER MAPPING' ORDER BY id;
SELECT count(*) AS secrets_recorded FROM postmortem.schema_change
 WHERE statement ~ 'secret' OR revert_statement ~ 'secret' OR definition_after ~ 'secret';
-- options that hold no secret are kept as written
ALTER SERVER sec_srv OPTIONS (ADD port '5432');
SELECT statement FROM postmortem.schema_change ORDER BY id DESC LIMIT 1;
DROP SERVER sec_srv CASCADE;
DROP FOREIGN DATA WRAPPER sec_fdw;
