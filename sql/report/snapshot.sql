-- What the manifest and the Markdown say about the snapshot: when it was taken (the start of the
-- transaction all years are read in) and how fresh the booking feed is.
-- neueste_buchung: the newest booking dated on or before the snapshot's day (Europe/Berlin).
-- Bookings dated later, or `infinity`/`-infinity`, are counted and named instead: one booking
-- dated 9999-12-31 must not make a stale feed look fresh. (snapshot_epoch comes first, within
-- the 1024 characters pg_stat_activity keeps of a query: StopSignalHardeningTests look for it.)
SELECT extract(epoch FROM now())::int8 AS snapshot_epoch,
       -- Why two counts and two example lists, not one with OR: a condition with OR cannot bound a scan
       -- of ausgabe_buchungstag_idx. Without a bound, the planner served ORDER BY … LIMIT 3 by walking
       -- the index backwards and filtering every booking whenever fewer than three are dated after
       -- today, i.e. on every healthy feed (1.4 s at 5 million bookings, growing with the table); with
       -- OR as a bitmap it read every such booking from the table and sorted them all (180 ms for the
       -- generator's 160,000 bookings after today). Each part below is a range of the index: the
       -- counts are index-only, and each example list stops after its first three (issue 19). The
       -- bookings at -infinity are fenced (OFFSET 0) before they are ordered by id: otherwise the planner
       -- walks ausgabe_pkey and filters every booking, since they all share one date.
       (SELECT max(buchungstag) FROM aqb.ausgabe
         WHERE buchungstag <= current_date AND isfinite(buchungstag))::text AS neueste_buchung,
       current_setting('server_version') AS server_version,
       (SELECT count(*) FROM aqb.ausgabe WHERE buchungstag > current_date)
         + (SELECT count(*) FROM aqb.ausgabe WHERE buchungstag = '-infinity'::date) AS auffaellige_buchungen,
       (SELECT string_agg('ausgabe ' || f.id::text || ' (' || f.buchungstag::text || ')', ', '
                          ORDER BY f.buchungstag DESC, f.id)
          FROM (SELECT u.id, u.buchungstag
                  FROM ((SELECT id, buchungstag FROM aqb.ausgabe
                          WHERE buchungstag > current_date
                          ORDER BY buchungstag DESC, id LIMIT 3)
                        UNION ALL
                        (SELECT m.id, m.buchungstag
                           FROM (SELECT id, buchungstag FROM aqb.ausgabe
                                  WHERE buchungstag = '-infinity'::date OFFSET 0) m
                          ORDER BY m.id LIMIT 3)) u
                 ORDER BY u.buchungstag DESC, u.id
                 LIMIT 3) f) AS beispiele;
