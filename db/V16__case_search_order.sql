-- The case search shows the newest matches first. When name words or an administration filter it,
-- the search starts from those rows (a word's cases, an administration's cases): they carry the
-- case's creation time, so that the newest 50 are found by sorting the matching rows alone, or
-- read straight from an index, instead of looking up the case of every match (a surname matches
-- tens of thousands of cases in a year). See bench/case-search.sh.
ALTER TABLE spt_case_name_token ADD COLUMN case_created_at TIMESTAMP DEFAULT '2000-01-01 00:00:00' NOT NULL;
UPDATE spt_case_name_token SET case_created_at =
    (SELECT c.created_at FROM spt_case c WHERE c.id = spt_case_name_token.case_id);
ALTER TABLE spt_case_administration ADD COLUMN case_created_at TIMESTAMP DEFAULT '2000-01-01 00:00:00' NOT NULL;
UPDATE spt_case_administration SET case_created_at =
    (SELECT c.created_at FROM spt_case c WHERE c.id = spt_case_administration.case_id);
CREATE INDEX ix_spt_case_administration_newest ON spt_case_administration (administration_code, case_created_at, case_id);
CREATE INDEX ix_spt_case_status_created ON spt_case (status, created_at, id);
