-- `aqb-report check`, third part: where the report is connected, and what its role may do beyond
-- reading. Here `false` is a warning, not a failure: the report works, but with more rights than
-- it needs (sql/roles/ creates a role that only reads).
SELECT 'database', true,
       current_database() || ' on ' || coalesce(inet_server_addr()::text || ':' || inet_server_port()::text, 'a local socket')
           || ', role ' || current_user
UNION ALL
SELECT 'role is no superuser', NOT r.rolsuper,
       CASE WHEN r.rolsuper THEN current_user || ' is a superuser; run the report as aqb_report (sql/roles/)'
            ELSE current_user || ' is not a superuser' END
FROM pg_roles r WHERE r.rolname = current_user
UNION ALL
SELECT 'role cannot write', w.tables IS NULL,
       coalesce(current_user || ' may change ' || w.tables || '; the report only reads: use aqb_report (sql/roles/)',
                current_user || ' may only read the aqb tables')
FROM (SELECT string_agg('aqb.' || c.relname, ', ' ORDER BY c.relname) AS tables
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'aqb' AND c.relkind IN ('r', 'p')
         AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE')
              OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))) w
UNION ALL
SELECT 'CONNECT not granted to PUBLIC', NOT has_database_privilege('public', current_database(), 'CONNECT'),
       CASE WHEN has_database_privilege('public', current_database(), 'CONNECT')
            THEN 'every login may connect, and so take the report''s database lock; REVOKE CONNECT ON DATABASE '
                 || quote_ident(current_database()) || ' FROM PUBLIC and grant it to the roles that need it'
            ELSE 'only granted roles may connect' END;
