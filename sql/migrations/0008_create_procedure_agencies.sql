-- Which agencies handle which procedures (cơ quan thực hiện).
CREATE TABLE IF NOT EXISTS procedure_agencies (
    procedure_id  BIGINT UNSIGNED NOT NULL,
    agency_id     BIGINT UNSIGNED NOT NULL,
    PRIMARY KEY (procedure_id, agency_id),
    KEY ix_procedure_agencies_agency (agency_id),
    CONSTRAINT fk_procedure_agencies_procedure FOREIGN KEY (procedure_id) REFERENCES procedures (id),
    CONSTRAINT fk_procedure_agencies_agency FOREIGN KEY (agency_id) REFERENCES agencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
