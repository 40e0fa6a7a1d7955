-- The daily sequence of dossier codes per receiving agency (TT 01/2018 Đ19: agency-YYMMDD-XXXX),
-- incremented in the intake transaction, so codes are unique and gapless under concurrency.
CREATE TABLE IF NOT EXISTS dossier_code_sequences (
    agency_id  BIGINT UNSIGNED NOT NULL,
    day        DATE NOT NULL,
    last_seq   BIGINT NOT NULL,
    PRIMARY KEY (agency_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
