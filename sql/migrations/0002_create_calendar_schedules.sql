-- The yearly government day-off schedule for public servants (lịch nghỉ lễ, nghỉ bù, làm bù),
-- entered as data: each change is a new immutable version with the instant from which it
-- applies to deadlines computed after it. Deadlines already fixed are stored on the dossiers
-- and never move silently; recalculating them is an explicit, audited action.
CREATE TABLE IF NOT EXISTS calendar_schedules (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    year            SMALLINT NOT NULL,
    version         INT UNSIGNED NOT NULL,
    effective_from  DATETIME(3) NOT NULL COMMENT 'UTC; deadlines computed from this instant on use this version',
    source          VARCHAR(500) NOT NULL COMMENT 'legal basis, e.g. Công văn 12729/VPCP-KGVX',
    created_by      VARCHAR(100) NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    UNIQUE KEY uq_calendar_schedules_year_version (year, version),
    KEY ix_calendar_schedules_effective (year, effective_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
