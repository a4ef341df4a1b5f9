-- The benchmark's baseline (issue 19): PostgreSQL computing, set-based, everything one year's
-- folder publishes, run by psql. Whatever aqb-report takes beyond this is overhead (scripts/bench).
--
--   psql -X -v year=2025 -v asof=2025-12-31 -f scripts/bench-baseline.sql
--
-- What it computes, each statement written as plainly and cheaply as a SQL author would for the
-- table or rule it feeds (grouped joins, GROUPING SETS where one scan serves several tables):
--   1. reference tables, the year's areas, budgets with their changes, the changes themselves;
--   2. money, one statement, one scan of the cohort's bookings: per project its list fields,
--      approval at the Stichtag, bookings up to the Stichtag (sum, count, newest) in total and per
--      calendar year, and from those rows the roll-ups the CSV files publish (Kreis,
--      Regierungsbezirk, Land × Maßnahmenart, × Förderschwerpunkt, × calendar year);
--   3. people, one statement, one scan of the participations: per project, Rechtskreis and
--      Geschlecht the participations on the counting day, with disability (yes / unknown) and
--      still active, and their roll-ups per area × Rechtskreis, × Geschlecht, × Maßnahmenart,
--      × Förderschwerpunkt;
--   4. every finding rule of sql/report/findings.sql, each by the cheapest set-based statement
--      on its own: the rules that need each project's total spending share one statement (its
--      sums are the same); the rules on bookings before the Bescheid or after the Stichtag read
--      only those bookings through ausgabe_projekt_idx (a range per project);
--   5. the previous cohort (year − 1) at the same day one year earlier, as vorjahr.csv and its
--      disclosure control need it: per project its money, per project, Rechtskreis and
--      Geschlecht its counts on that day's counting day, and the budgets.
-- It does not do what only the report does (the split of money over Rechtskreise, disclosure
-- control, rendering): those are the report's overhead.
--
-- Variables: year (AQB year J), asof (Stichtag D, inclusive), optionally zaehltag (the counting
-- day; default: the last month-end on or before D, the report's default), margin (the pro-rata
-- margin, default 50). On its own the script opens and closes one read-only REPEATABLE READ
-- transaction (one snapshot for all queries). With -v outer_txn=1 it leaves that to its caller:
-- scripts/bench runs it once per year inside one transaction for the ten-year baseline. With
-- -v explain='EXPLAIN (ANALYZE, BUFFERS)' every query is explained instead of run
-- (scripts/explain). The \qecho lines name each query; they go wherever query output goes
-- (/dev/null in the benchmark).

\if :{?year}
\else
\echo 'bench-baseline.sql: set -v year=J -v asof=YYYY-MM-DD'
\quit
\endif
\if :{?asof}
\else
\set asof '9999-12-31'
\endif
\if :{?explain}
\else
\set explain ''
\endif
\if :{?margin}
\else
\set margin 50
\endif
-- JIT compilation is no part of the work the sums need: at the default scale the planner's costs
-- stay below jit_above_cost anyway, at larger scales they would not, and compiling costs more
-- than it saves on these index scans.
SET jit = off;
\if :{?outer_txn}
\else
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
\endif

-- The days: counting day (month-end rule unless given), the previous cohort's Stichtag (the same
-- day one year earlier; 29 February becomes the 28th) and its counting day.
\if :{?zaehltag}
SELECT :'zaehltag'::date AS zaehltag \gset
\else
SELECT (date_trunc('month', :'asof'::date + 1) - interval '1 day')::date AS zaehltag \gset
\endif
SELECT (:'asof'::date - interval '1 year')::date AS asof_vj,
       (date_trunc('month', (:'asof'::date - interval '1 year')::date + 1) - interval '1 day')::date AS zaehltag_vj,
       :year - 1 AS year_vj \gset

-- 1. Reference rows, areas, budgets (tiny, but every report reads them).
\qecho '-- query: reference tables and areas'
:explain SELECT ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis
FROM aqb.gebietskoerperschaft ORDER BY ags;
:explain SELECT code, bezeichnung, sortierung FROM aqb.massnahmenart ORDER BY sortierung, code;
:explain SELECT code, bezeichnung, sortierung FROM aqb.rechtskreis ORDER BY sortierung, code;
:explain SELECT code, bezeichnung, sortierung FROM aqb.foerderschwerpunkt ORDER BY sortierung, code;

