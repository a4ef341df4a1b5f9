-- Only when the lock is taken: who holds it, so the message can name the other run.
-- $1 = the lock key (bigint). Last column: whether the holder is a session of this same role.
SELECT a.pid::int8, coalesce(a.application_name, ''), coalesce(a.client_addr::text, 'local socket'),
       coalesce(to_char(a.backend_start AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI:SS'), '?'),
       coalesce(a.usename::text, '?'), coalesce(a.usename = current_user, false)
FROM pg_locks l
JOIN pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory' AND l.granted
  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ((l.classid::int8 << 32) | l.objid::int8) = $1::bigint
LIMIT 1;
