-- Index scoring tables entered as data (domain/stats/index_scoring.h text format): each year's
-- PAR Index guidance or a revision of the QĐ 766 index is a new row, not new code. The built-in
-- tables (qd766, par-draft) apply until a row with the same code replaces them.
CREATE TABLE IF NOT EXISTS scoring_tables (
    code        VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    body        MEDIUMTEXT NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    updated_at  DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_vietnamese_as_ci;
