-- Uniform classification (Linea Amica phase 2: "classificazione dei dati relativi alla chiamata in
-- modo uniforme"): every topic of the catalogue belongs to a class of a network-wide list (as the
-- Civil Protection contact center reports its requests by class), and the front office records
-- an outcome class from a shared list when it closes a case. Both lists are data: administrators
-- add, rename or retire entries (spt_outcome_class.active); codes are never reused.
CREATE TABLE spt_topic_class (
    code     VARCHAR(40)  NOT NULL,
    label_it VARCHAR(200) NOT NULL,
    label_en VARCHAR(200) NOT NULL,
    position INT          NOT NULL,
    CONSTRAINT pk_spt_topic_class PRIMARY KEY (code)
);
INSERT INTO spt_topic_class (code, label_it, label_en, position) VALUES
 ('SEISMIC_RISK', 'Rischio sismico', 'Seismic risk', 10),
 ('WEATHER_HYDRO_RISK', 'Rischio meteo-idrogeologico', 'Weather and hydrogeological risk', 20),
 ('VOLUNTEERING', 'Volontariato e formazione', 'Volunteering and training', 30),
 ('RECONSTRUCTION', 'Ricostruzione e assistenza alla popolazione', 'Reconstruction and assistance to the population', 40),
 ('CIVIL_REGISTRY', 'Anagrafe e stato civile', 'Civil registry', 50),
 ('TAXES', 'Tributi', 'Taxes', 60),
 ('UTILITIES', 'Servizi pubblici e utenze', 'Public services and utilities', 70),
 ('EDUCATION', 'Istruzione', 'Education', 80),
 ('MOBILITY', 'Trasporti e viabilità', 'Transport and roads', 90),
 ('HEALTH', 'Sanità', 'Health', 100),
 ('WELFARE', 'Previdenza e sostegno al reddito', 'Pensions and income support', 110),
 ('GENERAL', 'Informazioni generali e altro', 'General information and other', 120);

ALTER TABLE spt_topic ADD COLUMN class_code VARCHAR(40) NULL;
UPDATE spt_topic SET class_code = 'SEISMIC_RISK' WHERE code = 'SEISMIC_RISK_REPORT';
UPDATE spt_topic SET class_code = 'WEATHER_HYDRO_RISK' WHERE code = 'WEATHER_HYDRO_RISK';
UPDATE spt_topic SET class_code = 'VOLUNTEERING' WHERE code = 'VOLUNTEERING';
UPDATE spt_topic SET class_code = 'RECONSTRUCTION' WHERE code IN ('RECONSTRUCTION_GRANT', 'HOUSING_ASSISTANCE');
UPDATE spt_topic SET class_code = 'CIVIL_REGISTRY' WHERE code = 'CIVIL_REGISTRY_CERTIFICATE';
UPDATE spt_topic SET class_code = 'TAXES' WHERE code = 'LOCAL_TAX';
UPDATE spt_topic SET class_code = 'UTILITIES' WHERE code = 'GAS_CONNECTION';
UPDATE spt_topic SET class_code = 'EDUCATION' WHERE code = 'SCHOOL_BUILDINGS';
UPDATE spt_topic SET class_code = 'MOBILITY' WHERE code = 'PROVINCIAL_ROADS';
UPDATE spt_topic SET class_code = 'HEALTH' WHERE code = 'HEALTH_BOOKING';
UPDATE spt_topic SET class_code = 'WELFARE' WHERE code IN ('PENSION', 'INCOME_SUPPORT');
UPDATE spt_topic SET class_code = 'GENERAL' WHERE class_code IS NULL;

CREATE TABLE spt_outcome_class (
    code     VARCHAR(40)  NOT NULL,
    label_it VARCHAR(200) NOT NULL,
    label_en VARCHAR(200) NOT NULL,
    position INT          NOT NULL,
    active   BOOLEAN      DEFAULT TRUE NOT NULL,
    CONSTRAINT pk_spt_outcome_class PRIMARY KEY (code)
);
INSERT INTO spt_outcome_class (code, label_it, label_en, position) VALUES
 ('INFORMATION_GIVEN', 'Informazione fornita', 'Information given', 10),
 ('PROCEDURE_EXPLAINED', 'Procedura e moduli indicati', 'Procedure and forms explained', 20),
 ('SERVICE_DELIVERED', 'Servizio erogato (certificato, prenotazione, domanda)', 'Service delivered (certificate, booking, application)', 30),
 ('REFERRED', 'Indirizzato ad altro ufficio o ente', 'Referred to another office or body', 40),
 ('COMPLAINT_RECORDED', 'Reclamo o segnalazione registrati', 'Complaint or report recorded', 50),
 ('NOT_COMPETENT', 'Non di competenza della rete', 'Outside the network''s competence', 60),
 ('NOT_RESOLVED', 'Non risolta (mancano elementi dal cittadino)', 'Not resolved (the citizen''s details missing)', 70);

ALTER TABLE spt_case ADD COLUMN outcome_class VARCHAR(40) NULL;

-- the warehouse: the outcome class and the topic's class of each fact. The topic's class goes
-- into the sums (it follows the topic, so it adds no rows); the outcome class has sums of its own
-- (spt_dw_outcome, read only by the outcome breakdown): in spt_dw_sum it would double the rows
-- every other figure reads (bench/reports.sh).
ALTER TABLE spt_dw_case ADD COLUMN outcome_class VARCHAR(40) NULL;
ALTER TABLE spt_dw_case ADD COLUMN topic_class VARCHAR(40) NULL;
UPDATE spt_dw_case SET topic_class = (SELECT t.class_code FROM spt_topic t WHERE t.code = spt_dw_case.topic_code);
ALTER TABLE spt_dw_sum ADD COLUMN topic_class VARCHAR(40) DEFAULT '' NOT NULL;
ALTER TABLE spt_dw_sum DROP PRIMARY KEY;
ALTER TABLE spt_dw_sum ADD CONSTRAINT pk_spt_dw_sum PRIMARY KEY (grain, opened_on, front_office,
    front_administration, owner_administration, topic_code, channel, topic_class);
CREATE TABLE spt_dw_outcome (
    grain                  CHAR(1)     NOT NULL,
    opened_on              DATE        NOT NULL,
    front_administration   VARCHAR(40) NOT NULL,
    owner_administration   VARCHAR(40) NOT NULL,
    topic_code             VARCHAR(40) NOT NULL,
    channel                VARCHAR(20) NOT NULL,
    outcome_class          VARCHAR(40) NOT NULL,
    cases                  BIGINT      NOT NULL,
    closed_at_front_office BIGINT      NOT NULL,
    CONSTRAINT pk_spt_dw_outcome PRIMARY KEY (grain, opened_on, front_administration, owner_administration,
        topic_code, channel, outcome_class),
    CONSTRAINT ck_spt_dw_outcome_grain CHECK (grain IN ('D', 'M'))
);
-- every day is summed again with the new columns (reporting.DailyFigures)
DELETE FROM spt_dw_dirty_day;
INSERT INTO spt_dw_dirty_day (opened_on, shard) SELECT DISTINCT opened_on, 0 FROM spt_dw_case;
