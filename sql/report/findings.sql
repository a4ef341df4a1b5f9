-- Findings (Auffälligkeiten) of AQB year $1 at Stichtag $2 that read no booking and no
-- participation: one UNION ALL branch per rule, each row one finding. The codes, severities and
-- German texts are in Sources/AQBReport/Findings/ (FindingRule); the Swift side builds each
-- description from the row's values.
--
-- The rules on bookings and participations (BEWILLIGT_UEBER_BUDGET, AUSGEGEBEN_UEBER_BEWILLIGT,
-- AUSGABE_OHNE_BESCHEID, AUSGABE_VOR_BESCHEID, TEILNAHME_ENDE_VOR_BEGINN, BUCHUNG_NACH_STICHTAG,
-- BUCHUNG_NACH_DATENSTAND, AUSGABEN_OHNE_TEILNEHMENDE, ABFLUSS_UNTER_ZEITANTEIL) take their sums
-- from the report's own scan in projects.sql (its columns after haushaltsjahre) and are decided
-- in FindingChecks (Sources/AQBReport/Findings/FindingChecks.swift), so the bookings are read
-- once per report, not twice (issue 19). Money is counted exactly as the report counts it:
--   budget     = agreed amount + changes effective on or before the Stichtag
--   bewilligt  = the approved amount if the Bescheid is dated on or before the Stichtag, else 0
--   ausgegeben = all bookings dated on or before the Stichtag, whatever calendar year
--   counted participations = eintritt on or before the counting day
-- current_date is the snapshot's day (the transaction's start, in the session's zone).
--
-- Columns (NULL where a rule has no use for them; each branch says what it puts where):
--   regel text, ags text ('' for the whole Land), projekt_id bigint, titel text, traeger text,
--   betrag_1 numeric, betrag_2 numeric, betrag_3 numeric, anzahl bigint, datum_1 text, datum_2 text.
-- No column holds a count of participations: findings must not reveal counts of people.
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date).
WITH budget AS (
    SELECT z.ags::text AS ags, z.budget_eur AS vereinbart,
           z.budget_eur + coalesce(sum(b.betrag_eur), 0) AS budget,
           coalesce(sum(b.betrag_eur), 0) AS aenderungen
    FROM aqb.zielvereinbarung z
    LEFT JOIN aqb.budget_aenderung b
           ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= $2::date
    WHERE z.jahr = $1::int
    GROUP BY z.ags, z.budget_eur
)

-- KEINE_ZIELVEREINBARUNG: a Gebietskörperschaft valid on some day of the year has no
-- Zielvereinbarung for it. Not raised when the year has none at all (JAHR_OHNE_DATEN says that).
-- titel = the area's name.
SELECT 'KEINE_ZIELVEREINBARUNG' AS regel, g.ags::text AS ags, NULL::bigint AS projekt_id, g.name AS titel,
       NULL::text AS traeger, NULL::numeric AS betrag_1, NULL::numeric AS betrag_2, NULL::numeric AS betrag_3,
       NULL::bigint AS anzahl, NULL::text AS datum_1, NULL::text AS datum_2
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

-- BUDGET_NEGATIV: changes up to the Stichtag cut the budget below zero.
-- betrag_1 = budget, betrag_2 = agreed amount, betrag_3 = the changes.
UNION ALL
SELECT 'BUDGET_NEGATIV', b.ags, NULL, NULL, NULL, b.budget, b.vereinbart, b.aenderungen, NULL, NULL, NULL
FROM budget b
WHERE b.budget < 0

-- JAHR_OHNE_DATEN: neither a Zielvereinbarung nor a project for the year: the report is all
-- zeros, most likely the wrong year or the wrong database. One row for the Land.
UNION ALL
SELECT 'JAHR_OHNE_DATEN', '', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
WHERE NOT EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.jahr = $1::int)
  AND NOT EXISTS (SELECT 1 FROM aqb.projekt p WHERE p.jahr = $1::int)

ORDER BY regel, ags, projekt_id;
