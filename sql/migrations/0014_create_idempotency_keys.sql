-- Idempotent intake: a retried request with the same Idempotency-Key (per user) returns the
-- dossier the first one created; the body hash tells a retry from a different request.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    user_id       BIGINT UNSIGNED NOT NULL,
    idem_key      VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    request_hash  CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    dossier_id    BIGINT UNSIGNED NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