\qecho '-- query: budgets per Zielvereinbarung with changes up to the Stichtag, and the changes'
:explain SELECT z.ags, z.budget_eur,
       coalesce(sum(b.betrag_eur), 0) AS aenderungen_eur,
       z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget_aktuell_eur, count(b.id) AS aenderungen
FROM aqb.zielvereinbarung z
LEFT JOIN aqb.budget_aenderung b
       ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= :'asof'
WHERE z.jahr = :year
GROUP BY z.ags, z.budget_eur;
:explain SELECT ags, wirksam_am, betrag_eur, grund, id
FROM aqb.budget_aenderung WHERE jahr = :year AND wirksam_am <= :'asof'
ORDER BY ags, wirksam_am, id;

-- 2. Money: per project its list fields, approval, bookings up to D in total and per calendar
-- year, and from the same per-project rows the roll-ups (Kreis, Regierungsbezirk, Land ×
-- Maßnahmenart and × Förderschwerpunkt; spending per area and calendar year): one scan of the
-- cohort's bookings for all of it, in one statement.
\qecho '-- query: money per project and calendar year, and its roll-ups per area × Maßnahmenart, × Förderschwerpunkt, × calendar year'
:explain WITH proj AS MATERIALIZED (
    SELECT p.id, p.ags, g.regierungsbezirk, p.massnahmenart, p.foerderschwerpunkt, p.plaetze_geplant,
           p.titel, p.traeger, p.bescheid_am,
           CASE WHEN p.bescheid_am <= :'asof' THEN p.bewilligt_eur ELSE 0 END AS bewilligt_eur
    FROM aqb.projekt p JOIN aqb.gebietskoerperschaft g ON g.ags = p.ags
    WHERE p.jahr = :year
),
geld AS MATERIALIZED (
    SELECT a.projekt_id, CASE WHEN isfinite(a.buchungstag) THEN extract(year FROM a.buchungstag)::int END AS jahr,
           sum(a.betrag_eur) AS ausgegeben_eur, count(*) AS buchungen,
           max(a.buchungstag) FILTER (WHERE isfinite(a.buchungstag)) AS neueste
    FROM aqb.projekt q JOIN aqb.ausgabe a ON a.projekt_id = q.id
    WHERE q.jahr = :year AND a.buchungstag <= :'asof'
    GROUP BY 1, 2
),
je_projekt AS MATERIALIZED (
    SELECT q.*, coalesce(s.ausgegeben_eur, 0) AS ausgegeben_eur, coalesce(s.buchungen, 0) AS buchungen, s.neueste
    FROM proj q
    LEFT JOIN (SELECT projekt_id, sum(ausgegeben_eur) AS ausgegeben_eur, sum(buchungen) AS buchungen, max(neueste) AS neueste
               FROM geld GROUP BY 1) s ON s.projekt_id = q.id
)
SELECT 'projekt' AS tabelle, id, ags, regierungsbezirk, massnahmenart, foerderschwerpunkt, NULL::int AS jahr,
       1::bigint AS projekte, bewilligt_eur, ausgegeben_eur, plaetze_geplant::numeric, buchungen::numeric, neueste,
       titel, traeger, bescheid_am
FROM je_projekt
UNION ALL
SELECT 'projekt_jahr', projekt_id, NULL, NULL, NULL, NULL, jahr, NULL, NULL, ausgegeben_eur, NULL, buchungen, neueste,
       NULL, NULL, NULL
FROM geld
UNION ALL
SELECT 'massnahmenart/foerderschwerpunkt', NULL, ags, regierungsbezirk, massnahmenart, foerderschwerpunkt, NULL,
       count(*), sum(bewilligt_eur), sum(ausgegeben_eur), sum(plaetze_geplant),
       count(*) FILTER (WHERE plaetze_geplant IS NULL), NULL, NULL, NULL, NULL
