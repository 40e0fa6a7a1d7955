-- Working sessions of an agency's desk (giờ làm việc), e.g. '07:00-11:30,13:30-17:00', and the
-- forwarding cut-off (NĐ 61/2018 Đ18: paper dossiers received after 15:00 go on the next
-- working day). Agencies without a row use the defaults.
CREATE TABLE IF NOT EXISTS agency_working_hours (
    agency_id          BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    sessions           VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    forwarding_cutoff  TIME NOT NULL DEFAULT '15:00:00',
    updated_by         VARCHAR(100) NOT NULL,
    updated_at         DATETIME(3) NOT NULL,
    CONSTRAINT fk_agency_working_hours_agency FOREIGN KEY (agency_id) REFERENCES agencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
