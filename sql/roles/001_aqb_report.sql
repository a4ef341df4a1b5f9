-- The role aqb-report runs as: it may log in, connect to this database and read the report's
-- tables, and nothing else. Apply after sql/schema/, as the owner of the aqb schema or a superuser:
--
--   psql -v ON_ERROR_STOP=1 -d aqb -f sql/roles/001_aqb_report.sql
--
-- Then give it a way to log in (ALTER ROLE aqb_report PASSWORD '…' with the password in the
-- report user's ~/.pgpass, or a client certificate) and run `aqb-report check` as it: check warns
-- when the role it connects as could write or is a superuser.
--
-- Roles belong to the cluster, tables to the database: running this again, or in a second
-- database of the same cluster, only adds the grants.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aqb_report') THEN
        CREATE ROLE aqb_report LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO aqb_report', current_database());
END
$$;

GRANT USAGE ON SCHEMA aqb TO aqb_report;
REVOKE ALL ON ALL TABLES IN SCHEMA aqb FROM aqb_report;
GRANT SELECT ON aqb.gebietskoerperschaft, aqb.massnahmenart, aqb.rechtskreis, aqb.zielvereinbarung,
                aqb.budget_aenderung, aqb.projekt, aqb.ausgabe, aqb.teilnahme, aqb.schema_version,
                aqb.foerderschwerpunkt
    TO aqb_report;

-- Every transaction of the role is read-only unless it says otherwise, a second fence behind the
-- missing write privileges.
ALTER ROLE aqb_report SET default_transaction_read_only = on;
