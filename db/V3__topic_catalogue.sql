-- The shared classification of requests (uniform across the network). administration_code names
-- the administration usually competent; routing.dmn decides the back offices.
INSERT INTO spt_topic (code, label_it, label_en, administration_code) VALUES
 ('HOUSING_ASSISTANCE', 'Assistenza alloggiativa (MAP, progetto C.A.S.E.)', 'Housing assistance (temporary housing)', 'COMUNE-AQ'),
 ('RECONSTRUCTION_GRANT', 'Contributi per la ricostruzione', 'Reconstruction grants', 'REGIONE-ABRUZZO'),
 ('CIVIL_REGISTRY_CERTIFICATE', 'Certificati anagrafici', 'Civil registry certificates', 'COMUNE-AQ'),
 ('LOCAL_TAX', 'Tributi locali e sospensioni', 'Local taxes and suspensions', 'COMUNE-AQ'),
 ('GAS_CONNECTION', 'Allacciamento gas, acqua, energia', 'Gas, water and power connections', 'COMUNE-AQ'),
 ('SCHOOL_BUILDINGS', 'Edilizia scolastica', 'School buildings', 'PROVINCIA-AQ'),
 ('PROVINCIAL_ROADS', 'Viabilità provinciale', 'Provincial roads', 'PROVINCIA-AQ'),
 ('HEALTH_BOOKING', 'Prenotazioni sanitarie', 'Health service bookings', 'REGIONE-ABRUZZO'),
 ('SEISMIC_RISK_REPORT', 'Segnalazione di rischio sismico', 'Seismic risk report', 'PROTEZIONE-CIVILE'),
 ('WEATHER_HYDRO_RISK', 'Rischio meteo-idrogeologico', 'Weather and hydrogeological risk', 'PROTEZIONE-CIVILE'),
 ('VOLUNTEERING', 'Volontariato di protezione civile', 'Civil protection volunteering', 'PROTEZIONE-CIVILE'),
 ('PENSION', 'Pensioni', 'Pensions', 'INPS'),
 ('INCOME_SUPPORT', 'Prestazioni a sostegno del reddito', 'Income support benefits', 'INPS'),
 ('OTHER', 'Altro / da classificare', 'Other / to be classified', 'LINEA-AMICA');
