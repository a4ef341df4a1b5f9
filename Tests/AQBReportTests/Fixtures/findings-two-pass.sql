-- The findings query as it was before issue 19: one UNION ALL branch per rule, with its own
-- second pass over each project's bookings. Kept only as the reference of FindingChecksTests:
-- the one-pass findings (projects.sql + FindingChecks + findings.sql) must give exactly its rows.
-- Do not change it to make a test pass; change it only with the rules themselves.
-- Findings (Auffälligkeiten) of AQB year $1 at Stichtag $2: one UNION ALL branch per rule, each
-- row one finding. The codes, severities and German texts are in Sources/AQBReport/Findings/
-- (FindingRule); the Swift side builds each description from the row's values.
--
-- Money is counted exactly as the report counts it (projects.sql, budgets.sql), so a finding
-- agrees with the figures to the cent:
--   budget     = agreed amount + changes effective on or before the Stichtag
--   bewilligt  = the approved amount if the Bescheid is dated on or before the Stichtag, else 0
--   ausgegeben = all bookings dated on or before the Stichtag, whatever calendar year
--   counted participations = eintritt on or before the Stichtag
-- current_date is the snapshot's day (the transaction's start, in the session's zone).
--
-- Columns (NULL where a rule has no use for them; each branch says what it puts where):
--   regel text, ags text ('' for the whole Land), projekt_id bigint, titel text, traeger text,
--   betrag_1 numeric, betrag_2 numeric, betrag_3 numeric, anzahl bigint, datum_1 text, datum_2 text.
-- No column holds a count of participations: findings must not reveal counts of people.
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date), $3 = pro-rata margin (int, percentage points),
-- $4 = counting day (date, on or before $2): the day the report counts people on.
WITH budget AS (
    SELECT z.ags::text AS ags, z.budget_eur AS vereinbart,
           z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget,
           coalesce(sum(b.betrag_eur), 0) AS aenderungen
    FROM aqb.zielvereinbarung z
    LEFT JOIN aqb.budget_aenderung b
           ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= $2::date
    WHERE z.jahr = $1::int
    GROUP BY z.ags, z.budget_eur
),
-- One pass over each project's bookings (an index-only scan of ausgabe_projekt_idx, as in
-- projects.sql) gives every sum the rules need: counted (up to the Stichtag), before the
-- Bescheid, after the Stichtag up to the snapshot's day, and after the snapshot's day.
projekt AS (
    SELECT p.id, p.ags::text AS ags, p.titel, p.traeger, p.bescheid_am, p.bewilligt_eur,
           CASE WHEN p.bescheid_am <= $2::date THEN p.bewilligt_eur ELSE 0 END AS bewilligt,
           a.*
    FROM aqb.projekt p
    CROSS JOIN LATERAL (
        SELECT coalesce(sum(b.betrag_eur) FILTER (WHERE b.buchungstag <= $2::date), 0) AS ausgegeben,
               count(*) FILTER (WHERE b.buchungstag <= $2::date) AS buchungen,
               count(*) FILTER (WHERE b.buchungstag <= $2::date AND b.buchungstag < p.bescheid_am) AS vor_bescheid,
               coalesce(sum(b.betrag_eur) FILTER (WHERE b.buchungstag <= $2::date AND b.buchungstag < p.bescheid_am), 0)
                   AS vor_bescheid_eur,
               min(b.buchungstag) FILTER (WHERE b.buchungstag <= $2::date AND b.buchungstag < p.bescheid_am) AS erste_vor_bescheid,
               count(*) FILTER (WHERE b.buchungstag > $2::date AND b.buchungstag <= current_date) AS spaeter,
               sum(b.betrag_eur) FILTER (WHERE b.buchungstag > $2::date AND b.buchungstag <= current_date) AS spaeter_eur,
               max(b.buchungstag) FILTER (WHERE b.buchungstag > $2::date AND b.buchungstag <= current_date) AS spaeter_neueste,
               count(*) FILTER (WHERE b.buchungstag > current_date OR b.buchungstag = '-infinity'::date) AS zukunft,
               sum(b.betrag_eur) FILTER (WHERE b.buchungstag > current_date OR b.buchungstag = '-infinity'::date) AS zukunft_eur,
               max(b.buchungstag) FILTER (WHERE b.buchungstag > current_date OR b.buchungstag = '-infinity'::date) AS zukunft_spaeteste
        FROM aqb.ausgabe b
        WHERE b.projekt_id = p.id
    ) a
    WHERE p.jahr = $1::int
),
-- The cohort's first calendar year: days elapsed at the Stichtag (the Stichtag included, at
-- most the whole year) and the days of the year.
zeit AS (
    SELECT least($2::date - make_date($1::int, 1, 1) + 1, make_date($1::int + 1, 1, 1) - make_date($1::int, 1, 1)) AS vergangen,
           make_date($1::int + 1, 1, 1) - make_date($1::int, 1, 1) AS tage
)

