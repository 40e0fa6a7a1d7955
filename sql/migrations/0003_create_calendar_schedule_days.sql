-- The days of one schedule version: every non-working weekday (holiday, extra day off,
-- compensatory day) and every working Saturday (làm bù) of that year.
CREATE TABLE IF NOT EXISTS calendar_schedule_days (
    schedule_id  BIGINT UNSIGNED NOT NULL,
    day          DATE NOT NULL,
    kind         ENUM('holiday', 'day_off', 'compensatory', 'working_saturday') NOT NULL,
    name         VARCHAR(255) NOT NULL,
    PRIMARY KEY (schedule_id, day),
    CONSTRAINT fk_calendar_schedule_days_schedule FOREIGN KEY (schedule_id) REFERENCES calendar_schedules (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
