-- The statistics record of every dossier (domain/stats/dossier_stat_record.h): every fact the
-- reports (Biểu 06a, TT 01/2020/TT-VPCP) and the index criteria read, kept current by folding each
-- new audit event into it in the event's own transaction, and frozen once the dossier ends. A
-- report reads these narrow rows instead of replaying every dossier's trail; `motcua report
-- --verify` proves they equal a recomputation from dossier_events. Instants are LOCAL civil time
-- (Asia/Ho_Chi_Minh), unlike the UTC instants of the other tables.
CREATE TABLE IF NOT EXISTS dossier_stats (
    dossier_id             BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    code                   VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    receiving_agency_id    BIGINT UNSIGNED NOT NULL,
    handling_agency_id     BIGINT UNSIGNED NOT NULL,
    field_code             VARCHAR(32) NOT NULL,
    procedure_code         VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    procedure_online_level VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    channel                VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    result_delivery        VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status                 VARCHAR(40) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    received_at            DATETIME NULL,
    original_due_at        DATETIME NULL,
    due_at                 DATETIME NULL,
    resolved_at            DATETIME NULL,
    returned_at            DATETIME NULL,
    closed_at              DATETIME NULL,
    -- The end time of rule 2 (result, else stop or withdrawal), for the period filter.
    ended_at               DATETIME AS (COALESCE(resolved_at, closed_at)) PERSISTENT,
    verdict                VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NULL,
    outcome                VARCHAR(10) CHARACTER SET ascii COLLATE ascii_bin NULL,
    apology_issued         BOOLEAN NOT NULL,
    apology_timely         BOOLEAN NOT NULL,
    apology_issued_at      DATETIME NULL,
    supplement_count       INT NOT NULL,
    -- The legal clock, oldest first: "at=due" pairs of local epoch seconds separated by ';'
    -- ("at=" while a supplement is awaited).
    clock                  VARCHAR(2000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_sequence          BIGINT NOT NULL,
    KEY ix_dossier_stats_received (received_at),
    KEY ix_dossier_stats_ended (ended_at),
    KEY ix_dossier_stats_returned (returned_at),
    CONSTRAINT fk_dossier_stats_dossier FOREIGN KEY (dossier_id) REFERENCES dossiers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
