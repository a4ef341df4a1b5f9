-- The Kreise of AQB year $1: every Gebietskörperschaft valid on any day of the year
-- (gueltig_ab/gueltig_bis, NULL = unbounded), plus any other that has a Zielvereinbarung for it.
-- Parameters: $1 = AQB year (int).
SELECT g.ags::text, g.name, g.art, g.regierungsbezirk
FROM aqb.gebietskoerperschaft g
WHERE (
        (g.gueltig_ab IS NULL OR g.gueltig_ab <= make_date($1::int, 12, 31))
    AND (g.gueltig_bis IS NULL OR g.gueltig_bis >= make_date($1::int, 1, 1))
   )
   OR EXISTS (SELECT 1 FROM aqb.zielvereinbarung z WHERE z.ags = g.ags AND z.jahr = $1::int)
ORDER BY g.ags;