-- BEWILLIGT_UEBER_BUDGET: a Kreis approved more than its budget.
-- betrag_1 = bewilligt (sum of its projects), betrag_2 = budget.
SELECT 'BEWILLIGT_UEBER_BUDGET' AS regel, b.ags, NULL::bigint AS projekt_id, NULL::text AS titel, NULL::text AS traeger,
       s.bewilligt AS betrag_1, b.budget AS betrag_2, NULL::numeric AS betrag_3, NULL::bigint AS anzahl,
       NULL::text AS datum_1, NULL::text AS datum_2
FROM budget b
JOIN (SELECT ags, sum(bewilligt) AS bewilligt FROM projekt GROUP BY ags) s ON s.ags = b.ags
WHERE s.bewilligt > b.budget

-- AUSGEGEBEN_UEBER_BEWILLIGT: a project with a Bescheid (up to the Stichtag) spent more than it
-- was approved. Projects without one are AUSGABE_OHNE_BESCHEID instead.
-- betrag_1 = ausgegeben, betrag_2 = bewilligt.
UNION ALL
SELECT 'AUSGEGEBEN_UEBER_BEWILLIGT', p.ags, p.id, p.titel, p.traeger, p.ausgegeben, p.bewilligt, NULL, NULL, NULL, NULL
FROM projekt p
WHERE p.bescheid_am <= $2::date AND p.ausgegeben > p.bewilligt

-- AUSGABE_OHNE_BESCHEID: bookings up to the Stichtag, but no Bescheid dated up to it.
-- betrag_1 = ausgegeben, anzahl = bookings, datum_1 = the Bescheid's date if it lies after the Stichtag.
UNION ALL
SELECT 'AUSGABE_OHNE_BESCHEID', p.ags, p.id, p.titel, p.traeger, p.ausgegeben, NULL, NULL, p.buchungen,
       p.bescheid_am::text, NULL
FROM projekt p
WHERE (p.bescheid_am IS NULL OR p.bescheid_am > $2::date) AND p.buchungen > 0

-- AUSGABE_VOR_BESCHEID: bookings dated before the day of the project's Bescheid (a booking on
-- that day is not early). Only projects whose Bescheid is dated up to the Stichtag.
-- betrag_1 = their sum, anzahl = how many, datum_1 = Bescheid, datum_2 = the earliest of them.
UNION ALL
SELECT 'AUSGABE_VOR_BESCHEID', p.ags, p.id, p.titel, p.traeger, p.vor_bescheid_eur, NULL, NULL, p.vor_bescheid,
       p.bescheid_am::text, p.erste_vor_bescheid::text
FROM projekt p
WHERE p.bescheid_am <= $2::date AND p.vor_bescheid > 0

-- KEINE_ZIELVEREINBARUNG: a Gebietskörperschaft valid on some day of the year has no
-- Zielvereinbarung for it. Not raised when the year has none at all (JAHR_OHNE_DATEN says that).
-- titel = the area's name.
UNION ALL
SELECT 'KEINE_ZIELVEREINBARUNG', g.ags::text, NULL, g.name, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM aqb.gebietskoerperschaft g
WHERE (g.gueltig_ab IS NULL OR g.gueltig_ab <= make_date($1::int, 12, 31))
  AND (g.gueltig_bis IS NULL OR g.gueltig_bis >= make_date($1::int, 1, 1))
  AND NOT EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.ags = g.ags AND z.jahr = $1::int)
  AND EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.jahr = $1::int)

-- ZIELVEREINBARUNG_GEBIET_UNGUELTIG: a Zielvereinbarung for an area valid on no day of the year.
-- titel = the area's name, datum_1 = gueltig_ab, datum_2 = gueltig_bis.
UNION ALL
SELECT 'ZIELVEREINBARUNG_GEBIET_UNGUELTIG', g.ags::text, NULL, g.name, NULL, NULL, NULL, NULL, NULL,
       g.gueltig_ab::text, g.gueltig_bis::text
FROM aqb.zielvereinbarung z
JOIN aqb.gebietskoerperschaft g ON g.ags = z.ags
WHERE z.jahr = $1::int
  AND NOT ((g.gueltig_ab IS NULL OR g.gueltig_ab <= make_date($1::int, 12, 31))
       AND (g.gueltig_bis IS NULL OR g.gueltig_bis >= make_date($1::int, 1, 1)))

