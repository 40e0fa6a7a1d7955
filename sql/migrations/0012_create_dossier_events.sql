-- The audit trail of every dossier: one immutable row per change (who, when, from, to, note,
-- details), written in the same transaction as the change. It is the control sheet (Mẫu 05).
CREATE TABLE IF NOT EXISTS dossier_events (
    dossier_id      BIGINT UNSIGNED NOT NULL,
    sequence        BIGINT NOT NULL,
    kind            VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    from_status     VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NULL,
    to_status       VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    actor_user_id   BIGINT UNSIGNED NOT NULL,
    actor_agency_id BIGINT UNSIGNED NOT NULL,
    at              DATETIME(3) NOT NULL,
    note            VARCHAR(2000) NOT NULL,
    payload         TEXT NOT NULL COMMENT 'JSON object of string values',
    PRIMARY KEY (dossier_id, sequence),
    KEY ix_dossier_events_at (at),
    CONSTRAINT fk_dossier_events_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
