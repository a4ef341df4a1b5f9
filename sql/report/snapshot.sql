-- What the manifest and the Markdown say about the snapshot: when it was taken (the start of the
-- transaction all years are read in) and how fresh the booking feed is.
-- neueste_buchung: the newest booking dated on or before the snapshot's day (Europe/Berlin).
-- Bookings dated later, or `infinity`/`-infinity`, are counted and named instead: one booking
-- dated 9999-12-31 must not make a stale feed look fresh.
-- Why OFFSET 0 (a fence): without it the planner serves ORDER BY … LIMIT 3 by walking
-- ausgabe_buchungstag_idx backwards and filtering every booking whenever fewer than three are
-- dated after today, i.e. on every healthy feed (1.4 s at 5 million bookings, growing with the
-- table). Fenced, the few such bookings are found through the index first and then sorted.
SELECT extract(epoch FROM now())::int8 AS snapshot_epoch,
       (SELECT max(buchungstag) FROM aqb.ausgabe
         WHERE buchungstag <= current_date AND isfinite(buchungstag))::text AS neueste_buchung,
       current_setting('server_version') AS server_version,
       (SELECT count(*) FROM aqb.ausgabe
         WHERE buchungstag > current_date OR buchungstag = '-infinity'::date) AS auffaellige_buchungen,
       (SELECT string_agg('ausgabe ' || f.id::text || ' (' || f.buchungstag::text || ')', ', ' ORDER BY f.n)
          FROM (SELECT id, buchungstag, row_number() OVER (ORDER BY buchungstag DESC, id) AS n
                  FROM (SELECT id, buchungstag FROM aqb.ausgabe
                         WHERE buchungstag > current_date OR buchungstag = '-infinity'::date
                        OFFSET 0) u
                 ORDER BY buchungstag DESC, id
                 LIMIT 3) f) AS beispiele;
