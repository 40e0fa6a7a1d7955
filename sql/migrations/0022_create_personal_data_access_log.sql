-- Every read of a citizen's personal data by a user (who, which dossier, what, when, from
-- where): the trail an inspector asks for under the personal-data rules.
CREATE TABLE IF NOT EXISTS personal_data_access_log (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT UNSIGNED NOT NULL,
    dossier_id  BIGINT UNSIGNED NULL,
    subject     VARCHAR(100) NOT NULL COMMENT 'dossier code or search text',
    action      VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    at          DATETIME(3) NOT NULL,
    ip          VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    KEY ix_pdal_user_at (user_id, at),
    KEY ix_pdal_dossier (dossier_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
