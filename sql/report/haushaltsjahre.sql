-- Spending of the cohort of AQB year $1 up to the Stichtag $2 per Kreis and calendar year of the
-- booking (Haushaltsjahr): the budget office's view beside the cohort view. Per Kreis the rows
-- add up to ausgegeben_eur of kreise.csv.
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date).
-- A booking dated -infinity has no calendar year: its row has haushaltsjahr NULL.
SELECT p.ags::text,
       CASE WHEN isfinite(b.buchungstag) THEN extract(year FROM b.buchungstag)::int8 END AS haushaltsjahr,
       sum(b.betrag_eur) AS ausgegeben_eur
FROM aqb.projekt p
JOIN aqb.ausgabe b ON b.projekt_id = p.id
WHERE p.jahr = $1::int AND b.buchungstag <= $2::date
GROUP BY 1, 2
ORDER BY 1, 2;