FROM je_projekt
GROUP BY GROUPING SETS ((ags), (regierungsbezirk), (), (ags, massnahmenart), (regierungsbezirk, massnahmenart),
                        (massnahmenart), (ags, foerderschwerpunkt), (regierungsbezirk, foerderschwerpunkt),
                        (foerderschwerpunkt))
UNION ALL
SELECT 'haushaltsjahre', NULL, q.ags, q.regierungsbezirk, NULL, NULL, g.jahr, NULL, NULL, sum(g.ausgegeben_eur), NULL,
       NULL, NULL, NULL, NULL, NULL
FROM geld g JOIN proj q ON q.id = g.projekt_id
GROUP BY GROUPING SETS ((q.ags, g.jahr), (q.regierungsbezirk, g.jahr), (g.jahr));

-- 3. People: per project, Rechtskreis and Geschlecht the participations on the counting day, with
-- disability (yes / unknown) and still active, and from the same rows the roll-ups per area ×
-- Rechtskreis, × Geschlecht, × Maßnahmenart, × Förderschwerpunkt: one scan, one statement.
\qecho '-- query: participations per project, Rechtskreis and Geschlecht on the counting day, and their roll-ups'
:explain WITH zelle AS MATERIALIZED (
    SELECT t.projekt_id, t.rechtskreis, t.geschlecht,
           count(*) AS teilnehmende,
           count(*) FILTER (WHERE t.schwerbehinderung) AS mit_behinderung,
           count(*) FILTER (WHERE t.schwerbehinderung IS NULL) AS behinderung_unbekannt,
           count(*) FILTER (WHERE t.austritt IS NULL OR t.austritt >= :'zaehltag') AS aktiv
    FROM aqb.projekt p
    JOIN aqb.teilnahme t ON t.projekt_id = p.id
    WHERE p.jahr = :year AND t.eintritt <= :'zaehltag'
    GROUP BY t.projekt_id, t.rechtskreis, t.geschlecht
),
-- The cells summed per Kreis first (a few thousand rows), then rolled up.
kreis AS MATERIALIZED (
    SELECT p.ags, g.regierungsbezirk, p.massnahmenart, p.foerderschwerpunkt, z.rechtskreis, z.geschlecht,
           sum(z.teilnehmende) AS teilnehmende, sum(z.mit_behinderung) AS mit_behinderung,
           sum(z.behinderung_unbekannt) AS behinderung_unbekannt, sum(z.aktiv) AS aktiv
    FROM zelle z
    JOIN aqb.projekt p ON p.id = z.projekt_id
    JOIN aqb.gebietskoerperschaft g ON g.ags = p.ags
    GROUP BY 1, 2, 3, 4, 5, 6
)
SELECT projekt_id, NULL::bpchar AS ags, NULL::text AS regierungsbezirk, NULL::text AS massnahmenart,
       NULL::text AS foerderschwerpunkt, rechtskreis, geschlecht,
       teilnehmende::numeric, mit_behinderung::numeric, behinderung_unbekannt::numeric, aktiv::numeric
FROM zelle
UNION ALL
SELECT NULL, ags, regierungsbezirk, massnahmenart, foerderschwerpunkt, rechtskreis, geschlecht,
       sum(teilnehmende), sum(mit_behinderung), sum(behinderung_unbekannt), sum(aktiv)
FROM kreis
GROUP BY GROUPING SETS ((ags), (regierungsbezirk), (), (ags, rechtskreis), (regierungsbezirk, rechtskreis),
                        (rechtskreis), (ags, geschlecht), (regierungsbezirk, geschlecht), (geschlecht),
                        (ags, massnahmenart), (regierungsbezirk, massnahmenart), (massnahmenart),
                        (ags, foerderschwerpunkt), (regierungsbezirk, foerderschwerpunkt), (foerderschwerpunkt));

