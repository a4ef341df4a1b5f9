-- The Maßnahmenarten, in the order every report lists them.
SELECT code, bezeichnung, sortierung FROM aqb.massnahmenart ORDER BY sortierung, code;
