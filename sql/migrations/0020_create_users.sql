-- Users of motcua, each with one role and scoped to one agency of the tree (and every agency
-- below it). Passwords are stored only as a salted PBKDF2-HMAC-SHA256 hash.
CREATE TABLE IF NOT EXISTS users (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64) CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    full_name      VARCHAR(255) NOT NULL,
    role           ENUM('desk_officer', 'processing_officer', 'head', 'compiler', 'admin') NOT NULL,
    agency_id      BIGINT UNSIGNED NOT NULL,
    password_hash  VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    version        INT UNSIGNED NOT NULL DEFAULT 1,
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    UNIQUE KEY uq_users_username (username),
    KEY ix_users_agency (agency_id),
    CONSTRAINT fk_users_agency FOREIGN KEY (agency_id) REFERENCES agencies (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
