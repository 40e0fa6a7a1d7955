#pragma once
/// Keeping the statistics records current: each new audit event is folded into its dossier's
/// record (domain::stats::applyEvent) in the event's own transaction; the same fold over a whole
/// trail (recordFromEvents) rebuilds or verifies a record.

#include "domain/dossier/dossier_event.h"
#include "domain/stats/dossier_stat_record.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace motcua::store {
class Database;
class Session;
class StatementBatch;
class DossierRepository;
class StatsRepository;
}  // namespace motcua::store

namespace motcua::service {

class CatalogService;
class LocalTime;

/// The facts a record needs besides the events: the procedure's field and online level from the
/// catalog, and local time.
domain::stats::RecordContext statsContext(CatalogService& catalog, const LocalTime& local_time);

/// Folds `event` (already appended to the trail) into its dossier's stored record and stores it,
/// with the change it makes to the day counters. A dossier without a record (e.g. written before
/// records existed) gets one rebuilt from its whole trail instead.
void foldEvent(store::Session& session, store::StatsRepository& stats, store::DossierRepository& dossiers,
               const domain::DossierEvent& event, const domain::stats::RecordContext& context);

/// Stores the first records of new dossiers (written whole at intake) and adds them to the day
/// counters, with one statement for each table: the counter steps of the whole batch are summed
/// by cell first.
void storeNewRecords(store::StatementBatch& batch, store::StatsRepository& stats,
                     const std::vector<domain::stats::DossierStatRecord>& records);

/// Rebuilds the day counters from the stored records and marks them built. Writers of records
/// wait meanwhile (the tables are locked), so no event is folded into half-built counters; a
/// failure leaves them marked unbuilt and reports read the records. Returns the records read;
/// `progress` is told the count after each chunk.
std::int64_t rebuildDayCounters(store::Database& db, const std::function<void(std::int64_t)>& progress = {});

/// Moves every pending counter step into the day counters (`motcua serve` calls it about once a
/// second), a bounded batch per transaction; returns the steps moved.
std::int64_t flushDayCounters(store::Database& db);

/// Compares the stored day counters (pending steps moved in first) and irregular marks with the
/// ones the stored records give; returns one Vietnamese line per difference (none when they agree
/// or are not built).
std::vector<std::string> verifyDayCounters(store::Database& db);

}  // namespace motcua::service
