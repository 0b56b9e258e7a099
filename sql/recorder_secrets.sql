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
-- a DO block (or a function) is recorded whole when no hook gives the inner
-- command's own text: what looks secret in it is redacted all the same
CREATE TABLE public.sec_t (a int);
DO $$
BEGIN
  CREATE ROLE regress_pm_sec_role LOGIN PASSWORD 'S3cret-app-pw';
  GRANT SELECT ON public.sec_t TO regress_pm_sec_role;
END $$;
CREATE FUNCTION public.sec_f() RETURNS int SET application_name = 'x' LANGUAGE sql
  AS $$ SELECT 1 $$;
ALTER FUNCTION public.sec_f() SET myapp.password = 'S3cret-setting';
SELECT command_tag, statement FROM postmortem.schema_change
 WHERE object_identity ~ 'sec_t|sec_f' AND command_tag IN ('GRANT', 'ALTER FUNCTION') ORDER BY id;
SELECT count(*) AS secrets_recorded FROM postmortem.schema_change
 WHERE statement ~ 'S3cret' OR revert_statement ~ 'S3cret';
DROP FUNCTION public.sec_f();
REVOKE ALL ON public.sec_t FROM regress_pm_sec_role;
DROP ROLE regress_pm_sec_role;
DROP TABLE public.sec_t;
-- the rule, for any text (the evidence applies it to other sessions' queries)
SELECT postmortem.redact_secrets(s) FROM (VALUES
  ($q$CREATE ROLE app LOGIN PASSWORD 'pw' VALID UNTIL '2030-01-01'$q$),
  ($q$EXECUTE 'CREATE ROLE x PASSWORD ''hun''''ter2''' || 'x'$q$),
  ($q$CREATE SUBSCRIPTION s CONNECTION 'host=x password=hunter2 dbname=y' PUBLICATION p$q$),
  ($q$OPTIONS (user 'u', "Password" 'p', secret_key 'k', api_token $t$v$t$)$q$),
  ($q$ALTER TABLE users ADD COLUMN password_hash text DEFAULT 'x'$q$),
  ($q$CREATE TABLE tokens (token text DEFAULT 'abc', secret_key text)$q$),
  ($q$ALTER ROLE x PASSWORD NULL$q$)) AS v(s);
