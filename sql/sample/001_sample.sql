-- Sample data for aqb-report: AQB years (cohorts) 2024 and 2025 for all 26 Gebietskörperschaften.
-- Applied after sql/schema/*.sql with `psql -X -v ON_ERROR_STOP=1 -f`. Deterministic: no random(),
-- no sequences, no now(); explicit ids; loading it twice into fresh databases gives identical data.
--
-- WHAT IS REAL AND WHAT IS INVENTED
-- Real figures (marked "REAL" next to the row below):
--   * Wetteraukreis (06440), AQB 2024: budget 1.140.300,00 €
--       source: Wetteraukreis press release 2024 (as cited in the project's domain notes, domain.md).
--   * Schwalm-Eder-Kreis (06634), AQB 2024: budget 742.927,00 € and its three projects
--       "discoverMINT" (Ausbildungsvorbereitung, AQV), "Help Point u27 - Jugendförderung Schwalm-Eder"
--       (Ausbildung und Ausbildungscoaching, AUS), "Arbeitsmarktcoaching Integration" (Qualifizierung, QAF)
--       source: Zielvereinbarung 2024 Schwalm-Eder-Kreis (seed copy: zielvereinbarung-2024-schwalm-eder-kreis.md).
--       INVENTED even there: the split of the 742.927 € over the three projects, their Träger, Bescheid
--       dates, all bookings and all participations.
-- EVERYTHING ELSE IS INVENTED: all other budgets (chosen so that each year sums to exactly
-- 27.700.000,00 €, the state total of 2023), all 2025 figures, signing dates, budget changes, all other
-- projects, titles, Träger names (any resemblance to real organisations is coincidental; no persons are
-- named), approved amounts, bookings (ausgabe) and participations (teilnahme).
--
-- Built-in features the report and its tests can rely on:
--   * Sum of bewilligt <= budget for most counties; ABOVE budget: Groß-Gerau (06433) 2024 and
--     Fulda (06631) 2025; Darmstadt-Dieburg (06432) 2025 after the cut of 2025-11-14.
--   * Stichtag-sensitive rows: Bescheide in autumn (2024-10/11, 2025-10-01, 2025-10-15, 2025-11-03),
--     Bescheide still missing (bescheid_am NULL, no bookings), budget changes effective after 2025-09-30,
--     bookings of the 2024 cohort in 2024, 2025 and early 2026, of the 2025 cohort up to 2025-11-30 and
--     in 2026-01/02.
--   * Negative bookings: Rückforderungen and Storno pairs. One project (241603) spends above its approval.
--   * Small counties (Odenwaldkreis 06437, Vogelsbergkreis 06535, Werra-Meißner-Kreis 06636) have 16-20
--     participations per year, so county x Rechtskreis / Geschlecht cells with counts 1 or 2 exist, e.g.
--     Odenwaldkreis 2024: SGB XII = 1, geschlecht 'd' = 2, AsylbLG = 0 (pinned). Larger counties have
--     such cells too (SGB XII, 'd', geschlecht NULL are rare everywhere).
--   * Escaping: project 242003 has '|', '*', '_', '[', ']', '&' in titel and traeger; project 250402 has
--     a Träger with '"' and ';'; project 241302 has traeger NULL.
--
-- Id scheme: projekt.id = YY CC KK (YY = AQB year - 2000, CC = county number 01..26 in AGS order,
-- KK = project number), e.g. 242401 = Schwalm-Eder-Kreis 2024, project 1. ausgabe.id and
-- teilnahme.id = projekt.id * 100 + running number.

BEGIN;

-- ---------------------------------------------------------------------------------------------
-- Zielvereinbarungen (52 rows). Sum per year: 27.700.000,00 €.
-- ---------------------------------------------------------------------------------------------
INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur, unterzeichnet_am) VALUES
    ('06411', 2024, 1068473.00, '2024-02-12'),
    ('06412', 2024, 2986500.00, '2024-01-29'),
    ('06413', 2024, 1094200.00, '2024-02-20'),
    ('06414', 2024, 2001700.00, '2024-02-05'),
    ('06431', 2024, 1134900.00, '2024-03-04'),
    ('06432', 2024, 1179600.00, '2024-02-26'),
    ('06433', 2024, 1208300.00, '2024-02-19'),
    ('06434', 2024,  704800.00, '2024-03-11'),
    ('06435', 2024, 1879500.00, '2024-02-08'),
    ('06436', 2024,  689700.00, '2024-03-18'),
    ('06437', 2024,  351800.00, '2024-03-25'),
    ('06438', 2024, 1399600.00, '2024-02-14'),
    ('06439', 2024,  611900.00, '2024-03-06'),
    ('06440', 2024, 1140300.00, '2024-02-22'),  -- REAL amount (Wetteraukreis press release 2024); date invented
    ('06531', 2024, 1259700.00, '2024-02-27'),
    ('06532', 2024, 1094800.00, '2024-03-01'),
    ('06533', 2024,  779600.00, '2024-03-13'),
    ('06534', 2024, 1004900.00, '2024-02-16'),
    ('06535', 2024,  368400.00, '2024-03-27'),
    ('06611', 2024, 1659800.00, '2024-02-01'),
    ('06631', 2024,  829700.00, '2024-03-07'),
    ('06632', 2024,  539600.00, '2024-03-20'),
    ('06633', 2024,  904700.00, '2024-02-29'),
    ('06634', 2024,  742927.00, NULL),          -- REAL amount (Zielvereinbarung 2024 Schwalm-Eder-Kreis, § 4); the published copy is undated
    ('06635', 2024,  609800.00, '2024-03-14'),
    ('06636', 2024,  454800.00, '2024-03-22'),
    ('06411', 2025, 1089800.00, '2025-02-10'),
    ('06412', 2025, 2890000.00, '2025-01-27'),
    ('06413', 2025, 1127000.00, '2025-02-18'),
    ('06414', 2025, 1996900.00, '2025-02-03'),
    ('06431', 2025, 1112200.00, '2025-03-03'),
    ('06432', 2025, 1203200.00, '2025-02-24'),
    ('06433', 2025, 1208300.00, '2025-02-17'),
    ('06434', 2025,  711800.00, NULL),          -- signature still outstanding (invented)
    ('06435', 2025, 1860000.00, '2025-02-06'),
    ('06436', 2025,  682800.00, '2025-03-17'),
    ('06437', 2025,  355300.00, '2025-03-24'),
    ('06438', 2025, 1400000.00, '2025-02-12'),
    ('06439', 2025,  599700.00, '2025-03-05'),
    ('06440', 2025, 1163100.00, '2025-02-20'),
    ('06531', 2025, 1272300.00, '2025-02-25'),
    ('06532', 2025, 1083900.00, '2025-02-28'),
    ('06533', 2025,  795200.00, '2025-03-12'),
    ('06534', 2025, 1014900.00, '2025-02-14'),
    ('06535', 2025,  357300.00, '2025-03-26'),
    ('06611', 2025, 1676400.00, '2025-01-30'),
    ('06631', 2025,  846300.00, '2025-03-06'),
    ('06632', 2025,  534200.00, '2025-03-19'),
    ('06633', 2025,  913700.00, '2025-02-27'),
    ('06634', 2025,  757800.00, '2025-03-10'),
    ('06635', 2025,  597600.00, '2025-03-13'),
    ('06636', 2025,  450300.00, '2025-03-21');

-- ---------------------------------------------------------------------------------------------
-- Projekte.
-- ---------------------------------------------------------------------------------------------
-- Schwalm-Eder-Kreis 2024: the three REAL projects of the Zielvereinbarung 2024 (titles and
-- Maßnahmenarten real). The split of the REAL 742.927 € over them is INVENTED, as are Träger and dates.
INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am, foerderschwerpunkt) VALUES
    (242401, '06634', 2024, 'AQV', 'discoverMINT',                                   'MINT-Lernwerkstatt Nordhessen e.V.',      238450.00, '2024-03-18', NULL),
    (242402, '06634', 2024, 'AUS', 'Help Point u27 - Jugendförderung Schwalm-Eder', 'Jugendförderung des Schwalm-Eder-Kreises', 296180.00, '2024-03-18', NULL),
    (242403, '06634', 2024, 'QAF', 'Arbeitsmarktcoaching Integration',               'Perspektive Arbeit Nordhessen gGmbH',     208297.00, '2024-04-02', NULL);

-- All other projects (INVENTED), generated from one parameter row per county:
--   n24/n25 = number of projects, f24/f25 = share of the budget that is approved (> 1: above budget).
-- Project k gets Maßnahmenart AQV, AUS, QAF, AUS, WBF, QAF (k = 1..6), so WBF only where n >= 5.
WITH county (cc, ags, n24, n25, f24, f25) AS (
    VALUES
        ( 1, '06411', 4, 4, 0.975, 0.962),
        ( 2, '06412', 6, 6, 0.991, 0.968),
        ( 3, '06413', 4, 5, 0.958, 0.980),
        ( 4, '06414', 5, 5, 0.984, 0.955),
        ( 5, '06431', 4, 4, 0.962, 0.947),
        ( 6, '06432', 4, 5, 0.979, 0.970),
        ( 7, '06433', 5, 4, 1.018, 0.958),   -- 2024 above budget (plausibility finding)
        ( 8, '06434', 3, 3, 0.944, 0.931),
        ( 9, '06435', 5, 6, 0.987, 0.976),
        (10, '06436', 3, 3, 0.953, 0.962),
        (11, '06437', 2, 3, 0.992, 0.985),
        (12, '06438', 4, 4, 0.969, 0.958),
        (13, '06439', 3, 3, 0.936, 0.949),
        (14, '06440', 4, 5, 0.996, 0.973),
        (15, '06531', 4, 4, 0.971, 0.966),
        (16, '06532', 4, 4, 0.982, 0.951),
        (17, '06533', 3, 4, 0.957, 0.968),
        (18, '06534', 4, 4, 0.977, 0.983),
        (19, '06535', 2, 2, 0.988, 0.994),
        (20, '06611', 5, 5, 0.993, 0.972),
        (21, '06631', 3, 4, 0.965, 1.011),   -- 2025 above budget (plausibility finding)
        (22, '06632', 3, 3, 0.948, 0.957),
        (23, '06633', 4, 4, 0.981, 0.969),
        (24, '06634', 3, 3, 1.000, 0.978),   -- 2024 rows are the real ones above, not generated
        (25, '06635', 3, 3, 0.959, 0.944),
        (26, '06636', 2, 3, 0.990, 0.976)
),
template (massnahmenart, t, titel, foerderschwerpunkt) AS (
    VALUES
        ('AQV', 0, 'Praxisklasse Berufsorientierung', NULL),
        ('AQV', 1, 'Jugendwerkstatt Ausbildungsvorbereitung', NULL),
        ('AQV', 2, 'Gesund in Ausbildung – Aktivierung junger Erwachsener', NULL),
        ('AQV', 3, 'Berufseinstieg mit Sprache', 'Sprachförderung'),
        ('AUS', 0, 'Ausbildungscoaching', NULL),
        ('AUS', 1, 'Teilzeitausbildung für Eltern und Pflegende', 'Teilzeitausbildung'),
        ('AUS', 2, 'Verbundausbildung Handwerk', NULL),
        ('AUS', 3, 'Ausbildungsbegleitung Pflege und Gesundheit', NULL),
        ('QAF', 0, 'Teilqualifizierung Lager und Logistik', NULL),
        ('QAF', 1, 'Berufsbezogene Sprachförderung B1/B2', 'Sprachförderung'),
        ('QAF', 2, 'Qualifizierung Pflegehilfe', NULL),
        ('QAF', 3, 'Fachkräftesicherung Kinderbetreuung', NULL),
        ('WBF', 0, 'Fortbildung Fallmanagement rechtskreisübergreifend', NULL),
        ('WBF', 1, 'Wissenschaftliche Begleitung der regionalen Ausbildungsstrategie', NULL),
        ('WBF', 2, 'Schulung Jugendberufsagentur – Beratung im Team', NULL),
        ('WBF', 3, 'Qualifizierung Integrationsfachkräfte', NULL)
),
traeger (t, name) AS (
    VALUES
        ( 0, 'Bildungswerk Mittelhessen e.V.'),
        ( 1, 'Jugendberufshilfe Rhein-Main gGmbH'),
        ( 2, 'Qualifizierungsgesellschaft Nordhessen mbH'),
        ( 3, 'Werkstatt für Ausbildung und Arbeit e.V.'),
        ( 4, 'Ausbildungsverbund Südhessen e.V.'),
        ( 5, 'Integrationswerk Lahn gGmbH'),
        ( 6, 'Lernwerkstatt Kinzigtal e.V.'),
        ( 7, 'Bildungsakademie Taunus GmbH'),
        ( 8, 'Jugendhilfeverbund Mittelhessen e.V.'),
        ( 9, 'Sprachbrücke Hessen e.V.'),
        (10, 'Berufsförderungswerk Wetterau-Vogelsberg gGmbH'),
        (11, 'Pflegeschulverbund Osthessen e.V.'),
        (12, 'Handwerksbildungszentrum Bergstraße-Odenwald e.V.'),
        (13, 'Institut für Arbeitsmarktforschung und Beratung GmbH'),
        (14, 'Neue Wege Beschäftigungsgesellschaft mbH'),
        (15, 'Familienbildung und Teilzeit e.V.')
),
generated AS (
    SELECT c.ags, y.jahr, k,
           (y.jahr - 2000) * 10000 + c.cc * 100 + k AS id,
           (ARRAY['AQV', 'AUS', 'QAF', 'AUS', 'WBF', 'QAF'])[k] AS massnahmenart,
           (c.cc + k + y.jahr) % 4 AS t,
           (c.cc * 3 + k * 5 + y.jahr) % 16 AS tt,
           c.cc, y.f,
           -- weight of the project within its county and year, with a deterministic jitter
           (CASE (ARRAY['AQV', 'AUS', 'QAF', 'AUS', 'WBF', 'QAF'])[k]
                 WHEN 'AQV' THEN 1.00 WHEN 'AUS' THEN 1.35 WHEN 'QAF' THEN 1.10 ELSE 0.30 END)
             * (0.85 + ((c.cc * 7 + k * 5 + y.jahr) % 7) * 0.05) AS w
      FROM county c
     CROSS JOIN LATERAL (VALUES (2024, c.n24, c.f24), (2025, c.n25, c.f25)) AS y (jahr, n, f)
     CROSS JOIN LATERAL generate_series(1, y.n) AS k
     WHERE NOT (c.ags = '06634' AND y.jahr = 2024)
)
INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am, foerderschwerpunkt)
SELECT g.id, g.ags, g.jahr, g.massnahmenart,
       tp.titel || ' ' || CASE g.ags WHEN '06633' THEN 'Landkreis Kassel' WHEN '06438' THEN 'Kreis Offenbach' ELSE gk.name END,
       tr.name,
       round(zv.budget_eur * g.f * g.w / sum(g.w) OVER (PARTITION BY g.ags, g.jahr), 2),
       make_date(g.jahr, 2 + (g.cc + g.k) % 4, 1 + (g.cc * 5 + g.k * 11) % 28),
       tp.foerderschwerpunkt
  FROM generated g
  JOIN template tp ON tp.massnahmenart = g.massnahmenart AND tp.t = g.t
  JOIN traeger tr ON tr.t = g.tt
  JOIN aqb.zielvereinbarung zv ON zv.ags = g.ags AND zv.jahr = g.jahr
  JOIN aqb.gebietskoerperschaft gk ON gk.ags = g.ags
 ORDER BY g.id;

-- Bescheide late in the year or still missing, so that the Stichtag matters.
UPDATE aqb.projekt SET bescheid_am = '2024-11-18' WHERE id = 240104;   -- Darmstadt 2024
UPDATE aqb.projekt SET bescheid_am = '2024-10-21' WHERE id = 240705;   -- Groß-Gerau 2024 (WBF)
UPDATE aqb.projekt SET bescheid_am = '2025-10-15' WHERE id = 250205;   -- Frankfurt 2025 (WBF)
UPDATE aqb.projekt SET bescheid_am = '2025-11-03' WHERE id = 250904;   -- Main-Kinzig-Kreis 2025
UPDATE aqb.projekt SET bescheid_am = '2025-10-15' WHERE id = 251704;   -- Limburg-Weilburg 2025
UPDATE aqb.projekt SET bescheid_am = '2025-10-01' WHERE id = 251103;   -- Odenwaldkreis 2025
UPDATE aqb.projekt SET bescheid_am = NULL WHERE id IN (
    250605,   -- Darmstadt-Dieburg 2025 (WBF): Bescheid outstanding, see budget cut 2025-11-14
    251405,   -- Wetteraukreis 2025 (WBF)
    252301    -- Landkreis Kassel 2025
);

-- Names for escaping tests (Markdown pipe and emphasis, CSV quote and semicolon), and one unknown Träger.
UPDATE aqb.projekt
   SET titel = 'Jugendwerkstatt | Holz & Metall *Nord* [Stufe_2]',
       traeger = 'Träger *Nord* gGmbH | Jugendhilfe_Verbund'
 WHERE id = 242003;
UPDATE aqb.projekt SET traeger = 'Verein "Arbeit; Zukunft" e.V.' WHERE id = 250402;
UPDATE aqb.projekt SET traeger = NULL WHERE id = 241302;

-- ---------------------------------------------------------------------------------------------
-- Budget changes (INVENTED). Positive: increase, negative: cut.
-- ---------------------------------------------------------------------------------------------
INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur, grund) VALUES
    ( 1, '06437', 2024, '2024-06-14',  12500.00, 'Aufstockung aus nicht gebundenen Landesmitteln (Teilzeitausbildung)'),
    ( 2, '06412', 2024, '2024-09-02', -25000.00, 'Kürzung: Projektstart verschoben, Mittel an das Land zurückgegeben'),
    ( 3, '06533', 2024, '2024-11-20',  18750.00, 'Umschichtung von Restmitteln nach der Umsetzungsbesprechung im Herbst'),
    ( 4, '06414', 2025, '2025-03-17',  30000.00, 'Zusätzliche Landesmittel für Sprachförderung'),
    ( 5, '06440', 2025, '2025-05-12',  -8150.50, 'Rückgabe nicht benötigter Mittel für einen Sprachkurs'),
    ( 6, '06531', 2025, '2025-07-01', -22400.00, 'Kürzung wegen geringerer Teilnehmendenzahl'),
    ( 7, '06636', 2025, '2025-10-08',   9800.00, 'Aufstockung nach der Umsetzungsbesprechung im Herbst'),
    ( 8, '06611', 2025, '2025-10-27',  25000.00, 'Aufstockung Teilzeitausbildung (Sondermittel)'),
    ( 9, '06432', 2025, '2025-11-14', -40000.00, 'Kürzung: Weiterbildung des Fachpersonals entfällt');

-- ---------------------------------------------------------------------------------------------
-- Ausgaben (INVENTED), only for projects with a Bescheid. Monthly instalments from the month after
-- the Bescheid: a Personalkosten booking every month (some months skipped), a Sachkosten booking in
-- every third month. 2024 cohort: up to 2025-12, some in 2026-01. 2025 cohort: up to 2025-11, some in
-- 2026-01/02. The project's total is a share of bewilligt that depends on cohort and Maßnahmenart
-- (apprenticeships run three years, so AUS spends slowest); the instalments split it by weights.
-- ---------------------------------------------------------------------------------------------
WITH p AS (
    SELECT id, jahr, bewilligt_eur, bescheid_am,
           CASE WHEN id = 241603 THEN 1.035   -- spends above its approval (plausibility finding)
                ELSE (CASE WHEN jahr = 2024
                           THEN CASE massnahmenart WHEN 'AQV' THEN 0.96 WHEN 'AUS' THEN 0.74
                                                   WHEN 'QAF' THEN 0.93 ELSE 0.88 END
                           ELSE CASE massnahmenart WHEN 'AQV' THEN 0.58 WHEN 'AUS' THEN 0.36
                                                   WHEN 'QAF' THEN 0.52 ELSE 0.45 END
                      END) + (id % 9 - 4) * 0.01
           END AS anteil
      FROM aqb.projekt
     WHERE bescheid_am IS NOT NULL
),
m AS (
    SELECT p.*, mon::date AS mon,
           row_number() OVER (PARTITION BY p.id ORDER BY mon) AS mi
      FROM p
     CROSS JOIN LATERAL generate_series(date_trunc('month', p.bescheid_am + 14), timestamp '2026-02-01',
                                        interval '1 month') AS mon
),
kept AS (
    SELECT *
      FROM m
     WHERE (mi = 1 OR (id + mi) % 7 <> 3)
       AND CASE WHEN jahr = 2024 THEN mon <= date '2025-12-01' OR (mon = date '2026-01-01' AND id % 5 = 0)
                ELSE mon <= date '2025-11-01' OR (mon >= date '2026-01-01' AND id % 3 = 0)
           END
),
b AS (
    SELECT kept.*, kind,
           greatest(bescheid_am + 7, mon + ((id * 7 + mi * 3 + kind * 11) % 28)::int) AS buchungstag,
           (0.6 + ((id * 13 + mi * 29 + kind * 7) % 80) / 100.0) * CASE kind WHEN 2 THEN 0.3 ELSE 1 END AS w
      FROM kept
     CROSS JOIN LATERAL (VALUES (1), (2)) AS kinds (kind)
     WHERE kind = 1 OR (id + mi) % 3 = 0
)
INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck)
SELECT id * 100 + row_number() OVER (PARTITION BY id ORDER BY buchungstag, kind),
       id,
       buchungstag,
       round(bewilligt_eur * anteil * w / sum(w) OVER (PARTITION BY id), 2),
       CASE WHEN (id + mi) % 23 = 0 THEN NULL
            ELSE 'Abschlag ' || to_char(mon, 'MM/YYYY') || CASE kind WHEN 1 THEN ' Personalkosten' ELSE ' Sachkosten' END
       END
  FROM b
 ORDER BY id, buchungstag, kind;

-- Rückforderungen after interim proofs of use (negative amounts).
INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck)
SELECT id * 100 + 91, id,
       CASE WHEN jahr = 2024 THEN make_date(2025, (3 + id % 8)::int, (10 + id % 15)::int)
            ELSE make_date(2025, (10 + id % 2)::int, (5 + id % 20)::int) END,
       -round(bewilligt_eur * (0.004 + (id % 5) * 0.003) + (id % 97) / 100.0, 2),
       'Rückforderung Überzahlung (Zwischennachweis)'
  FROM aqb.projekt
 WHERE bescheid_am IS NOT NULL
   AND bescheid_am < date '2025-09-01'
   AND ((jahr = 2024 AND id % 7 = 2) OR (jahr = 2025 AND id % 11 = 5))
 ORDER BY id;

-- Storno pairs: an instalment booked twice and reversed three days later.
INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck)
SELECT a.projekt_id * 100 + 92 + s.n, a.projekt_id, a.buchungstag + s.n * 3, s.sign * a.betrag_eur,
       CASE s.n WHEN 0 THEN a.verwendungszweck || ' (Doppelbuchung)' ELSE 'Storno Doppelbuchung' END
  FROM aqb.ausgabe a
  JOIN aqb.projekt p ON p.id = a.projekt_id
 CROSS JOIN (VALUES (0, 1), (1, -1)) AS s (n, sign)
 WHERE a.id = p.id * 100 + 3
   AND p.id % 13 = 4
 ORDER BY 1;

-- ---------------------------------------------------------------------------------------------
-- Teilnahmen (INVENTED). 5..60 per project, roughly bewilligt / cost per place; the three small
-- counties have fewer places (cost x 2.5), so some county cells have counts 1 or 2.
-- Rechtskreis mix: SGB II 44 %, SGB III 20 %, SGB VIII 14 %, AsylbLG 11 %, ohne 8 %, SGB XII 3 %.
-- WBF participants are staff: recorded with the Rechtskreis of the group they work with, or 'ohne'.
-- ---------------------------------------------------------------------------------------------
WITH p AS (
    SELECT id, jahr, massnahmenart,
           least(60, greatest(5, round(bewilligt_eur
                 / (CASE massnahmenart WHEN 'AQV' THEN 7200 WHEN 'AUS' THEN 10500 WHEN 'QAF' THEN 8300 ELSE 3900 END
                    * CASE WHEN ags IN ('06437', '06535', '06636') THEN 2.5 ELSE 1 END))))::int AS n
      FROM aqb.projekt
),
t AS (
    SELECT p.id, p.jahr, p.massnahmenart, i,
           -- three independent pseudo-random numbers 0..99 from the row's id (linear congruential
           -- generators with different multipliers, upper bits taken)
           (((p.id * 100 + i) * 1103515245 + 12345) % 2147483648) / 65536 % 100 AS hr,
           (((p.id * 100 + i) * 22695477 + 1) % 2147483648) / 65536 % 100 AS hg,
           (((p.id * 100 + i) * 134775813 + 1) % 2147483648) / 65536 % 100 AS hs,
           CASE p.massnahmenart
                WHEN 'AUS' THEN CASE WHEN i % 3 <> 0 THEN make_date(p.jahr, 8 + i % 2, 1)
                                     ELSE make_date(p.jahr, 1, 1) + ((p.id * 7 + i * 29) % 300)::int END
                WHEN 'QAF' THEN make_date(p.jahr, 1, 15) + ((p.id * 11 + i * 31) % 290)::int
                WHEN 'WBF' THEN make_date(p.jahr, 2, 1) + ((p.id * 5 + i * 17) % 270)::int
                ELSE make_date(p.jahr, 1, 1) + ((p.id * 7 + i * 29) % 300)::int
           END AS eintritt
      FROM p
     CROSS JOIN LATERAL generate_series(1, p.n) AS i
),
a AS (
    SELECT t.*,
           CASE massnahmenart
                WHEN 'AQV' THEN CASE WHEN i % 4 <> 0 THEN eintritt + 90 + (i * 37) % 240 END
                WHEN 'AUS' THEN CASE WHEN i % 7 = 3 THEN eintritt + 60 + (i * 23) % 300 END
                WHEN 'QAF' THEN CASE WHEN i % 3 <> 0 THEN eintritt + 120 + (i * 31) % 200 END
                ELSE eintritt + 1 + i % 20
           END AS austritt_geplant
      FROM t
)
INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht, schwerbehinderung)
SELECT id * 100 + i,
       id,
       CASE WHEN massnahmenart = 'WBF'
            THEN CASE WHEN hr < 45 THEN 'SGB II' WHEN hr < 65 THEN 'SGB III' WHEN hr < 75 THEN 'SGB VIII' ELSE 'ohne' END
            ELSE CASE WHEN hr < 44 THEN 'SGB II' WHEN hr < 64 THEN 'SGB III' WHEN hr < 78 THEN 'SGB VIII'
                      WHEN hr < 89 THEN 'AsylbLG' WHEN hr < 97 THEN 'ohne' ELSE 'SGB XII' END
       END,
       eintritt,
       CASE WHEN austritt_geplant <= date '2026-02-27' THEN austritt_geplant END,
       CASE WHEN massnahmenart = 'WBF'
            THEN CASE WHEN hg < 68 THEN 'w' WHEN hg < 98 THEN 'm' END
            ELSE CASE WHEN hg < 47 THEN 'w' WHEN hg < 96 THEN 'm' WHEN hg < 97 THEN 'd' END
       END,
       CASE WHEN hs < 5 THEN true WHEN hs < 88 THEN false END
  FROM a
 ORDER BY id, i;

-- Pinned small cells in the Odenwaldkreis 2024 (the generator leaves the others as they fall):
-- exactly 1 SGB XII participation, 2 with geschlecht 'd', and no AsylbLG participation (an empty cell).
UPDATE aqb.teilnahme SET rechtskreis = 'SGB XII' WHERE id = 24110106;
UPDATE aqb.teilnahme SET geschlecht = 'd' WHERE id = 24110207;

-- Planned places (INVENTED): about the participations the project has by the end of the data,
-- some planned higher (entries behind plan), some lower (over-booked); the WBF projects of 2024
-- and a few others leave the field empty, as older records do.
UPDATE aqb.projekt p
   SET plaetze_geplant = greatest(1, round(t.n * (0.85 + (p.id % 7) * 0.07)))::int
  FROM (SELECT projekt_id, count(*) AS n FROM aqb.teilnahme GROUP BY projekt_id) t
 WHERE t.projekt_id = p.id
   AND NOT (p.jahr = 2024 AND p.massnahmenart = 'WBF')
   AND p.id % 17 <> 0;

COMMIT;