-- TEILNAHME_ENDE_VOR_BEGINN: a project has a counted participation (Eintritt up to the counting
-- day, as the published counts) whose Austritt lies before its Eintritt. One row per project,
-- with no count (it would be a count of people); the audit reads it as "at least 1".
UNION ALL
SELECT 'TEILNAHME_ENDE_VOR_BEGINN', p.ags, p.id, p.titel, p.traeger, NULL, NULL, NULL, NULL, NULL, NULL
FROM projekt p
WHERE EXISTS (SELECT 1 FROM aqb.teilnahme t
              WHERE t.projekt_id = p.id AND t.eintritt <= $4::date AND t.austritt < t.eintritt)

-- BUCHUNG_NACH_STICHTAG: the cohort's bookings dated after the Stichtag up to the snapshot's day,
-- which this report does not count yet; one row for the Land.
-- anzahl = how many, betrag_1 = their sum, datum_1 = the newest of them.
UNION ALL
SELECT 'BUCHUNG_NACH_STICHTAG', '', NULL, NULL, NULL, sum(p.spaeter_eur), NULL, NULL, sum(p.spaeter)::bigint,
       max(p.spaeter_neueste)::text, NULL
FROM projekt p
HAVING sum(p.spaeter) > 0

-- BUCHUNG_NACH_DATENSTAND: a project's bookings dated after the snapshot's day, or at
-- infinity/-infinity: a date that cannot be right.
-- anzahl = how many, betrag_1 = their sum, datum_1 = the latest of them (may read 'infinity').
UNION ALL
SELECT 'BUCHUNG_NACH_DATENSTAND', p.ags, p.id, p.titel, p.traeger, p.zukunft_eur, NULL, NULL, p.zukunft,
       p.zukunft_spaeteste::text, NULL
FROM projekt p
WHERE p.zukunft > 0

-- BUDGET_NEGATIV: changes up to the Stichtag cut the budget below zero.
-- betrag_1 = budget, betrag_2 = agreed amount, betrag_3 = the changes.
UNION ALL
SELECT 'BUDGET_NEGATIV', b.ags, NULL, NULL, NULL, b.budget, b.vereinbart, b.aenderungen, NULL, NULL, NULL
FROM budget b
WHERE b.budget < 0

-- AUSGABEN_OHNE_TEILNEHMENDE: a project spent (a non-zero sum up to the Stichtag) but has no
-- participation with Eintritt up to the counting day, so its published count is 0. The list is
-- complete, so a spending project it leaves out counted at least one person: both enter the
-- disclosure audit (YearReport.projectPlaces). betrag_1 = ausgegeben.
UNION ALL
SELECT 'AUSGABEN_OHNE_TEILNEHMENDE', p.ags, p.id, p.titel, p.traeger, p.ausgegeben, NULL, NULL, NULL, NULL, NULL
FROM projekt p
WHERE p.ausgegeben <> 0
  AND NOT EXISTS (SELECT 1 FROM aqb.teilnahme t WHERE t.projekt_id = p.id AND t.eintritt <= $4::date)

-- ABFLUSS_UNTER_ZEITANTEIL: a Kreis's spending lies more than $3 percentage points of its budget
-- below the pro-rata line (budget × elapsed share of the cohort's first calendar year):
--   ausgegeben / budget < vergangen / tage − $3 / 100, in exact NUMERIC arithmetic:
--   ausgegeben × 100 × tage < budget × (100 × vergangen − $3 × tage).
-- Only Kreise with a positive budget. betrag_1 = ausgegeben, betrag_2 = budget,
-- betrag_3 = the pro-rata line in cents (rounded half away from zero), anzahl = days elapsed,
-- datum_1 = the number of days of the year (as text).
UNION ALL
SELECT 'ABFLUSS_UNTER_ZEITANTEIL', b.ags, NULL, NULL, NULL, coalesce(s.ausgegeben, 0), b.budget,
       round(b.budget * zeit.vergangen / zeit.tage, 2), zeit.vergangen, zeit.tage::text, NULL
FROM budget b
CROSS JOIN zeit
LEFT JOIN (SELECT ags, sum(ausgegeben) AS ausgegeben FROM projekt GROUP BY ags) s ON s.ags = b.ags
WHERE b.budget > 0
  AND coalesce(s.ausgegeben, 0) * 100 * zeit.tage < b.budget * (100 * zeit.vergangen - $3::int * zeit.tage)

-- JAHR_OHNE_DATEN: neither a Zielvereinbarung nor a project for the year: the report is all
-- zeros, most likely the wrong year or the wrong database. One row for the Land.
UNION ALL
SELECT 'JAHR_OHNE_DATEN', '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
WHERE NOT EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.jahr = $1::int)
  AND NOT EXISTS (SELECT 1 FROM aqb.projekt p WHERE p.jahr = $1::int)

ORDER BY regel, ags, projekt_id;
