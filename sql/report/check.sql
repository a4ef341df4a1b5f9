-- `aqb-report check`: what an operator setting up the job needs to know, in one query.
-- One row per item: what is checked, whether it is fine, and what was found.
WITH tables(name) AS (
    VALUES ('gebietskoerperschaft'), ('massnahmenart'), ('rechtskreis'), ('zielvereinbarung'),
           ('budget_aenderung'), ('projekt'), ('ausgabe'), ('teilnahme'), ('schema_version'),
           ('foerderschwerpunkt')
), indexes(name) AS (
    VALUES ('projekt_jahr_idx'), ('ausgabe_projekt_idx'), ('teilnahme_projekt_idx'),
           ('budget_aenderung_zv_idx'), ('ausgabe_buchungstag_idx')
)
SELECT 'table aqb.' || t.name,
       to_regclass('aqb.' || t.name) IS NOT NULL
           AND has_table_privilege(to_regclass('aqb.' || t.name), 'SELECT'),
       CASE WHEN to_regclass('aqb.' || t.name) IS NULL THEN 'missing: apply sql/schema/'
            WHEN NOT has_table_privilege(to_regclass('aqb.' || t.name), 'SELECT') THEN 'no SELECT privilege for ' || current_user
            ELSE 'present, readable' END
FROM tables t
UNION ALL
SELECT 'index aqb.' || i.name,
       to_regclass('aqb.' || i.name) IS NOT NULL,
       CASE WHEN to_regclass('aqb.' || i.name) IS NULL THEN 'missing: apply sql/schema/003_indexes.sql (the report gets slow without it)'
            ELSE 'present' END
FROM indexes i;
