-- Liên thông hops of a dossier between agencies, each with that agency's own time limit.
CREATE TABLE IF NOT EXISTS dossier_transfers (
    dossier_id      BIGINT UNSIGNED NOT NULL,
    position        INT NOT NULL,
    from_agency_id  BIGINT UNSIGNED NOT NULL,
    to_agency_id    BIGINT UNSIGNED NOT NULL,
    at              DATETIME(3) NOT NULL,
    due_at          DATETIME(3) NULL,
    PRIMARY KEY (dossier_id, position),
    CONSTRAINT fk_dossier_transfers_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
