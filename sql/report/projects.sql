-- The cohort of AQB year $1 at Stichtag $2, one row per project and (Rechtskreis, Geschlecht) of
-- its participations; a project without participations has one row with NULL rechtskreis.
--   bewilligt_eur:  the approved amount if the Bescheid is dated on or before the Stichtag, else 0
--   ausgegeben_eur: all bookings up to the Stichtag, whatever calendar year they fall in
--   buchungen:      how many bookings that sum holds (for the manifest)
--   neueste_buchung: the newest of them (finite dates only), for the report's header
--   teilnehmende:   participations (Eintritte, not persons) with eintritt on or before the
--                   counting day $3 (Zähltag: money is as of the Stichtag, people as of the
--                   counting day, by default the last month-end on or before the Stichtag)
--   mit_behinderung, behinderung_unbekannt: of those, schwerbehinderung true / NULL
--   aktiv:          of those, still in the project on the counting day (austritt NULL or on/after it)
--   titel … plaetze_geplant: the project's own fields, for the project lists (repeated per row)
--   haushaltsjahre: the same bookings per calendar year, 'jahr=betrag' separated by blanks
--                   ('=betrag' for bookings dated -infinity), for the budget office's view
-- PostgreSQL does all per-booking and per-participation work; the report splits each project's
-- spending over the Rechtskreise and adds projects up per area.
--
-- Why one scan: the calendar-year split and the totals come from the same index-only scan of
-- the project's bookings, so the bookings are read once per report, not twice.
-- Why LATERAL: each project's bookings and participations are summed by an index-only scan of
-- ausgabe_projekt_idx / teilnahme_projekt_idx, and projekt_jahr_idx (jahr, id) already delivers
-- the projects in id order, so the rows stream out without a sort or a hash of the whole cohort.
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date), $3 = counting day (date, on or before $2).
SELECT p.id,
       p.ags::text,
       p.massnahmenart,
       CASE WHEN p.bescheid_am <= $2::date THEN p.bewilligt_eur ELSE 0 END AS bewilligt_eur,
       coalesce(a.ausgegeben_eur, 0) AS ausgegeben_eur,
       a.buchungen,
       a.neueste_buchung,
       t.rechtskreis,
       t.geschlecht::text,
       coalesce(t.teilnehmende, 0) AS teilnehmende,
       coalesce(t.mit_behinderung, 0) AS mit_behinderung,
       coalesce(t.behinderung_unbekannt, 0) AS behinderung_unbekannt,
       coalesce(t.aktiv, 0) AS aktiv,
       p.titel,
       p.traeger,
       p.foerderschwerpunkt,
       p.bescheid_am::text,
       p.plaetze_geplant::int8,
       a.haushaltsjahre
FROM aqb.projekt p
CROSS JOIN LATERAL (
    SELECT sum(y.betrag) AS ausgegeben_eur, coalesce(sum(y.buchungen), 0)::int8 AS buchungen,
           max(y.neueste)::text AS neueste_buchung,
           string_agg(coalesce(y.jahr::text, '') || '=' || y.betrag::text, ' ' ORDER BY y.jahr) AS haushaltsjahre
    FROM (
        SELECT CASE WHEN isfinite(b.buchungstag) THEN extract(year FROM b.buchungstag)::int END AS jahr,
               sum(b.betrag_eur) AS betrag, count(*) AS buchungen,
               max(b.buchungstag) FILTER (WHERE isfinite(b.buchungstag)) AS neueste
        FROM aqb.ausgabe b
        WHERE b.projekt_id = p.id AND b.buchungstag <= $2::date
        GROUP BY 1
    ) y
) a
LEFT JOIN LATERAL (
    SELECT n.rechtskreis, n.geschlecht, count(*) AS teilnehmende,
           count(*) FILTER (WHERE n.schwerbehinderung) AS mit_behinderung,
           count(*) FILTER (WHERE n.schwerbehinderung IS NULL) AS behinderung_unbekannt,
           count(*) FILTER (WHERE n.austritt IS NULL OR n.austritt >= $3::date) AS aktiv
    FROM aqb.teilnahme n
    WHERE n.projekt_id = p.id AND n.eintritt <= $3::date
    GROUP BY n.rechtskreis, n.geschlecht
) t ON true
WHERE p.jahr = $1::int
ORDER BY p.id;
