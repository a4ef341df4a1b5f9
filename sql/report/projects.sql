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
-- The same scan also gives what the booking rules of the findings need (FindingChecks, in
-- Sources/AQBReport/Findings/; findings.sql keeps the rules that read no booking), so each booking
-- is read once per report, not twice (issue 19). With $4 true, the bookings after the Stichtag are
-- read too, as a second range of the same index; with $4 false (the previous cohort) they are not,
-- and these columns are 0 or NULL (zukunft then only counts bookings dated -infinity):
--   bescheid_gilt:  the Bescheid is dated on or before the Stichtag
--   vor_bescheid, vor_bescheid_eur, erste_vor_bescheid: bookings up to the Stichtag dated before
--                   the day of the Bescheid (how many, their sum, the earliest)
--   spaeter, spaeter_eur, spaeter_neueste: bookings after the Stichtag up to the snapshot's day
--                   (current_date)
--   zukunft, zukunft_eur, zukunft_spaeteste: bookings after the snapshot's day or at -infinity
--   ende_vor_beginn: of the counted participations of the row's group, those whose Austritt lies
--                   before their Eintritt (only ever tested for > 0: no count of people leaves)
-- PostgreSQL does all per-booking and per-participation work; the report splits each project's
-- spending over the Rechtskreise and adds projects up per area.
--
-- Why one scan: the calendar-year split, the totals and the findings' sums come from the same
-- index-only scan of the project's bookings.
-- Why LATERAL: each project's bookings and participations are summed by an index-only scan of
-- ausgabe_projekt_idx / teilnahme_projekt_idx, so the rows stream out without a hash of the
-- whole cohort's bookings.
-- Why the fenced subquery (OFFSET 0) for the projects: planned on its own it reads the cohort
-- through projekt_jahr_idx (and sorts its few thousand ids); planned inside the join, where the
-- per-project subqueries dwarf its cost, the planner took projekt_pkey instead and filtered every
-- project of every year (8 % of a run at benchmark scale, issue 19; ProjectsQueryPlanTests).
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date), $3 = counting day (date, on or before $2),
-- $4 = with the findings' columns (bool), $5 = with the split per calendar year (bool; false for
-- the previous cohort, which the comparison needs only in total: haushaltsjahre is then NULL).
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
       a.haushaltsjahre,
       coalesce(p.bescheid_am <= $2::date, false) AS bescheid_gilt,
       a.vor_bescheid, a.vor_bescheid_eur, a.erste_vor_bescheid,
       coalesce(s.spaeter, 0) AS spaeter, s.spaeter_eur, s.spaeter_neueste,
       a.zukunft + coalesce(s.zukunft, 0) AS zukunft,
       CASE WHEN s.zukunft > 0 THEN coalesce(a.zukunft_eur, 0) + s.zukunft_eur ELSE a.zukunft_eur END AS zukunft_eur,
       greatest(s.zukunft_spaeteste, a.zukunft_spaeteste)::text AS zukunft_spaeteste,
       coalesce(t.ende_vor_beginn, 0) AS ende_vor_beginn
