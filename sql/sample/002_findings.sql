-- Sample data, part 2: rows that trigger the findings (Auffälligkeiten, sql/report/findings.sql)
-- that 001_sample.sql does not already trigger, in the sample years at the demo's Stichtag
-- 2025-09-30. Loaded after 001 (scripts/demo and the tests load sql/sample/*.sql in name order).
-- Deterministic like 001: explicit ids, no random(), no now().
--
-- EVERYTHING HERE IS INVENTED, and the names say so: the two areas below do not exist (their
-- keys 06499 and 06699 are unused in Hessen), nor do their projects or Träger.
--
-- Which rows trigger which finding (AQB year 2025, Stichtag 2025-09-30, default margin 50):
--   from 001_sample.sql already
--     BEWILLIGT_UEBER_BUDGET      Groß-Gerau 2024 (21.749,40 € over), Fulda 2025
--     BUCHUNG_NACH_STICHTAG       both years (the cohorts' bookings of late 2025 and early 2026)
--     ABFLUSS_UNTER_ZEITANTEIL    2025: Odenwaldkreis, Landkreis Kassel (under 24,8 % of the budget spent)
--   from this file
--     KEINE_ZIELVEREINBARUNG      06499 Musterstadt, valid from 2025, no Zielvereinbarung 2025
--     ZIELVEREINBARUNG_GEBIET_UNGUELTIG  06699 Altkreis, valid until 2023, Zielvereinbarung 2025
--     BUDGET_NEGATIV              06699: 0 € agreed (so the agreed budgets still sum to 27.700.000 €
--                                 a year, as 001 says), cut by 10.000 € on 2025-06-30
--                                 (also BEWILLIGT_UEBER_BUDGET: 20.000 € approved against −10.000 €)
--     AUSGABE_VOR_BESCHEID        259901: 5.000 € booked 2025-04-30, Bescheid 2025-05-15
--                                 (the booking on 2025-05-15 itself is not early)
--     AUSGEGEBEN_UEBER_BEWILLIGT  259901: 22.000 € spent up to the Stichtag, 20.000 € approved
--     BUCHUNG_NACH_DATENSTAND     259901: 1.000 € booked on 2099-12-31
--     AUSGABEN_OHNE_TEILNEHMENDE  259901 and 259902: spending, no participation
--     AUSGABE_OHNE_BESCHEID       259902: 2.500 € booked 2025-07-01, no Bescheid
--     TEILNAHME_ENDE_VOR_BEGINN   250201 (Frankfurt am Main): one participation leaves 2025-02-14,
--                                 before it enters on 2025-03-01
--   JAHR_OHNE_DATEN needs a year without any data: run the report for 2023 (the demo does not).
--
-- Side effects on the report: 2025 gains the rows of 06499 (all empty) and 06699; Frankfurt am
-- Main 2025 one participation (SGB II, w); every report's header warns about the booking of 2099.

BEGIN;

INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk, gueltig_ab, gueltig_bis) VALUES
    ('06499', 'Musterstadt (erfunden)',       'kreisfreie Stadt', 'Darmstadt', '2025-01-01', NULL),
    ('06699', 'Altkreis Beispiel (erfunden)', 'Landkreis',        'Kassel',    NULL,         '2023-12-31');

INSERT INTO aqb.zielvereinbarung (ags, jahr, budget_eur, unterzeichnet_am) VALUES
    ('06699', 2025, 0.00, '2025-02-03');

INSERT INTO aqb.budget_aenderung (id, ags, jahr, wirksam_am, betrag_eur, grund) VALUES
    (9901, '06699', 2025, '2025-06-30', -10000.00, 'Kürzung (erfunden, größer als das Budget)');

INSERT INTO aqb.projekt (id, ags, jahr, massnahmenart, titel, traeger, bewilligt_eur, bescheid_am, foerderschwerpunkt) VALUES
    (259901, '06699', 2025, 'AQV', 'Werkstattjahr Beispiel (erfunden)', 'Beispielträger gGmbH (erfunden)', 20000.00, '2025-05-15', NULL),
    (259902, '06699', 2025, 'QAF', 'Sprachkurs Beispiel (erfunden)',    'Beispielträger gGmbH (erfunden)', 15000.00, NULL,         NULL);

INSERT INTO aqb.ausgabe (id, projekt_id, buchungstag, betrag_eur, verwendungszweck) VALUES
    (25990101, 259901, '2025-04-30',  5000.00, 'Abschlag vor dem Bescheid (erfunden)'),
    (25990102, 259901, '2025-05-15',  3000.00, 'Abschlag am Tag des Bescheids (erfunden)'),
    (25990103, 259901, '2025-08-29', 14000.00, 'Abschlag (erfunden)'),
    (25990104, 259901, '2099-12-31',  1000.00, 'Tippfehler im Buchungsjahr (erfunden)'),
    (25990201, 259902, '2025-07-01',  2500.00, 'Abschlag ohne Bescheid (erfunden)');

INSERT INTO aqb.teilnahme (id, projekt_id, rechtskreis, eintritt, austritt, geschlecht, schwerbehinderung) VALUES
    (25020199, 250201, 'SGB II', '2025-03-01', '2025-02-14', 'w', false);

COMMIT;
