-- Added to the sample data by the tests of the previous-year comparison (VorjahrVergleichTests,
-- BerichtsVeraenderungenTests). Invented.
--
-- 06499 Neustadt: a kreisfreie Stadt valid only from 2025 (like Hanau since 2026), so it is a
--   Kreis of AQB year 2025 and not of 2024: not comparable, and neither are Darmstadt and Hessen.
-- 06639 Kleinkreis: in both years, with one or two participations: its counts are suppressed.
-- The sample's invented areas of the findings (sql/sample/002_findings.sql) would make Kassel and
-- Hessen not comparable as well; these tests bring their own such area, so those go first.
DELETE FROM aqb.teilnahme WHERE projekt_id IN (SELECT id FROM aqb.projekt WHERE ags IN ('06499', '06699'));
DELETE FROM aqb.ausgabe WHERE projekt_id IN (SELECT id FROM aqb.projekt WHERE ags IN ('06499', '06699'));
DELETE FROM aqb.projekt WHERE ags IN ('06499', '06699');
DELETE FROM aqb.budget_aenderung WHERE ags IN ('06499', '06699');
DELETE FROM aqb.zielvereinbarung WHERE ags IN ('06499', '06699');
DELETE FROM aqb.gebietskoerperschaft WHERE ags IN ('06499', '06699');
INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis) VALUES
    ('06499', 'Neustadt', 'kreisfreie Stadt', 'Darmstadt', '2025-01-01', NULL),
    ('06639', 'Kleinkreis', 'Landkreis', 'Kassel', NULL, NULL);
INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur, unterzeichnet_am) VALUES
    ('06499', 2025, 100000.00, '2025-02-01'),
    ('06639', 2024, 50000.00, '2024-02-01'),
    ('06639', 2025, 52000.00, '2025-02-01');
INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am) VALUES
    (990001, '06639', 2024, 'AQV', 'Klein 2024', 'Träger K', 40000.00, '2024-03-01'),
    (990002, '06639', 2025, 'AQV', 'Klein 2025', 'Träger K', 41000.00, '2025-03-01'),
    (990003, '06499', 2025, 'QAF', 'Neu 2025', 'Träger N', 90000.00, '2025-03-01');
INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck) VALUES
    (99000101, 990001, '2024-05-02', 1000.10, NULL),
    (99000201, 990002, '2025-05-02', 2000.20, NULL),
    (99000202, 990002, '2025-08-15', 500.05, NULL),
    (99000301, 990003, '2025-05-02', 3000.30, NULL);
INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht, schwerbehinderung) VALUES
    (99000101, 990001, 'SGB II', '2024-04-01', NULL, 'w', NULL),
    (99000201, 990002, 'SGB II', '2025-04-01', NULL, 'm', NULL),
    (99000202, 990002, 'SGB III', '2025-08-01', NULL, 'w', NULL);
INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht, schwerbehinderung)
SELECT 99000300 + i, 990003, 'SGB III', '2025-04-01', NULL, CASE WHEN i % 2 = 0 THEN 'w' ELSE 'm' END, NULL
FROM generate_series(1, 12) AS i;
