-- The documents a dossier was filed with (thành phần hồ sơ), in order.
CREATE TABLE IF NOT EXISTS dossier_documents (
    dossier_id  BIGINT UNSIGNED NOT NULL,
    position    INT NOT NULL,
    name        VARCHAR(500) NOT NULL,
    kind        VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    copies      INT NOT NULL,
    PRIMARY KEY (dossier_id, position),
    CONSTRAINT fk_dossier_documents_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
