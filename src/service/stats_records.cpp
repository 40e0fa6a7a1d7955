#include "service/stats_records.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "service/catalog_service.h"
#include "service/local_time.h"
#include "store/counter_repository.h"
#include "store/database.h"
#include "store/dossier_repository.h"
#include "store/stats_repository.h"

#include <algorithm>

namespace motcua::service {
namespace {

namespace stats = domain::stats;

constexpr std::int64_t kChunk = 5'000;  // records per read of a rebuild or verification

/// Calls `visit` with every stored record, a chunk at a time.
void forEachRecord(store::Session& s, const std::function<void(const std::vector<stats::DossierStatRecord>&)>& visit) {
    store::StatsRepository records;
    const auto [low, high] = records.idBounds(s);
    for (std::int64_t first = low; first <= high; first += kChunk) visit(records.range(s, first, first + kChunk - 1));
}

/// Adds the cells of `chunk` to `totals` and its irregular dossiers to `irregular`.
void addChunk(const std::vector<stats::DossierStatRecord>& chunk, store::CounterTotals& totals,
              std::vector<std::int64_t>& irregular) {
    std::vector<stats::CounterCell> cells;
    for (const auto& record : chunk) {
        if (!stats::addDeltas(cells, record)) irregular.push_back(record.dossier_id.value);
    }
    totals.add(cells);
}

/// The totals and irregular dossiers of every stored record.
struct Expected {
    store::CounterTotals totals;
    std::vector<std::int64_t> irregular;
    std::int64_t records = 0;
};

void addAll(store::Session& s, Expected& expected, const std::function<void(std::int64_t)>& progress) {
    forEachRecord(s, [&](const std::vector<stats::DossierStatRecord>& chunk) {
        addChunk(chunk, expected.totals, expected.irregular);
        expected.records += static_cast<std::int64_t>(chunk.size());
        if (progress) progress(expected.records);
    });
    std::sort(expected.irregular.begin(), expected.irregular.end());
}

/// Holds LOCK TABLES on a session until destroyed.
class TableLock {
public:
    TableLock(store::Session& session, std::string_view tables) : session_(session) {
        session_.execute("LOCK TABLES " + std::string(tables));
    }
    ~TableLock() {
        try {
            session_.execute("UNLOCK TABLES");
        } catch (...) {  // the connection is gone; the server released the locks with it
        }
    }
    TableLock(const TableLock&) = delete;
    TableLock& operator=(const TableLock&) = delete;

private:
    store::Session& session_;
};

}  // namespace

domain::stats::RecordContext statsContext(CatalogService& catalog, const LocalTime& local_time) {
    return domain::stats::RecordContext{
        [&catalog](std::string_view code) {
            const auto entry = catalog.procedure(std::string(code));
            return domain::stats::ProcedureFacts{entry.procedure.field_code, entry.procedure.online_level};
        },
        [&local_time](date::sys_seconds t) { return local_time.toLocal(t); }};
}

void foldEvent(store::Session& session, store::StatsRepository& stats, store::DossierRepository& dossiers,
               const domain::DossierEvent& event, const domain::stats::RecordContext& context) {
    const std::int64_t id = event.dossierId().value;
    std::optional<domain::stats::DossierStatRecord> record;
    if (event.kind() == domain::DossierEventKind::Submitted) {
        record.emplace();
    } else {
        record = stats.find(session, id);
    }
    // What the counters hold for this dossier: the stored record's contribution.
    const std::optional<stats::DossierStatRecord> before =
        event.kind() == domain::DossierEventKind::Submitted ? std::nullopt : record;
    if (record && record->last_sequence == event.sequence() - 1) {
        domain::stats::applyEvent(*record, event, context);
    } else {
        const auto trail = dossiers.events(session, id);
        record = domain::stats::recordFromEvents(trail, context);
    }
    stats.upsert(session, *record);
    store::CounterRepository{}.apply(session, id, stats::counterChange(before, *record));
}

void storeNewRecords(store::StatementBatch& batch, store::StatsRepository& stats,
                     const std::vector<stats::DossierStatRecord>& records) {
    stats.insertNew(batch, records);
    std::vector<std::pair<std::int64_t, stats::CounterChange>> changes;
    changes.reserve(records.size());
    for (const auto& record : records) {
        changes.emplace_back(record.dossier_id.value, stats::counterChange(std::nullopt, record));
    }
    store::CounterRepository{}.apply(batch, changes);
}

std::int64_t rebuildDayCounters(store::Database& db, const std::function<void(std::int64_t)>& progress) {
    return db.run([&](store::Session& s) {
        store::CounterRepository counters;
        const TableLock lock(s, "dossier_stats READ, stats_day_counters WRITE, stats_irregular_records WRITE,"
                                " stats_counter_pending WRITE, stats_counter_state WRITE");
        counters.setBuilt(s, false);
        counters.clear(s);
        Expected expected;
        addAll(s, expected, progress);
        expected.totals.forEachBatch(4'000, [&](const std::vector<store::CounterRow>& rows) { counters.addRows(s, rows); });
        counters.markIrregular(s, expected.irregular);
        counters.setBuilt(s, true);
        return expected.records;
    });
}

std::int64_t flushDayCounters(store::Database& db) {
    constexpr std::size_t kBatch = 20'000;
    std::int64_t total = 0;
    int unknown = 0;
    for (;;) {
        std::int64_t moved = 0;
        try {
            moved = db.run([&](store::Session& s) {
                s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                store::Transaction tx(s);
                const std::int64_t n = store::CounterRepository{}.flushPending(s, kBatch);
                if (n > 0) tx.commit();  // nothing moved, nothing to commit: it rolls back
                return n;
            });
        } catch (const store::CommitUnknown& e) {
            // A flush moves what is pending and deletes it in one transaction, so running it
            // again is right whether or not the lost one committed: it moves what is left.
            log::warn("stats.flush_commit_unknown", {{"error", e.what()}});
            if (++unknown > 3) throw;
            continue;
        }
        total += moved;
        if (moved < static_cast<std::int64_t>(kBatch)) return total;
    }
}

std::vector<std::string> verifyDayCounters(store::Database& db) {
    store::CounterRepository counters;
    if (!db.run([&](store::Session& s) { return counters.built(s); })) return {};
    flushDayCounters(db);
    Expected expected;
    db.run([&](store::Session& s) { addAll(s, expected, {}); });
    std::vector<store::CounterRow> wanted;
    expected.totals.forEachBatch(1'000'000, [&](const std::vector<store::CounterRow>& rows) {
        wanted.insert(wanted.end(), rows.begin(), rows.end());
    });
    // Both in primary-key order: walk them together.
    std::size_t differing = 0, stored = 0, i = 0;
    db.run([&](store::Session& s) {
        counters.forEachRow(s, [&](const store::CounterRow& row) {
            if (row.counts == stats::Counts06a{}) return;  // steps that cancelled out
            ++stored;
            while (i < wanted.size() && store::primaryKeyOf(wanted[i]) < store::primaryKeyOf(row)) ++differing, ++i;
            if (i < wanted.size() && store::primaryKeyOf(wanted[i]) == store::primaryKeyOf(row)) {
                if (!(wanted[i].counts == row.counts)) ++differing;
                ++i;
            } else {
                ++differing;  // a stored row nothing gives
            }
        });
    });
    differing += wanted.size() - i;
    std::vector<std::string> out;
    if (differing > 0) {
        out.push_back("Bộ đếm theo ngày khác với bản ghi thống kê ở " + std::to_string(differing) + " dòng (" +
                      std::to_string(stored) + " dòng lưu, " + std::to_string(wanted.size()) +
                      " dòng tính lại); chạy motcua report --rebuild.");
    }
    if (expected.irregular != db.run([&](store::Session& s) { return counters.irregularIds(s); })) {
        out.push_back("Danh sách hồ sơ tính riêng (không tách được theo ngày) khác với bản ghi thống kê.");
    }
    return out;
}

}  // namespace motcua::service
