-- The budget changes of AQB year $1 effective up to the Stichtag $2, with their reasons, for the
-- review of each Kreis (the sum of the same rows is budget_aenderungen_eur in kreise.csv).
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date).
SELECT c.ags::text, c.wirksam_am::text, c.betrag_eur, c.grund, c.id
FROM aqb.budget_aenderung c
WHERE c.jahr = $1::int AND c.wirksam_am <= $2::date
ORDER BY c.ags, c.wirksam_am, c.id;
