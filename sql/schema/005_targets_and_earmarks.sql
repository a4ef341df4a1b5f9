-- Schema version 2: what the autumn review judges a Kreis against.
--
-- projekt.plaetze_geplant: the places a project planned (its target). Nullable: older projects
--   and other systems that do not know it leave it empty, and the report shows "–" there.
-- aqb.foerderschwerpunkt: the earmarks (Förderschwerpunkte) with their display order, so the
--   report lists them from data rather than from code. projekt.foerderschwerpunkt keeps its CHECK
--   (the contract with the writing systems); a code added there must also be added here, and the
--   report names a project whose code is missing from this table.
ALTER TABLE aqb.projekt ADD COLUMN IF NOT EXISTS plaetze_geplant int NULL CHECK (plaetze_geplant >= 0);

CREATE TABLE IF NOT EXISTS aqb.foerderschwerpunkt (
    code        text PRIMARY KEY,
    bezeichnung text NOT NULL,
    sortierung  int  NOT NULL
);
INSERT INTO aqb.foerderschwerpunkt (code, bezeichnung, sortierung) VALUES
    ('Teilzeitausbildung', 'Teilzeitausbildung (Ausbildung für Menschen mit Familien- oder Pflegeaufgaben)', 1),
    ('Sprachförderung',    'Sprachförderung', 2)
ON CONFLICT (code) DO NOTHING;

-- The report now also counts participations with a disability and those still active on the
-- Stichtag; the covering index carries those columns so the per-project counts stay index-only.
DROP INDEX IF EXISTS aqb.teilnahme_projekt_idx;
CREATE INDEX teilnahme_projekt_idx ON aqb.teilnahme (projekt_id, eintritt)
    INCLUDE (rechtskreis, geschlecht, schwerbehinderung, austritt);

INSERT INTO aqb.schema_version (version) VALUES (2);
