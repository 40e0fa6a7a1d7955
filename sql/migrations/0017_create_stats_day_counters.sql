-- Day counters (domain/stats/day_counters.h): the Biểu 06a counts of every dossier split into
-- step deltas on days, summed per receiving agency, field and procedure; each event's steps
-- reach them through stats_counter_pending below. side 'T' steps are summed up to a period's last day,
-- side 'S' steps up to its first day and subtracted. Each step is stored five times: on its
-- day (grain 'D'), its half-month ('H', bucket = the 1st or the 15th), month ('M', the 1st),
-- quarter ('Q') and year ('Y', 1 January), so the prefix up to any day is whole years, quarters,
-- months, a half-month and a few days: a province-year report reads a few rows per agency and
-- procedure instead of one record per dossier.
CREATE TABLE IF NOT EXISTS stats_day_counters (
    side                                 CHAR(1) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    grain                                CHAR(1) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    bucket                               DATE NOT NULL,
    agency_id                            BIGINT UNSIGNED NOT NULL,
    field_code                           VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    procedure_code                       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    received_total                       BIGINT NOT NULL,
    received_online                      BIGINT NOT NULL,
    received_direct_and_postal           BIGINT NOT NULL,
    carried_over                         BIGINT NOT NULL,
    resolved_total                       BIGINT NOT NULL,
    resolved_early                       BIGINT NOT NULL,
    resolved_on_time                     BIGINT NOT NULL,
    resolved_late                        BIGINT NOT NULL,
    in_progress_total                    BIGINT NOT NULL,
    in_progress_within_time              BIGINT NOT NULL,
    in_progress_overdue                  BIGINT NOT NULL,
    received_direct                      BIGINT NOT NULL,
    received_postal                      BIGINT NOT NULL,
    received_online_full                 BIGINT NOT NULL,
    received_online_partial              BIGINT NOT NULL,
    full_level_received                  BIGINT NOT NULL,
    full_level_online_full               BIGINT NOT NULL,
    partial_level_received               BIGINT NOT NULL,
    partial_level_online                 BIGINT NOT NULL,
    late_or_overdue                      BIGINT NOT NULL,
    late_or_overdue_with_apology         BIGINT NOT NULL,
    late_or_overdue_with_timely_apology  BIGINT NOT NULL,
    returned_total                       BIGINT NOT NULL,
    returned_postal                      BIGINT NOT NULL,
    progress_766_on_track                BIGINT NOT NULL,
    PRIMARY KEY (side, grain, bucket, agency_id, field_code, procedure_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;

-- Steps not yet added to stats_day_counters: each event's transaction appends its few cells
-- here (no shared row to wait for, so concurrent intakes of one agency and procedure do not queue
-- on the counters), and `motcua serve` moves them into the counters about once a second in one
-- transaction. Reports add the pending steps to the counters in the same snapshot.
CREATE TABLE IF NOT EXISTS stats_counter_pending (
    id                                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    side                                 CHAR(1) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    day                                  DATE NOT NULL,
    agency_id                            BIGINT UNSIGNED NOT NULL,
    field_code                           VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    procedure_code                       VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    received_total                       BIGINT NOT NULL,
    received_online                      BIGINT NOT NULL,
    received_direct_and_postal           BIGINT NOT NULL,
    carried_over                         BIGINT NOT NULL,
    resolved_total                       BIGINT NOT NULL,
    resolved_early                       BIGINT NOT NULL,
    resolved_on_time                     BIGINT NOT NULL,
    resolved_late                        BIGINT NOT NULL,
    in_progress_total                    BIGINT NOT NULL,
    in_progress_within_time              BIGINT NOT NULL,
    in_progress_overdue                  BIGINT NOT NULL,
    received_direct                      BIGINT NOT NULL,
    received_postal                      BIGINT NOT NULL,
    received_online_full                 BIGINT NOT NULL,
    received_online_partial              BIGINT NOT NULL,
    full_level_received                  BIGINT NOT NULL,
    full_level_online_full               BIGINT NOT NULL,
    partial_level_received               BIGINT NOT NULL,
    partial_level_online                 BIGINT NOT NULL,
    late_or_overdue                      BIGINT NOT NULL,
    late_or_overdue_with_apology         BIGINT NOT NULL,
    late_or_overdue_with_timely_apology  BIGINT NOT NULL,
    returned_total                       BIGINT NOT NULL,
    returned_postal                      BIGINT NOT NULL,
    progress_766_on_track                BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;

-- Dossiers whose counts do not split into day steps (an apology issued days after the result):
-- reports count them from their dossier_stats record.
CREATE TABLE IF NOT EXISTS stats_irregular_records (
    dossier_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    CONSTRAINT fk_stats_irregular_dossier FOREIGN KEY (dossier_id) REFERENCES dossier_stats (dossier_id)
) ENGINE=InnoDB;

-- Whether the counters hold every dossier. A database that already has records when this
-- migration runs starts unbuilt (reports read the records) until `motcua migrate` or
-- `motcua report --rebuild` builds them.
CREATE TABLE IF NOT EXISTS stats_counter_state (
    id    TINYINT UNSIGNED NOT NULL PRIMARY KEY,
    built BOOLEAN NOT NULL
) ENGINE=InnoDB;
INSERT IGNORE INTO stats_counter_state (id, built)
    SELECT 1, NOT EXISTS (SELECT 1 FROM dossier_stats);
