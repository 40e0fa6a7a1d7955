#pragma once
/// Storage of the per-dossier statistics records (table dossier_stats) and of the index scoring
/// tables entered as data (table scoring_tables). Record instants are local civil time.

#include "domain/stats/dossier_stat_record.h"

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace motcua::store {

class StatementBatch;

class Session;

/// A scoring table as stored.
struct ScoringTableRow {
    std::string code;
    std::string name;
    std::string body;  ///< index_scoring.h text format
    std::string updated_by;
};

class StatsRepository {
public:
    /// Returns the record of `dossier_id`, if one is stored.
    std::optional<domain::stats::DossierStatRecord> find(Session& session, std::int64_t dossier_id);
    /// Inserts or replaces one record.
    void upsert(Session& session, const domain::stats::DossierStatRecord& record);
    /// Inserts or replaces many records with multi-row statements (bulk loads, rebuilds).
    void upsertMany(Session& session, const std::vector<domain::stats::DossierStatRecord>& records);
    /// Inserts the records of dossiers that have none yet (intakes), in `batch`: a plain INSERT,
    /// so a record that exists already is an error rather than overwritten.
    void insertNew(StatementBatch& batch, const std::vector<domain::stats::DossierStatRecord>& records);
    /// Returns the records that can count in a period [start, end] (local): accepted at or before
    /// `end` and not ended before `start`, or returned within it.
    std::vector<domain::stats::DossierStatRecord> forPeriod(Session& session, date::local_seconds start,
                                                            date::local_seconds end);
    /// Calls `visit` with each record forPeriod() would return whose dossier id is in
    /// [first_id, last_id], one at a time (a province-year is about a million records).
    void forEachInPeriod(Session& session, date::local_seconds start, date::local_seconds end, std::int64_t first_id,
                         std::int64_t last_id, const std::function<void(const domain::stats::DossierStatRecord&)>& visit);
    /// Returns the records of the dossiers marked irregular for the day counters.
    std::vector<domain::stats::DossierStatRecord> irregular(Session& session);
    /// Returns the records of the open dossiers received by one of `agency_ids` whose legal due
    /// time, while their clock runs (dossiers.current_due_at, UTC), lies in [from, to]: two
    /// index range scans per agency, the few records a running period's cut can change.
    std::vector<domain::stats::DossierStatRecord> openDueBetween(Session& session,
                                                                 const std::vector<std::int64_t>& agency_ids,
                                                                 date::sys_seconds from, date::sys_seconds to);
    /// Returns the smallest and largest dossier id with a record ({0, -1} when none).
    std::pair<std::int64_t, std::int64_t> idBounds(Session& session);
    /// Returns every stored record with dossier id in [first_id, last_id].
    std::vector<domain::stats::DossierStatRecord> range(Session& session, std::int64_t first_id, std::int64_t last_id);

    /// Returns the scoring tables entered as data.
    std::vector<ScoringTableRow> scoringTables(Session& session);
    /// Inserts or replaces a scoring table.
    void saveScoringTable(Session& session, const ScoringTableRow& row, date::sys_seconds now);
};

/// Encodes a record's legal clock as stored ("at=due;at=;…", local epoch seconds).
std::string encodeClock(const std::vector<domain::stats::ClockChange>& clock);
/// Decodes encodeClock's text; throws Error(Internal) on junk from the database.
std::vector<domain::stats::ClockChange> decodeClock(std::string_view text);

}  // namespace motcua::store
