-- Agencies (cơ quan, đơn vị) as a tree of any depth: province → departments → communes.
-- The 2025 reorganisation removed districts, so no level is fixed. `code` is the agency's
-- electronic identifier (mã định danh điện tử, QCVN 102:2016 / post-2025 scheme) that opens
-- every dossier code; it is compared byte-exact.
CREATE TABLE IF NOT EXISTS agencies (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(255) NOT NULL,
    parent_id   BIGINT UNSIGNED NULL,
    head_title  VARCHAR(255) NULL COMMENT 'chức danh thủ trưởng, for signature blocks',
    address     VARCHAR(255) NULL,
    phone       VARCHAR(32)  NULL,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    version     INT UNSIGNED NOT NULL DEFAULT 1,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uq_agencies_code (code),
    KEY ix_agencies_parent (parent_id),
    CONSTRAINT fk_agencies_parent FOREIGN KEY (parent_id) REFERENCES agencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
