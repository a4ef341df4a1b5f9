-- A small data set whose every figure is worked out by hand in ReportFiguresTests.
-- Stichtag of the main check: 2024-09-30; second check: 2025-06-30.

-- An old Kreis that ended before 2024 (not in the 2024 report) and a new one valid only from 2026
-- that still has a Zielvereinbarung for 2024 (in the report).
INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis) VALUES
    ('06999', 'Altkreis', 'Landkreis', 'Darmstadt', NULL, '2023-12-31'),
    ('06998', 'Neustadt', 'kreisfreie Stadt', 'Darmstadt', '2026-01-01', NULL);

INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur) VALUES
    ('06411', 2023, 999.00),
    ('06411', 2024, 1000.00),
    ('06412', 2024, 0.00),
    ('06634', 2024, 500.00),
    ('06998', 2024, 10.00);

INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur, grund) VALUES
    (1, '06411', 2024, '2024-03-01', 100.00, 'Erhöhung'),
    (2, '06411', 2024, '2024-12-01', -50.00, 'Kürzung nach dem Stichtag'),
    (3, '06411', 2023, '2024-01-01', 77.00, 'anderes Jahr');

INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am) VALUES
    (1, '06411', 2024, 'AQV', 'P1', 'T', 600.00, '2024-02-01'),
    (2, '06411', 2024, 'AUS', 'P2 | mit *Sternen*', NULL, 300.00, '2024-10-15'),
    (3, '06634', 2024, 'QAF', 'P3', NULL, 400.00, NULL),
    (4, '06634', 2024, 'WBF', 'P4', NULL, 50.00, '2024-01-01'),
    (5, '06412', 2024, 'AQV', 'P5', NULL, 0.00, NULL),
    (6, '06411', 2023, 'AQV', 'P6 anderes Jahr', NULL, 999.00, '2023-02-01');

INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur) VALUES
    (1, 1, '2024-03-01', 100.00),
    (2, 1, '2024-09-30', 50.01),
    (3, 1, '2024-10-01', 20.00),
    (4, 1, '2024-05-01', -0.01),
    (5, 1, '2025-01-15', 7.00),
    (6, 2, '2024-06-01', 33.33),
    (7, 3, '2024-01-10', 10.00),
    (8, 4, '2024-04-01', -5.00),
    (9, 6, '2024-02-01', 500.00);

INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht) VALUES
    (1, 1, 'SGB II', '2024-02-01', NULL, 'w'),
    (2, 1, 'SGB II', '2024-02-01', '2024-03-01', 'w'),
    (3, 1, 'SGB III', '2024-09-30', NULL, 'm'),
    (4, 1, 'ohne', '2024-10-01', NULL, NULL),
    (5, 3, 'SGB II', '2024-01-10', NULL, 'd'),
    (6, 3, 'SGB VIII', '2024-01-10', NULL, 'w'),
    (7, 3, 'AsylbLG', '2024-01-10', NULL, 'm'),
    (8, 4, 'SGB II', '2024-01-10', NULL, 'w'),
    (9, 4, 'SGB III', '2024-01-10', NULL, 'm'),
    (10, 4, 'SGB III', '2024-01-10', NULL, 'm'),
    (11, 6, 'SGB II', '2023-05-01', NULL, 'w');

-- The autumn review's fields (schema 005): disability (ids 3, 7, 10 stay unknown), planned
-- places (P1 and P3 only), one earmark.
UPDATE aqb.teilnahme SET schwerbehinderung = true WHERE id IN (1, 4, 6, 11);
UPDATE aqb.teilnahme SET schwerbehinderung = false WHERE id IN (2, 5, 8, 9);
UPDATE aqb.projekt SET plaetze_geplant = 4 WHERE id = 1;
UPDATE aqb.projekt SET plaetze_geplant = 2, foerderschwerpunkt = 'Sprachförderung' WHERE id = 3;
