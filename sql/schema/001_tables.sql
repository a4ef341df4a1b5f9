-- The AQB data model: a contract with the ministry's other systems, which write these tables.
-- Names are exact. A column is NOT NULL unless marked otherwise. No CHECK beyond the agreed ones:
-- implausible data is for findings, not for constraints.
CREATE SCHEMA IF NOT EXISTS aqb;

-- Landkreise and kreisfreie Städte. The list is data: it changes (Hanau, 2026).
CREATE TABLE aqb.gebietskoerperschaft (
    ags              char(5) PRIMARY KEY,            -- amtlicher Kreisschlüssel
    name             text    NOT NULL,
    art              text    NOT NULL CHECK (art IN ('Landkreis', 'kreisfreie Stadt')),
    regierungsbezirk text    NOT NULL CHECK (regierungsbezirk IN ('Darmstadt', 'Gießen', 'Kassel')),
    gueltig_ab       date    NULL,                   -- null: since ever
    gueltig_bis      date    NULL                    -- null: still valid
);

CREATE TABLE aqb.massnahmenart (
    code        text PRIMARY KEY,
    bezeichnung text NOT NULL,
    sortierung  int  NOT NULL
);

CREATE TABLE aqb.rechtskreis (
    code        text PRIMARY KEY,
    bezeichnung text NOT NULL,
    sortierung  int  NOT NULL
);

-- One target agreement per county and AQB year, with the agreed budget.
CREATE TABLE aqb.zielvereinbarung (
    ags              char(5)       NOT NULL REFERENCES aqb.gebietskoerperschaft (ags),
    jahr             int           NOT NULL,
    budget_eur       numeric(14,2) NOT NULL CHECK (budget_eur >= 0),
    unterzeichnet_am date          NULL,
    PRIMARY KEY (ags, jahr)
);

-- In-year increases (positive) and cuts (negative) of the agreed budget.
CREATE TABLE aqb.budget_aenderung (
    id         bigint        PRIMARY KEY,
    ags        char(5)       NOT NULL,
    jahr       int           NOT NULL,
    wirksam_am date          NOT NULL,
    betrag_eur numeric(14,2) NOT NULL,
    grund      text          NULL,
    FOREIGN KEY (ags, jahr) REFERENCES aqb.zielvereinbarung (ags, jahr)
);

-- A funded project of one AQB year (the commitment cohort), approved by a Bescheid.
CREATE TABLE aqb.projekt (
    id                 bigint        PRIMARY KEY,
    ags                char(5)       NOT NULL,
    jahr               int           NOT NULL,
    massnahmenart      text          NOT NULL REFERENCES aqb.massnahmenart (code),
    titel              text          NOT NULL,
    traeger            text          NULL,
    bewilligt_eur      numeric(14,2) NOT NULL DEFAULT 0 CHECK (bewilligt_eur >= 0),
    bescheid_am        date          NULL,
    foerderschwerpunkt text          NULL CHECK (foerderschwerpunkt IN ('Teilzeitausbildung', 'Sprachförderung')),
    FOREIGN KEY (ags, jahr) REFERENCES aqb.zielvereinbarung (ags, jahr)
);

-- Spending booked against a project; negative amounts are repayments or reversals.
CREATE TABLE aqb.ausgabe (
    id               bigint        PRIMARY KEY,
    projekt_id       bigint        NOT NULL REFERENCES aqb.projekt (id),
    buchungstag      date          NOT NULL,
    betrag_eur       numeric(14,2) NOT NULL,
    verwendungszweck text          NULL
);

-- One participation (Eintritt) in a project; a person may have several.
CREATE TABLE aqb.teilnahme (
    id                bigint  PRIMARY KEY,
    projekt_id        bigint  NOT NULL REFERENCES aqb.projekt (id),
    rechtskreis       text    NOT NULL REFERENCES aqb.rechtskreis (code),
    eintritt          date    NOT NULL,
    austritt          date    NULL,
    geschlecht        char(1) NULL CHECK (geschlecht IN ('w', 'm', 'd')),
    schwerbehinderung boolean NULL
);
