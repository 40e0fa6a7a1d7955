-- Signed-in sessions. Only the SHA-256 of the cookie token is stored, so a database dump does
-- not hand out sessions; each session carries its own CSRF token.
CREATE TABLE IF NOT EXISTS user_sessions (
    token_hash    CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    user_id       BIGINT UNSIGNED NOT NULL,
    csrf_token    CHAR(43) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    last_seen_at  DATETIME(3) NOT NULL,
    expires_at    DATETIME(3) NOT NULL,
    ip            VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    KEY ix_user_sessions_user (user_id),
    KEY ix_user_sessions_expires (expires_at),
    CONSTRAINT fk_user_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
