-- The Rechtskreise, in the order every report lists them.
SELECT code, bezeichnung, sortierung FROM aqb.rechtskreis ORDER BY sortierung, code;
