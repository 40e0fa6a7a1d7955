#include "store/counter_repository.h"

#include "domain/core/error.h"
#include "store/database.h"
#include "store/multi_row.h"
#include "store/multi_statement.h"
#include "store/sql_time.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <array>
#include <tuple>

namespace motcua::store {
namespace {

namespace stats = domain::stats;

constexpr std::size_t kRowsPerStatement = 400;  // 31 placeholders each

std::string sqlDay(date::local_days day) { return toSqlDate(date::year_month_day{day}); }

date::local_days dayOf(std::int64_t epoch_seconds) {
    return date::floor<date::days>(date::local_seconds{std::chrono::seconds{epoch_seconds}});
}

date::local_days firstOfMonth(date::local_days day) {
    const date::year_month_day ymd{day};
    return date::local_days{ymd.year() / ymd.month() / 1};
}

date::local_days firstOfYear(date::local_days day) {
    const date::year_month_day ymd{day};
    return date::local_days{ymd.year() / 1 / 1};
}

date::local_days firstOfQuarter(date::local_days day) {
    const date::year_month_day ymd{day};
    const unsigned month = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
    return date::local_days{ymd.year() / date::month{month} / 1};
}

/// The 1st or the 15th: NĐ 09/2019 periods end on the 14th, so a half-month bucket covers their
/// last days in one row.
date::local_days firstOfHalfMonth(date::local_days day) {
    const date::year_month_day ymd{day};
    return date::local_days{ymd.year() / ymd.month() / (ymd.day() >= date::day{15} ? 15 : 1)};
}

/// The grains, finest first, with the bucket each puts a day in.
struct Grain {
    char code;
    date::local_days (*bucket)(date::local_days);
};
constexpr std::array<Grain, 5> kGrains{{{'D', [](date::local_days d) { return d; }},
                                        {'H', &firstOfHalfMonth},
                                        {'M', &firstOfMonth},
                                        {'Q', &firstOfQuarter},
                                        {'Y', &firstOfYear}}};

std::string countList(std::string_view wrap_before, std::string_view wrap_after) {
    std::string out;
    for (const auto& column : stats::countColumns()) {
        out += ", ";
        out += wrap_before;
        out += column.name;
        out += wrap_after;
    }
    return out;
}

/// "(?, …, ?)" for `leading` columns before the key and the counts.
std::string placeholderGroup(std::size_t leading) {
    std::string group = "(?";
    for (std::size_t i = 1; i < leading + 3 + stats::countColumns().size(); ++i) group += ", ?";
    return group + ')';
}

/// Binds the key (agency, field, procedure) and the counts from placeholder `i`; returns the next.
template <class S>
unsigned bindKeyAndCounts(S& s, unsigned i, const stats::CounterKey& key,
                          const stats::Counts06a& counts) {
    s.setInt64(i++, key.agency.value);
    s.setString(i++, key.field_code);
    s.setString(i++, key.procedure_code);
    for (const auto& column : stats::countColumns()) s.setInt64(i++, counts.*column.member);
    return i;
}

stats::CounterSide readSide(sql::ResultSet& rs, unsigned column) {
    return rs.getString(column) == "S" ? stats::CounterSide::First : stats::CounterSide::Last;
}

/// Reads the key (agency, field, procedure) from `column` on.
stats::CounterKey readKey(sql::ResultSet& rs, unsigned column) {
    return {domain::AgencyId{rs.getInt64(column)}, rs.getString(column + 1), rs.getString(column + 2)};
}

/// Reads the counts from `column` on.
stats::Counts06a readCounts(sql::ResultSet& rs, unsigned column) {
    stats::Counts06a counts;
    for (const auto& count : stats::countColumns()) counts.*count.member = rs.getInt64(column++);
    return counts;
}

CounterRow readRow(sql::ResultSet& rs) {
    return CounterRow{readSide(rs, 1), rs.getString(2).c_str()[0], dayOf(rs.getInt64(3)), readKey(rs, 4),
                      readCounts(rs, 7)};
}

}  // namespace

std::vector<CounterRow> counterRows(const std::vector<stats::CounterCell>& cells) {
    std::vector<CounterRow> rows;
    rows.reserve(cells.size() * kGrains.size());
    for (const auto& cell : cells) {
        for (const Grain& grain : kGrains) rows.push_back({cell.side, grain.code, grain.bucket(cell.day), cell.key, cell.counts});
    }
    std::sort(rows.begin(), rows.end(),
              [](const CounterRow& a, const CounterRow& b) { return primaryKeyOf(a) < primaryKeyOf(b); });
    std::vector<CounterRow> merged;
    for (auto& row : rows) {
        if (!merged.empty() && primaryKeyOf(merged.back()) == primaryKeyOf(row)) {
            merged.back().counts += row.counts;
        } else {
            merged.push_back(std::move(row));
        }
    }
    std::erase_if(merged, [](const CounterRow& row) { return row.counts == stats::Counts06a{}; });
    return merged;
}

namespace {

// A CounterTotals entry: side (1 bit), grain (3 bits), day (28 bits, offset), key number (32 bits).
constexpr std::int64_t kDayOffset = 1 << 27;

std::uint64_t pack(stats::CounterSide side, int grain, date::local_days bucket, std::uint32_t key) {
    const auto day = static_cast<std::uint64_t>(bucket.time_since_epoch().count() + kDayOffset);
    return (std::uint64_t{side == stats::CounterSide::Last} << 63) | (static_cast<std::uint64_t>(grain) << 60) |
           (day << 32) | key;
}

}  // namespace

void CounterTotals::addRow(stats::CounterSide side, int grain, date::local_days bucket, std::uint32_t key,
                           const stats::Counts06a& counts) {
    sums_[pack(side, grain, bucket, key)] += counts;
}

void CounterTotals::add(const std::vector<stats::CounterCell>& cells) {
    for (const auto& cell : cells) {
        auto [found, added] = ids_.emplace(cell.key, static_cast<std::uint32_t>(keys_.size()));
        if (added) keys_.push_back(cell.key);
        const std::uint32_t key = found->second;
        for (std::size_t grain = 0; grain < kGrains.size(); ++grain) {
            addRow(cell.side, static_cast<int>(grain), kGrains[grain].bucket(cell.day), key, cell.counts);
        }
    }
}

void CounterTotals::forEachBatch(std::size_t batch, const std::function<void(const std::vector<CounterRow>&)>& visit) const {
    std::vector<std::uint64_t> order;
    order.reserve(sums_.size());
    for (const auto& [packed, counts] : sums_) {
        if (!(counts == stats::Counts06a{})) order.push_back(packed);
    }
    // The high bits sort side, grain and day; the key number is replaced by the key's own order.
    std::sort(order.begin(), order.end(), [this](std::uint64_t a, std::uint64_t b) {
        if ((a >> 32) != (b >> 32)) return (a >> 32) < (b >> 32);
        return keys_[a & 0xFFFFFFFFU] < keys_[b & 0xFFFFFFFFU];
    });
    std::vector<CounterRow> rows;
    for (const std::uint64_t packed : order) {
        CounterRow row;
        row.side = (packed >> 63) != 0 ? stats::CounterSide::Last : stats::CounterSide::First;
        row.grain = kGrains[(packed >> 60) & 7U].code;
        row.bucket = date::local_days{date::days{static_cast<std::int64_t>((packed >> 32) & 0xFFFFFFFU) - kDayOffset}};
        row.key = keys_[packed & 0xFFFFFFFFU];
        row.counts = sums_.at(packed);
        rows.push_back(std::move(row));
        if (rows.size() == batch) {
            visit(rows);
            rows.clear();
        }
    }
    if (!rows.empty()) visit(rows);
}

void CounterRepository::apply(Session& session, std::int64_t dossier_id, const stats::CounterChange& change) {
    apply(session, {{dossier_id, change}});
}

namespace {

const std::string& irregularInsert() {
    static const std::string text = "INSERT IGNORE INTO stats_irregular_records (dossier_id) VALUES (?)";
    return text;
}

template <class Target>
void markIrregularIn(Target& target, const std::vector<std::int64_t>& dossier_ids) {
    for (const std::int64_t id : dossier_ids) {
        writeStatement(target, irregularInsert(), [&](auto& s) { s.setInt64(1, id); });
    }
}

template <class Target>
void applyChanges(Target& target, const std::vector<std::pair<std::int64_t, stats::CounterChange>>& changes) {
    // The steps of all the changes, summed by cell: a batch of intakes at one desk adds one row
    // per cell rather than one per intake and cell.
    std::vector<stats::CounterCell> cells;
    for (const auto& entry : changes) cells.insert(cells.end(), entry.second.cells.begin(), entry.second.cells.end());
    if (changes.size() > 1) stats::normalizeCells(cells);
    if (!cells.empty()) {
        writeStatement(target,
                       multiRowStatement("INSERT INTO stats_counter_pending (side, day, agency_id, field_code, procedure_code" +
                                             countList("", "") + ") VALUES ",
                                         placeholderGroup(2), cells.size(), ""),
                       [&](auto& s) {
                           unsigned i = 1;
                           for (const auto& cell : cells) {
                               s.setString(i++, std::string(1, static_cast<char>(cell.side)));
                               s.setString(i++, sqlDay(cell.day));
                               i = bindKeyAndCounts(s, i, cell.key, cell.counts);
                           }
                       });
    }
    std::vector<std::int64_t> now_irregular;
    for (const auto& [id, change] : changes) {
        if (change.irregular_after && !change.irregular_before) now_irregular.push_back(id);
        if (change.irregular_before && !change.irregular_after) {
            writeStatement(target, "DELETE FROM stats_irregular_records WHERE dossier_id = ?",
                           [&, dossier = id](auto& s) { s.setInt64(1, dossier); });
        }
    }
    markIrregularIn(target, now_irregular);
}

}  // namespace

void CounterRepository::apply(Session& session, const std::vector<std::pair<std::int64_t, stats::CounterChange>>& changes) {
    applyChanges(session, changes);
}

void CounterRepository::apply(StatementBatch& batch,
                              const std::vector<std::pair<std::int64_t, stats::CounterChange>>& changes) {
    applyChanges(batch, changes);
}

void CounterRepository::addRows(Session& session, const std::vector<CounterRow>& rows) {
    const std::string head = "INSERT INTO stats_day_counters (side, grain, bucket, agency_id, field_code, procedure_code" +
                             countList("", "") + ") VALUES ";
    const std::string group = placeholderGroup(3);
    std::string tail = " ON DUPLICATE KEY UPDATE";
    bool first_column = true;
    for (const auto& column : stats::countColumns()) {
        tail += first_column ? " " : ", ";
        first_column = false;
        tail += std::string(column.name) + " = " + std::string(column.name) + " + VALUES(" + std::string(column.name) + ")";
    }
    for (std::size_t first = 0; first < rows.size(); first += kRowsPerStatement) {
        const std::size_t n = std::min(kRowsPerStatement, rows.size() - first);
        auto& s = session.prepare(multiRowStatement(head, group, n, tail));
        unsigned i = 1;
        for (std::size_t r = first; r < first + n; ++r) {
            const CounterRow& row = rows[r];
            s.setString(i++, std::string(1, static_cast<char>(row.side)));
            s.setString(i++, std::string(1, row.grain));
            s.setString(i++, sqlDay(row.bucket));
            i = bindKeyAndCounts(s, i, row.key, row.counts);
        }
        s.executeUpdate();
    }
}

std::int64_t CounterRepository::flushPending(Session& session, std::size_t limit) {
    // A locking read: it waits for appends still uncommitted below the last id it returns, so the
    // rows it deletes are exactly the rows it added.
    auto& read = session.prepare("SELECT id, side, UNIX_TIMESTAMP(day), agency_id, field_code, procedure_code" +
                                 countList("", "") + " FROM stats_counter_pending ORDER BY id LIMIT ? FOR UPDATE");
    read.setInt64(1, static_cast<std::int64_t>(limit));
    std::vector<stats::CounterCell> cells;
    std::int64_t last_id = 0;
    {
        std::unique_ptr<sql::ResultSet> rs(read.executeQuery());
        while (rs->next()) {
            last_id = rs->getInt64(1);
            cells.push_back({readKey(*rs, 4), readSide(*rs, 2), dayOf(rs->getInt64(3)), readCounts(*rs, 7)});
        }
    }
    if (cells.empty()) return 0;
    const auto moved = static_cast<std::int64_t>(cells.size());
    stats::normalizeCells(cells);
    addRows(session, counterRows(cells));
    auto& remove = session.prepare("DELETE FROM stats_counter_pending WHERE id <= ?");
    remove.setInt64(1, last_id);
    remove.executeUpdate();
    return moved;
}

void CounterRepository::markIrregular(Session& session, const std::vector<std::int64_t>& dossier_ids) {
    markIrregularIn(session, dossier_ids);
}

std::map<stats::CounterKey, stats::Counts06a> CounterRepository::periodCounts(Session& session, date::local_days first,
                                                                              date::local_days last) {
    // The prefix through a day d, with n = d + 1: years before n's year, quarters of that year
    // before n's quarter, months of that quarter before n's month, the half of that month before
    // n's half, days of that half before n. At most 2 + 3 + 2 + 1 + 14 rows per key and year
    // back; a NĐ 09 period (ending on the 14th) or a calendar one needs no day rows.
    const std::string prefix =
        "(grain = 'Y' AND bucket < ?) OR (grain = 'Q' AND bucket >= ? AND bucket < ?)"
        " OR (grain = 'M' AND bucket >= ? AND bucket < ?) OR (grain = 'H' AND bucket >= ? AND bucket < ?)"
        " OR (grain = 'D' AND bucket >= ? AND bucket < ?)";
    auto& s = session.prepare("SELECT side, agency_id, field_code, procedure_code" + countList("SUM(", ")") +
                              " FROM stats_day_counters WHERE (side = 'T' AND (" + prefix + ")) OR (side = 'S' AND (" +
                              prefix + ")) GROUP BY side, agency_id, field_code, procedure_code");
    unsigned i = 1;
    for (const date::local_days through : {last, first}) {
        const date::local_days next = through + date::days{1};
        // Bounds from coarse to fine; each grain runs from the previous bound to its own.
        const std::array<date::local_days, 5> bounds{firstOfYear(next), firstOfQuarter(next), firstOfMonth(next),
                                                     firstOfHalfMonth(next), next};
        s.setString(i++, sqlDay(bounds[0]));
        for (std::size_t b = 1; b < bounds.size(); ++b) {
            s.setString(i++, sqlDay(bounds[b - 1]));
            s.setString(i++, sqlDay(bounds[b]));
        }
    }
    std::map<stats::CounterKey, stats::Counts06a> out;
    addSums(s, out);
    auto& pending = session.prepare("SELECT side, agency_id, field_code, procedure_code" + countList("SUM(", ")") +
                                    " FROM stats_counter_pending WHERE (side = 'T' AND day <= ?) OR"
                                    " (side = 'S' AND day <= ?) GROUP BY side, agency_id, field_code, procedure_code");
    pending.setString(1, sqlDay(last));
    pending.setString(2, sqlDay(first));
    addSums(pending, out);
    return out;
}

void CounterRepository::addSums(sql::PreparedStatement& s, std::map<stats::CounterKey, stats::Counts06a>& out) {
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    while (rs->next()) {
        auto& sum = out[readKey(*rs, 2)];
        if (readSide(*rs, 1) == stats::CounterSide::Last) {
            sum += readCounts(*rs, 5);
        } else {
            sum -= readCounts(*rs, 5);
        }
    }
}

void CounterRepository::forEachRow(Session& session, const std::function<void(const CounterRow&)>& visit) {
    auto& s = session.prepare("SELECT side, grain, UNIX_TIMESTAMP(bucket), agency_id, field_code, procedure_code" +
                              countList("", "") +
                              " FROM stats_day_counters ORDER BY side, grain, bucket, agency_id, field_code,"
                              " procedure_code");
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    while (rs->next()) visit(readRow(*rs));
}

std::vector<std::int64_t> CounterRepository::irregularIds(Session& session) {
    auto& s = session.prepare("SELECT dossier_id FROM stats_irregular_records ORDER BY dossier_id");
    std::vector<std::int64_t> out;
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    while (rs->next()) out.push_back(rs->getInt64(1));
    return out;
}

bool CounterRepository::built(Session& session) {
    auto& s = session.prepare("SELECT built FROM stats_counter_state WHERE id = 1");
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    return rs->next() && rs->getBoolean(1);
}

void CounterRepository::setBuilt(Session& session, bool built) {
    auto& s = session.prepare("INSERT INTO stats_counter_state (id, built) VALUES (1, ?)"
                              " ON DUPLICATE KEY UPDATE built = VALUES(built)");
    s.setBoolean(1, built);
    s.executeUpdate();
}

void CounterRepository::clear(Session& session) {
    session.execute("TRUNCATE TABLE stats_irregular_records");
    session.execute("TRUNCATE TABLE stats_counter_pending");
    session.execute("TRUNCATE TABLE stats_day_counters");
}

}  // namespace motcua::store
