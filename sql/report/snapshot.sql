-- What the manifest and the Markdown say about the snapshot: when it was taken (the start of the
-- transaction all years are read in) and how fresh the booking feed is.
SELECT extract(epoch FROM now())::int8 AS snapshot_epoch,
       (SELECT max(buchungstag) FROM aqb.ausgabe)::text AS neueste_buchung,
       current_setting('server_version') AS server_version;
