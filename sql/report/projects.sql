-- The cohort of AQB year $1 at Stichtag $2, one row per project and (Rechtskreis, Geschlecht) of
-- its participations; a project without participations has one row with NULL rechtskreis.
--   bewilligt_eur:  the approved amount if the Bescheid is dated on or before the Stichtag, else 0
--   ausgegeben_eur: all bookings up to the Stichtag, whatever calendar year they fall in
--   buchungen:      how many bookings that sum holds (for the manifest)
--   teilnehmende:   participations (Eintritte, not persons) with eintritt on or before the Stichtag
-- PostgreSQL does all per-booking and per-participation work; the report splits each project's
-- spending over the Rechtskreise and adds projects up per area.
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date).
WITH projekte AS (
    SELECT p.id, p.ags, p.massnahmenart,
           CASE WHEN p.bescheid_am <= $2::date THEN p.bewilligt_eur ELSE 0 END AS bewilligt_eur
    FROM aqb.projekt p
    WHERE p.jahr = $1::int
), ausgaben AS (
    SELECT a.projekt_id, sum(a.betrag_eur) AS ausgegeben_eur, count(*) AS buchungen
    FROM aqb.ausgabe a
    JOIN projekte p ON p.id = a.projekt_id
    WHERE a.buchungstag <= $2::date
    GROUP BY a.projekt_id
), teilnahmen AS (
    SELECT t.projekt_id, t.rechtskreis, t.geschlecht, count(*) AS teilnehmende
    FROM aqb.teilnahme t
    JOIN projekte p ON p.id = t.projekt_id
    WHERE t.eintritt <= $2::date
    GROUP BY t.projekt_id, t.rechtskreis, t.geschlecht
)
SELECT p.id,
       p.ags::text,
       p.massnahmenart,
       p.bewilligt_eur,
       coalesce(a.ausgegeben_eur, 0) AS ausgegeben_eur,
       coalesce(a.buchungen, 0) AS buchungen,
       t.rechtskreis,
       t.geschlecht::text,
       coalesce(t.teilnehmende, 0) AS teilnehmende
FROM projekte p
LEFT JOIN ausgaben a ON a.projekt_id = p.id
LEFT JOIN teilnahmen t ON t.projekt_id = p.id
ORDER BY p.id;
