-- `aqb-report check`, second part (only when all tables exist): schema version and reference rows.
SELECT 'schema version', (SELECT max(version) FROM aqb.schema_version) = $1::int,
       coalesce((SELECT max(version) FROM aqb.schema_version)::text, 'none') || ' (this tool expects ' || $1::text || ')'
UNION ALL
SELECT 'reference rows aqb.gebietskoerperschaft', count(*) > 0, count(*)::text || ' rows' FROM aqb.gebietskoerperschaft
UNION ALL
SELECT 'reference rows aqb.massnahmenart', count(*) > 0, count(*)::text || ' rows: ' || coalesce(string_agg(code, ', ' ORDER BY sortierung), '') FROM aqb.massnahmenart
UNION ALL
SELECT 'reference rows aqb.rechtskreis', count(*) > 0, count(*)::text || ' rows: ' || coalesce(string_agg(code, ', ' ORDER BY sortierung), '') FROM aqb.rechtskreis
UNION ALL
SELECT 'Zielvereinbarungen', true, coalesce(string_agg(n::text || ' for ' || jahr::text, ', ' ORDER BY jahr), 'none yet')
FROM (SELECT jahr, count(*) AS n FROM aqb.zielvereinbarung GROUP BY jahr) z;
-- The newest booking is not read here: `check` takes it from snapshot.sql, as the report does, so
-- a booking dated 2099 is a warning there and not "ok newest booking".
