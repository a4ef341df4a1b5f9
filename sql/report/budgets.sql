-- Budget per Zielvereinbarung of AQB year $1: the agreed amount, the sum of its changes effective
-- on or before the Stichtag $2, and how many changes that sum holds (for the manifest).
-- Parameters: $1 = AQB year (int), $2 = Stichtag (date).
SELECT z.ags::text,
       z.budget_eur,
       coalesce(sum(b.betrag_eur), 0) AS budget_aenderungen_eur,
       count(b.id) AS aenderungen
FROM aqb.zielvereinbarung z
LEFT JOIN aqb.budget_aenderung b
       ON b.ags = z.ags AND b.jahr = z.jahr AND b.wirksam_am <= $2::date
WHERE z.jahr = $1::int
GROUP BY z.ags, z.budget_eur
ORDER BY z.ags;
