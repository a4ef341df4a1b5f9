-- One report run per database and role at a time: a session-level advisory lock, released by the
-- server when the run's connection ends, however it ends.
-- The key is "AQBR" in the high 32 bits and the connected role's OID in the low ones: a session of
-- another role holds it only on purpose, and run_lock_holder.sql tells the report so (it then
-- warns and goes on instead of letting that session block it).
-- Returns whether the lock was taken, and the key.
WITH k AS (
    SELECT (1095844434::bigint << 32) | (SELECT oid::bigint FROM pg_roles WHERE rolname = current_user) AS key
)
SELECT pg_try_advisory_lock(k.key), k.key FROM k;