FROM (SELECT * FROM aqb.projekt WHERE jahr = $1::int ORDER BY id OFFSET 0) p
CROSS JOIN LATERAL (
    SELECT sum(j.betrag) AS ausgegeben_eur, coalesce(sum(j.buchungen), 0)::int8 AS buchungen,
           max(j.neueste)::text AS neueste_buchung,
           string_agg(coalesce(j.jahr::text, '') || '=' || j.betrag::text, ' ' ORDER BY j.jahr) FILTER (WHERE $5::bool)
               AS haushaltsjahre,
           coalesce(sum(j.vor_bescheid), 0)::int8 AS vor_bescheid, sum(j.vor_bescheid_eur) AS vor_bescheid_eur,
           min(j.erste_vor_bescheid)::text AS erste_vor_bescheid,
           coalesce(sum(j.zukunft), 0)::int8 AS zukunft, sum(j.zukunft_eur) AS zukunft_eur,
           max(j.zukunft_spaeteste) AS zukunft_spaeteste
    FROM (
        -- Per calendar year (NULL: -infinity), from groups that also say whether the bookings lie
        -- before the Bescheid or after the snapshot's day (a Stichtag after today, or -infinity).
        SELECT g.jahr, sum(g.betrag) AS betrag, sum(g.buchungen) AS buchungen,
               max(g.neueste) FILTER (WHERE g.jahr IS NOT NULL) AS neueste,
               sum(g.buchungen) FILTER (WHERE g.vor_bescheid) AS vor_bescheid,
               sum(g.betrag) FILTER (WHERE g.vor_bescheid) AS vor_bescheid_eur,
               min(g.erste) FILTER (WHERE g.vor_bescheid) AS erste_vor_bescheid,
               sum(g.buchungen) FILTER (WHERE g.nach_heute OR g.jahr IS NULL) AS zukunft,
               sum(g.betrag) FILTER (WHERE g.nach_heute OR g.jahr IS NULL) AS zukunft_eur,
               max(g.neueste) FILTER (WHERE g.nach_heute OR g.jahr IS NULL) AS zukunft_spaeteste
        FROM (
            SELECT CASE WHEN isfinite(b.buchungstag) THEN CASE WHEN $5::bool THEN extract(year FROM b.buchungstag)::int ELSE 0 END
                   END AS jahr,
                   $4::bool AND coalesce(b.buchungstag < p.bescheid_am, false) AS vor_bescheid,
                   $4::bool AND b.buchungstag > current_date AS nach_heute,
                   sum(b.betrag_eur) AS betrag, count(*) AS buchungen,
                   min(b.buchungstag) AS erste, max(b.buchungstag) AS neueste
            FROM aqb.ausgabe b
            WHERE b.projekt_id = p.id AND b.buchungstag <= $2::date
            GROUP BY 1, 2, 3
        ) g
        GROUP BY g.jahr
    ) j
) a
-- The bookings after the Stichtag (a range of the same index, read only for the findings):
-- up to the snapshot's day, and after it.
LEFT JOIN LATERAL (
    SELECT coalesce(sum(l.buchungen) FILTER (WHERE NOT l.nach_heute), 0)::int8 AS spaeter,
           sum(l.betrag) FILTER (WHERE NOT l.nach_heute) AS spaeter_eur,
           max(l.neueste) FILTER (WHERE NOT l.nach_heute)::text AS spaeter_neueste,
           coalesce(sum(l.buchungen) FILTER (WHERE l.nach_heute), 0)::int8 AS zukunft,
           sum(l.betrag) FILTER (WHERE l.nach_heute) AS zukunft_eur,
           max(l.neueste) FILTER (WHERE l.nach_heute) AS zukunft_spaeteste
    FROM (
        SELECT b.buchungstag > current_date AS nach_heute, sum(b.betrag_eur) AS betrag, count(*) AS buchungen,
               max(b.buchungstag) AS neueste
        FROM aqb.ausgabe b
        WHERE $4::bool AND b.projekt_id = p.id AND b.buchungstag > $2::date
        GROUP BY 1
    ) l
) s ON true
LEFT JOIN LATERAL (
    SELECT n.rechtskreis, n.geschlecht, count(*) AS teilnehmende,
           count(*) FILTER (WHERE n.schwerbehinderung) AS mit_behinderung,
           count(*) FILTER (WHERE n.schwerbehinderung IS NULL) AS behinderung_unbekannt,
           count(*) FILTER (WHERE n.austritt IS NULL OR n.austritt >= $3::date) AS aktiv,
           count(*) FILTER (WHERE n.austritt < n.eintritt) AS ende_vor_beginn
    FROM aqb.teilnahme n
    WHERE n.projekt_id = p.id AND n.eintritt <= $3::date
    GROUP BY n.rechtskreis, n.geschlecht
) t ON true
ORDER BY p.id;