-- 4. The finding rules, each as cheaply as it can be computed on its own.
\qecho '-- query: findings on each project''s total spending (AUSGEGEBEN_UEBER_BEWILLIGT, AUSGABE_OHNE_BESCHEID, AUSGABEN_OHNE_TEILNEHMENDE, BEWILLIGT_UEBER_BUDGET, ABFLUSS_UNTER_ZEITANTEIL)'
:explain WITH budget AS (
    SELECT z.ags, z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget
    FROM aqb.zielvereinbarung z
    LEFT JOIN aqb.budget_aenderung b ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= :'asof'
    WHERE z.jahr = :year
    GROUP BY z.ags, z.budget_eur
),
projekt AS MATERIALIZED (
    SELECT p.id, p.ags, p.titel, p.traeger, p.bescheid_am,
           CASE WHEN p.bescheid_am <= :'asof' THEN p.bewilligt_eur ELSE 0 END AS bewilligt,
           coalesce(s.ausgegeben, 0) AS ausgegeben, coalesce(s.buchungen, 0) AS buchungen
    FROM aqb.projekt p
    LEFT JOIN (SELECT a.projekt_id, sum(a.betrag_eur) AS ausgegeben, count(*) AS buchungen
               FROM aqb.projekt q JOIN aqb.ausgabe a ON a.projekt_id = q.id
               WHERE q.jahr = :year AND a.buchungstag <= :'asof'
               GROUP BY a.projekt_id) s ON s.projekt_id = p.id
    WHERE p.jahr = :year
),
kreis AS (SELECT ags, sum(bewilligt) AS bewilligt, sum(ausgegeben) AS ausgegeben FROM projekt GROUP BY ags),
zeit AS (
    SELECT least(:'asof'::date - make_date(:year, 1, 1) + 1, make_date(:year + 1, 1, 1) - make_date(:year, 1, 1)) AS vergangen,
           make_date(:year + 1, 1, 1) - make_date(:year, 1, 1) AS tage
)
SELECT 'AUSGEGEBEN_UEBER_BEWILLIGT' AS regel, ags, id, titel, traeger, ausgegeben, bewilligt, NULL::numeric
FROM projekt WHERE bescheid_am <= :'asof' AND ausgegeben > bewilligt
UNION ALL
SELECT 'AUSGABE_OHNE_BESCHEID', ags, id, titel, traeger, ausgegeben, buchungen, NULL
FROM projekt WHERE (bescheid_am IS NULL OR bescheid_am > :'asof') AND buchungen > 0
UNION ALL
SELECT 'AUSGABEN_OHNE_TEILNEHMENDE', p.ags, p.id, p.titel, p.traeger, p.ausgegeben, NULL, NULL
FROM projekt p
WHERE p.ausgegeben <> 0
  AND NOT EXISTS (SELECT 1 FROM aqb.teilnahme t WHERE t.projekt_id = p.id AND t.eintritt <= :'zaehltag')
UNION ALL
SELECT 'BEWILLIGT_UEBER_BUDGET', b.ags, NULL, NULL, NULL, k.bewilligt, b.budget, NULL
FROM budget b JOIN kreis k ON k.ags = b.ags WHERE k.bewilligt > b.budget
UNION ALL
SELECT 'ABFLUSS_UNTER_ZEITANTEIL', b.ags, NULL, NULL, NULL, coalesce(k.ausgegeben, 0), b.budget,
       round(b.budget * zeit.vergangen / zeit.tage, 2)
FROM budget b CROSS JOIN zeit LEFT JOIN kreis k ON k.ags = b.ags
WHERE b.budget > 0
  AND coalesce(k.ausgegeben, 0) * 100 * zeit.tage < b.budget * (100 * zeit.vergangen - :margin * zeit.tage);

\qecho '-- query: AUSGABE_VOR_BESCHEID (only the bookings dated before each Bescheid)'
:explain SELECT p.ags, p.id, p.titel, p.traeger, sum(a.betrag_eur), count(*), p.bescheid_am, min(a.buchungstag)
FROM aqb.projekt p
JOIN aqb.ausgabe a ON a.projekt_id = p.id AND a.buchungstag < p.bescheid_am AND a.buchungstag <= :'asof'
WHERE p.jahr = :year AND p.bescheid_am <= :'asof'
GROUP BY p.id;

