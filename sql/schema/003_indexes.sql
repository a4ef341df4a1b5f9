-- Indexes for the report's queries (sql/report/). Each query selects one AQB year's projects and
-- then their bookings and participations; see BENCHMARKS.md for the plans.
CREATE INDEX projekt_jahr_idx ON aqb.projekt (jahr, id);
-- Covering indexes: the sums read bookings and participations without touching the heap.
CREATE INDEX ausgabe_projekt_idx ON aqb.ausgabe (projekt_id, buchungstag) INCLUDE (betrag_eur);
CREATE INDEX teilnahme_projekt_idx ON aqb.teilnahme (projekt_id, eintritt) INCLUDE (rechtskreis, geschlecht);
CREATE INDEX budget_aenderung_zv_idx ON aqb.budget_aenderung (ags, jahr, wirksam_am);
-- The newest booking date (freshness of the feed, in the manifest) without a full scan.
CREATE INDEX ausgabe_buchungstag_idx ON aqb.ausgabe (buchungstag);
