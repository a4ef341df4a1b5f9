-- Only on error: the first participation of project $1 whose Rechtskreis $2 is missing from
-- aqb.rechtskreis, so the message can name its id.
SELECT t.id FROM aqb.teilnahme t WHERE t.projekt_id = $1::bigint AND t.rechtskreis = $2::text ORDER BY t.id LIMIT 1;
