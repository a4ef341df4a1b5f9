-- The Förderschwerpunkte (earmarks), in the order every report lists them.
SELECT code, bezeichnung, sortierung FROM aqb.foerderschwerpunkt ORDER BY sortierung, code;
