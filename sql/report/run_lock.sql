-- One report run per database at a time: a session-level advisory lock, released by the server
-- when the run's connection ends, however it ends. $1 = the lock key (bigint).
SELECT pg_try_advisory_lock($1::bigint);
