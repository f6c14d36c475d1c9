-- The back office that receives cases transferred to its administration when the routing table
-- names none of its offices for the case's topic (at most one per administration, by convention).
ALTER TABLE spt_office ADD COLUMN transfer_desk BOOLEAN DEFAULT FALSE NOT NULL;
