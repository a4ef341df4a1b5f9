-- The benchmark's baseline: the minimal grouped queries any implementation of one year's report
-- needs, run by psql. Whatever aqb-report takes beyond this is overhead (scripts/bench).
--
--   psql -X -v year=2025 -v asof=2025-12-31 -f scripts/bench-baseline.sql
--
-- Variables: year (AQB year J), asof (Stichtag D, inclusive). On its own the script opens and
-- closes one read-only REPEATABLE READ transaction (one snapshot for all queries). With
-- -v outer_txn=1 it leaves that to its caller: scripts/bench runs it once per year inside one
-- transaction for the ten-year baseline. With -v explain='EXPLAIN (ANALYZE, BUFFERS)' every
-- query is explained instead of run (scripts/explain). The \qecho lines name each query; they go
-- wherever query output goes (/dev/null in the benchmark).

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
-- JIT compilation is no part of the work the sums need: at the default scale the planner's costs
-- stay below jit_above_cost anyway, at larger scales they would not, and compiling costs more
-- than it saves on these index scans.
SET jit = off;
\if :{?outer_txn}
\else
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
\endif

-- Reference rows (names, order): tiny, but every report reads them.
\qecho '-- query: reference tables'
:explain SELECT ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis
FROM aqb.gebietskoerperschaft ORDER BY ags;
:explain SELECT code, bezeichnung, sortierung FROM aqb.massnahmenart ORDER BY sortierung, code;
:explain SELECT code, bezeichnung, sortierung FROM aqb.rechtskreis ORDER BY sortierung, code;

-- 1. Projects of year J per area and Maßnahmenart, with what was approved by D.
\qecho '-- query: projects and approvals per area and Maßnahmenart'
:explain SELECT p.ags, p.massnahmenart,
       count(*) AS projekte,
       count(*) FILTER (WHERE p.bescheid_am <= :'asof') AS bewilligte_projekte,
       coalesce(sum(p.bewilligt_eur) FILTER (WHERE p.bescheid_am <= :'asof'), 0) AS bewilligt_eur
FROM aqb.projekt p
WHERE p.jahr = :year
GROUP BY p.ags, p.massnahmenart;

-- 2. Bookings of year J's projects up to D, summed per project (any calendar year).
\qecho '-- query: bookings per project up to the Stichtag'
:explain SELECT a.projekt_id, count(*) AS buchungen, sum(a.betrag_eur) AS ausgegeben_eur
FROM aqb.projekt p
JOIN aqb.ausgabe a ON a.projekt_id = p.id
WHERE p.jahr = :year AND a.buchungstag <= :'asof'
GROUP BY a.projekt_id;

-- 3. Participations of year J's projects with entry up to D, per project, Rechtskreis, Geschlecht.
\qecho '-- query: participations per project, Rechtskreis and Geschlecht'
:explain SELECT t.projekt_id, t.rechtskreis, t.geschlecht, count(*) AS eintritte
FROM aqb.projekt p
JOIN aqb.teilnahme t ON t.projekt_id = p.id
WHERE p.jahr = :year AND t.eintritt <= :'asof'
GROUP BY t.projekt_id, t.rechtskreis, t.geschlecht;

-- 4. Budgets of year J: agreed amount plus the changes effective by D.
\qecho '-- query: budgets per Zielvereinbarung with changes up to the Stichtag'
:explain SELECT z.ags, z.budget_eur,
       coalesce(sum(b.betrag_eur), 0) AS aenderungen_eur,
       z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget_aktuell_eur
FROM aqb.zielvereinbarung z
LEFT JOIN aqb.budget_aenderung b
       ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= :'asof'
WHERE z.jahr = :year
GROUP BY z.ags, z.budget_eur;

\if :{?outer_txn}
\else
COMMIT;
\endif
