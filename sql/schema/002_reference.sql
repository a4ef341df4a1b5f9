-- Reference rows. The report reads these tables and hard-codes none of their codes.

-- The 26 Gebietskörperschaften with their official Kreisschlüssel (AGS). The third digit names the
-- Regierungsbezirk (4 Darmstadt, 5 Gießen, 6 Kassel). Hanau (kreisfreie Stadt since 2026-01-01)
-- is not listed: its key and AQB status are not confirmed; add it as a row when they are.
INSERT INTO aqb.gebietskoerperschaft (ags, name, art, regierungsbezirk) VALUES
    ('06411', 'Darmstadt',             'kreisfreie Stadt', 'Darmstadt'),
    ('06412', 'Frankfurt am Main',     'kreisfreie Stadt', 'Darmstadt'),
    ('06413', 'Offenbach am Main',     'kreisfreie Stadt', 'Darmstadt'),
    ('06414', 'Wiesbaden',             'kreisfreie Stadt', 'Darmstadt'),
    ('06431', 'Bergstraße',            'Landkreis',        'Darmstadt'),
    ('06432', 'Darmstadt-Dieburg',     'Landkreis',        'Darmstadt'),
    ('06433', 'Groß-Gerau',            'Landkreis',        'Darmstadt'),
    ('06434', 'Hochtaunuskreis',       'Landkreis',        'Darmstadt'),
    ('06435', 'Main-Kinzig-Kreis',     'Landkreis',        'Darmstadt'),
    ('06436', 'Main-Taunus-Kreis',     'Landkreis',        'Darmstadt'),
    ('06437', 'Odenwaldkreis',         'Landkreis',        'Darmstadt'),
    ('06438', 'Offenbach',             'Landkreis',        'Darmstadt'),
    ('06439', 'Rheingau-Taunus-Kreis', 'Landkreis',        'Darmstadt'),
    ('06440', 'Wetteraukreis',         'Landkreis',        'Darmstadt'),
    ('06531', 'Gießen',                'Landkreis',        'Gießen'),
    ('06532', 'Lahn-Dill-Kreis',       'Landkreis',        'Gießen'),
    ('06533', 'Limburg-Weilburg',      'Landkreis',        'Gießen'),
    ('06534', 'Marburg-Biedenkopf',    'Landkreis',        'Gießen'),
    ('06535', 'Vogelsbergkreis',       'Landkreis',        'Gießen'),
    ('06611', 'Kassel',                'kreisfreie Stadt', 'Kassel'),
    ('06631', 'Fulda',                 'Landkreis',        'Kassel'),
    ('06632', 'Hersfeld-Rotenburg',    'Landkreis',        'Kassel'),
    ('06633', 'Kassel',                'Landkreis',        'Kassel'),
    ('06634', 'Schwalm-Eder-Kreis',    'Landkreis',        'Kassel'),
    ('06635', 'Waldeck-Frankenberg',   'Landkreis',        'Kassel'),
    ('06636', 'Werra-Meißner-Kreis',   'Landkreis',        'Kassel');

INSERT INTO aqb.massnahmenart (code, bezeichnung, sortierung) VALUES
    ('AQV', 'Ausbildungs- und Qualifizierungsvorbereitung', 1),
    ('AUS', 'Ausbildung und Ausbildungscoaching in anerkannten Ausbildungsberufen', 2),
    ('QAF', 'Qualifizierungsprojekte zur Arbeitsmarktintegration und Fachkräftesicherung', 3),
    ('WBF', 'Weiterbildung des Fachpersonals mit Teilnehmendenbezug', 4);

INSERT INTO aqb.rechtskreis (code, bezeichnung, sortierung) VALUES
    ('SGB II',   'Grundsicherung für Arbeitsuchende (SGB II)', 1),
    ('SGB III',  'Arbeitsförderung (SGB III)', 2),
    ('SGB VIII', 'Kinder- und Jugendhilfe (SGB VIII)', 3),
    ('SGB XII',  'Sozialhilfe (SGB XII)', 4),
    ('AsylbLG',  'Asylbewerberleistungsgesetz', 5),
    ('ohne',     'ohne Leistungsbezug', 6);
