#pragma once
/// Storage of the day counters (tables stats_day_counters, stats_irregular_records,
/// stats_counter_state; domain/stats/day_counters.h). Each step of a cell is stored on its day,
/// half-month, month, quarter and year, so the prefix up to any day reads whole years, quarters,
/// months, one half-month and a few days; rows are always written in primary-key order so
/// concurrent events cannot deadlock on them.

#include "domain/stats/day_counters.h"

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sql {
class PreparedStatement;
}

namespace motcua::store {

class StatementBatch;

class Session;

/// One stored row: a cell summed over a day ('D'), half-month ('H'), month ('M'), quarter ('Q') or
/// year ('Y').
struct CounterRow {
    domain::stats::CounterSide side = domain::stats::CounterSide::Last;  ///< Prefix side.
    char grain = 'D';  ///< 'D', 'H', 'M', 'Q' or 'Y'.
    date::local_days bucket;  ///< The day, or the first day of the half-month, month, quarter, year.
    domain::stats::CounterKey key;  ///< Agency, field, procedure.
    domain::stats::Counts06a counts;  ///< Summed steps.

    /// Compares every member.
    bool operator==(const CounterRow&) const = default;
};

/// Returns the primary key of `row` (side, grain, bucket, key) for ordering and comparing rows.
inline auto primaryKeyOf(const CounterRow& row) { return std::tie(row.side, row.grain, row.bucket, row.key); }

/// Returns the rows `cells` add up to: each cell on its day and each coarser grain, merged, zero rows
/// dropped, in primary-key order.
std::vector<CounterRow> counterRows(const std::vector<domain::stats::CounterCell>& cells);

/// The sums of many records' cells on their days, months and years (a rebuild or a
/// verification; a province is about a million rows), kept compact: keys are numbered and each
/// row is one map entry.
class CounterTotals {
public:
    /// Adds `cells`.
    void add(const std::vector<domain::stats::CounterCell>& cells);
    /// Calls `visit` with the non-zero rows in primary-key order, `batch` rows at a time.
    void forEachBatch(std::size_t batch, const std::function<void(const std::vector<CounterRow>&)>& visit) const;

private:
    void addRow(domain::stats::CounterSide side, int grain, date::local_days bucket, std::uint32_t key,
                const domain::stats::Counts06a& counts);

    std::map<domain::stats::CounterKey, std::uint32_t> ids_;
    std::vector<domain::stats::CounterKey> keys_;
    std::unordered_map<std::uint64_t, domain::stats::Counts06a> sums_;
};

class CounterRepository {
public:
    /// Applies the change one event makes: appends its cells to the pending steps and marks or
    /// unmarks the dossier as irregular (its dossier_stats row must be written already).
    void apply(Session& session, std::int64_t dossier_id, const domain::stats::CounterChange& change);
    /// Applies the changes of many dossiers' events (dossier id, change) with one statement.
    void apply(Session& session, const std::vector<std::pair<std::int64_t, domain::stats::CounterChange>>& changes);
    void apply(StatementBatch& batch, const std::vector<std::pair<std::int64_t, domain::stats::CounterChange>>& changes);
    /// Moves up to `limit` pending steps, oldest first, into the counters, in the caller's
    /// transaction (run it READ COMMITTED so appends go on meanwhile); returns how many.
    std::int64_t flushPending(Session& session, std::size_t limit);
    /// Adds `rows` (in primary-key order) with multi-row statements.
    void addRows(Session& session, const std::vector<CounterRow>& rows);
    /// Marks dossiers irregular.
    void markIrregular(Session& session, const std::vector<std::int64_t>& dossier_ids);
    /// Returns the counts of every key for the days [first, last]: T(last) − S(first), counters
    /// and pending steps together (read them in one transaction for one snapshot).
    std::map<domain::stats::CounterKey, domain::stats::Counts06a> periodCounts(Session& session,
                                                                                date::local_days first,
                                                                                date::local_days last);
    /// Calls `visit` with every stored row (verification), in primary-key order.
    void forEachRow(Session& session, const std::function<void(const CounterRow&)>& visit);
    /// Returns the dossiers marked irregular, by id.
    std::vector<std::int64_t> irregularIds(Session& session);
    /// Returns true when the counters hold every dossier.
    bool built(Session& session);
    /// Records whether they do.
    void setBuilt(Session& session, bool built);
    /// Deletes every counter row, pending step and irregular mark (TRUNCATE: commits; for a
    /// rebuild).
    void clear(Session& session);

private:
    static void addSums(sql::PreparedStatement& statement,
                        std::map<domain::stats::CounterKey, domain::stats::Counts06a>& out);
};

}  // namespace motcua::store
