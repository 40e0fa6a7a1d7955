-- Administrative procedures (thủ tục hành chính) with their national code (e.g. 1.001234), legal
-- processing time ("5d" working days, "4h" working hours, "10cd" calendar days, "same_day"),
-- online level (toàn trình / một phần / none), fee, and how a supplement affects the clock.
CREATE TABLE IF NOT EXISTS procedures (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(1000) NOT NULL,
    field_id         BIGINT UNSIGNED NOT NULL,
    duration         VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    online_level     ENUM('full', 'partial', 'none') NOT NULL DEFAULT 'none',
    fee_vnd          BIGINT NOT NULL DEFAULT 0,
    supplement_mode  ENUM('restart', 'pause') NOT NULL DEFAULT 'restart',
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    version          INT UNSIGNED NOT NULL DEFAULT 1,
    created_at       DATETIME(3) NOT NULL,
    updated_at       DATETIME(3) NOT NULL,
    UNIQUE KEY uq_procedures_code (code),
    KEY ix_procedures_field (field_id),
    CONSTRAINT fk_procedures_field FOREIGN KEY (field_id) REFERENCES fields (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