\qecho '-- query: BUCHUNG_NACH_STICHTAG and BUCHUNG_NACH_DATENSTAND (only the bookings dated after the Stichtag, or -infinity)'
:explain SELECT 'BUCHUNG_NACH_STICHTAG', NULL::bigint, count(*), sum(a.betrag_eur), max(a.buchungstag)
FROM aqb.projekt p
JOIN aqb.ausgabe a ON a.projekt_id = p.id AND a.buchungstag > :'asof' AND a.buchungstag <= current_date
WHERE p.jahr = :year
HAVING count(*) > 0
UNION ALL
SELECT 'BUCHUNG_NACH_DATENSTAND', p.id, count(*), sum(a.betrag_eur), max(a.buchungstag)
FROM aqb.projekt p
JOIN aqb.ausgabe a ON a.projekt_id = p.id AND (a.buchungstag > current_date OR a.buchungstag = '-infinity')
WHERE p.jahr = :year
GROUP BY p.id;

\qecho '-- query: TEILNAHME_ENDE_VOR_BEGINN, KEINE_ZIELVEREINBARUNG, ZIELVEREINBARUNG_GEBIET_UNGUELTIG, BUDGET_NEGATIV, JAHR_OHNE_DATEN'
:explain SELECT p.id FROM aqb.projekt p
WHERE p.jahr = :year
  AND EXISTS (SELECT 1 FROM aqb.teilnahme t
              WHERE t.projekt_id = p.id AND t.eintritt <= :'zaehltag' AND t.austritt < t.eintritt);
:explain SELECT g.ags FROM aqb.gebietskoerperschaft g
WHERE (g.gueltig_ab IS NULL OR g.gueltig_ab <= make_date(:year, 12, 31))
  AND (g.gueltig_bis IS NULL OR g.gueltig_bis >= make_date(:year, 1, 1))
  AND NOT EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.ags = g.ags AND z.jahr = :year)
  AND EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.jahr = :year);
:explain SELECT g.ags FROM aqb.zielvereinbarung z JOIN aqb.gebietskoerperschaft g ON g.ags = z.ags
WHERE z.jahr = :year
  AND NOT ((g.gueltig_ab IS NULL OR g.gueltig_ab <= make_date(:year, 12, 31))
       AND (g.gueltig_bis IS NULL OR g.gueltig_bis >= make_date(:year, 1, 1)));
:explain SELECT z.ags FROM aqb.zielvereinbarung z
LEFT JOIN aqb.budget_aenderung b ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= :'asof'
WHERE z.jahr = :year
GROUP BY z.ags, z.budget_eur
HAVING z.budget_eur + coalesce(sum(b.betrag_eur), 0) < 0;
:explain SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.jahr = :year)
  AND NOT EXISTS (SELECT 1 FROM aqb.projekt p WHERE p.jahr = :year);

-- 5. The previous cohort at the same day one year earlier: its budgets, per project its money,
-- per project, Rechtskreis and Geschlecht its counts (vorjahr.csv and its disclosure control).
\qecho '-- query: previous cohort: budgets, money per project, participations per project, Rechtskreis and Geschlecht'
:explain SELECT z.ags, z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget
FROM aqb.zielvereinbarung z
LEFT JOIN aqb.budget_aenderung b ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= :'asof_vj'
WHERE z.jahr = :year_vj
GROUP BY z.ags, z.budget_eur;
:explain SELECT p.id, p.ags, p.massnahmenart,
       CASE WHEN p.bescheid_am <= :'asof_vj' THEN p.bewilligt_eur ELSE 0 END AS bewilligt_eur,
       s.ausgegeben_eur
FROM aqb.projekt p
LEFT JOIN (SELECT a.projekt_id, sum(a.betrag_eur) AS ausgegeben_eur
           FROM aqb.projekt q JOIN aqb.ausgabe a ON a.projekt_id = q.id
           WHERE q.jahr = :year_vj AND a.buchungstag <= :'asof_vj'
           GROUP BY a.projekt_id) s ON s.projekt_id = p.id
WHERE p.jahr = :year_vj;
:explain SELECT t.projekt_id, t.rechtskreis, t.geschlecht, count(*) AS teilnehmende
FROM aqb.projekt p
JOIN aqb.teilnahme t ON t.projekt_id = p.id
WHERE p.jahr = :year_vj AND t.eintritt <= :'zaehltag_vj'
GROUP BY t.projekt_id, t.rechtskreis, t.geschlecht;

\if :{?outer_txn}
\else
COMMIT;
\endif
