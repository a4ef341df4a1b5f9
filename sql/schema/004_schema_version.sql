-- The version of this schema, so `aqb-report check` can tell an operator whether the database
-- matches the tool. Raise it with every new numbered file that changes the contract.
CREATE TABLE aqb.schema_version (
    version    int         NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO aqb.schema_version (version) VALUES (1);
