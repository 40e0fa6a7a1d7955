#include "store/stats_repository.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "store/database.h"
#include "store/multi_row.h"
#include "store/multi_statement.h"
#include "store/sql_time.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>

namespace motcua::store {
namespace {

using domain::stats::DossierStatRecord;

// Columns 1–24 of a record, in the order bindRecord() binds them.
#define MOTCUA_STATS_COLUMNS                                                                                         \
    "dossier_id, code, receiving_agency_id, handling_agency_id, field_code, procedure_code, procedure_online_level," \
    " channel, result_delivery, status, received_at, original_due_at, due_at, resolved_at, returned_at, closed_at,"  \
    " verdict, outcome, apology_issued, apology_timely, apology_issued_at, supplement_count, clock, last_sequence"

// The same columns as readRecord() reads them: instants as epoch seconds of the stored local
// time (the connection's time_zone is +00:00), so millions of rows need no text parsing.
constexpr std::string_view kSelect =
    "SELECT dossier_id, code, receiving_agency_id, handling_agency_id, field_code, procedure_code,"
    " procedure_online_level, channel, result_delivery, status, UNIX_TIMESTAMP(received_at),"
    " UNIX_TIMESTAMP(original_due_at), UNIX_TIMESTAMP(due_at), UNIX_TIMESTAMP(resolved_at),"
    " UNIX_TIMESTAMP(returned_at), UNIX_TIMESTAMP(closed_at), verdict, outcome, apology_issued, apology_timely,"
    " UNIX_TIMESTAMP(apology_issued_at), supplement_count, clock, last_sequence FROM dossier_stats";
constexpr std::string_view kUpsert =
    "INSERT INTO dossier_stats (" MOTCUA_STATS_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?)";
#undef MOTCUA_STATS_COLUMNS
constexpr std::string_view kUpsertTail =
    " ON DUPLICATE KEY UPDATE code = VALUES(code), receiving_agency_id = VALUES(receiving_agency_id),"
    " handling_agency_id = VALUES(handling_agency_id), field_code = VALUES(field_code),"
    " procedure_code = VALUES(procedure_code), procedure_online_level = VALUES(procedure_online_level),"
    " channel = VALUES(channel), result_delivery = VALUES(result_delivery), status = VALUES(status),"
    " received_at = VALUES(received_at), original_due_at = VALUES(original_due_at), due_at = VALUES(due_at),"
    " resolved_at = VALUES(resolved_at), returned_at = VALUES(returned_at), closed_at = VALUES(closed_at),"
    " verdict = VALUES(verdict), outcome = VALUES(outcome), apology_issued = VALUES(apology_issued),"
    " apology_timely = VALUES(apology_timely), apology_issued_at = VALUES(apology_issued_at),"
    " supplement_count = VALUES(supplement_count), clock = VALUES(clock), last_sequence = VALUES(last_sequence)";
constexpr std::size_t kColumns = 24;

std::string sqlLocal(date::local_seconds t) { return toSqlDateTime(date::sys_seconds{t.time_since_epoch()}); }

std::optional<date::local_seconds> optLocal(sql::ResultSet& rs, unsigned column) {
    if (rs.isNull(column)) return std::nullopt;
    return date::local_seconds{std::chrono::seconds{rs.getInt64(column)}};
}

template <class S>
void setLocal(S& s, unsigned column, const std::optional<date::local_seconds>& t) {
    if (t) {
        s.setString(column, sqlLocal(*t));
    } else {
        s.setNull(column, 0);
    }
}

template <class S, class E>
void setName(S& s, unsigned column, const std::optional<E>& value) {
    if (value) {
        s.setString(column, std::string(domain::toName(*value)));
    } else {
        s.setNull(column, 0);
    }
}

template <class S>
unsigned bindRecord(S& s, const DossierStatRecord& r, unsigned i) {
    s.setInt64(i++, r.dossier_id.value);
    s.setString(i++, r.code);
    s.setInt64(i++, r.receiving_agency.value);
    s.setInt64(i++, r.handling_agency.value);
    s.setString(i++, r.field_code);
    s.setString(i++, r.procedure_code);
    s.setString(i++, std::string(domain::toName(r.procedure_online_level)));
    s.setString(i++, std::string(domain::toName(r.channel)));
    s.setString(i++, std::string(domain::toName(r.result_delivery)));
    s.setString(i++, std::string(domain::toName(r.status)));
    setLocal(s, i++, r.received_at);
    setLocal(s, i++, r.original_due_at);
    setLocal(s, i++, r.due_at);
    setLocal(s, i++, r.resolved_at);
    setLocal(s, i++, r.returned_at);
    setLocal(s, i++, r.closed_at);
    setName(s, i++, r.verdict);
    setName(s, i++, r.outcome);
    s.setBoolean(i++, r.apology_issued);
    s.setBoolean(i++, r.apology_timely);
    setLocal(s, i++, r.apology_issued_at);
    s.setInt(i++, r.supplement_count);
    s.setString(i++, encodeClock(r.clock));
    s.setInt64(i++, r.last_sequence);
    return i;
}

DossierStatRecord readRecord(sql::ResultSet& rs) {
    DossierStatRecord r;
    r.dossier_id = domain::DossierId{rs.getInt64(1)};
    r.code = rs.getString(2);
    r.receiving_agency = domain::AgencyId{rs.getInt64(3)};
    r.handling_agency = domain::AgencyId{rs.getInt64(4)};
    r.field_code = rs.getString(5);
    r.procedure_code = rs.getString(6);
    r.procedure_online_level = domain::parseOnlineLevel(std::string(rs.getString(7)));
    r.channel = domain::parseChannel(std::string(rs.getString(8)));
    r.result_delivery = domain::parseResultDelivery(std::string(rs.getString(9)));
    r.status = domain::parseDossierStatus(std::string(rs.getString(10)));
    r.received_at = optLocal(rs, 11);
    r.original_due_at = optLocal(rs, 12);
    r.due_at = optLocal(rs, 13);
    r.resolved_at = optLocal(rs, 14);
    r.returned_at = optLocal(rs, 15);
    r.closed_at = optLocal(rs, 16);
    if (!rs.isNull(17)) r.verdict = domain::parseVerdict(std::string(rs.getString(17)));
    if (!rs.isNull(18)) r.outcome = domain::parseResolutionOutcome(std::string(rs.getString(18)));
    r.apology_issued = rs.getBoolean(19);
    r.apology_timely = rs.getBoolean(20);
    r.apology_issued_at = optLocal(rs, 21);
    r.supplement_count = rs.getInt(22);
    r.clock = decodeClock(std::string(rs.getString(23)));
    r.last_sequence = rs.getInt64(24);
    return r;
}

std::vector<DossierStatRecord> readAll(sql::PreparedStatement& statement) {
    std::vector<DossierStatRecord> out;
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    while (rs->next()) out.push_back(readRecord(*rs));
    return out;
}

std::int64_t parseSeconds(std::string_view text) {
    const auto value = domain::wholeNumber<std::int64_t>(text);
    if (!value) throw Error(ErrorCode::Internal, "Dữ liệu thống kê hỏng.", "bad clock entry in dossier_stats");
    return *value;
}

}  // namespace

std::string encodeClock(const std::vector<domain::stats::ClockChange>& clock) {
    std::string out;
    for (const auto& change : clock) {
        if (!out.empty()) out += ';';
        out += std::to_string(change.at.time_since_epoch().count());
        out += '=';
        if (change.due_at) out += std::to_string(change.due_at->time_since_epoch().count());
    }
    return out;
}

std::vector<domain::stats::ClockChange> decodeClock(std::string_view text) {
    std::vector<domain::stats::ClockChange> out;
    while (!text.empty()) {
        const auto end = std::min(text.find(';'), text.size());
        const auto entry = text.substr(0, end);
        const auto eq = entry.find('=');
        if (eq == std::string_view::npos) {
            throw Error(ErrorCode::Internal, "Dữ liệu thống kê hỏng.", "bad clock entry in dossier_stats");
        }
        domain::stats::ClockChange change{date::local_seconds{std::chrono::seconds{parseSeconds(entry.substr(0, eq))}},
                                          std::nullopt};
        if (eq + 1 < entry.size()) {
            change.due_at = date::local_seconds{std::chrono::seconds{parseSeconds(entry.substr(eq + 1))}};
        }
        out.push_back(change);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
}

std::optional<DossierStatRecord> StatsRepository::find(Session& session, std::int64_t dossier_id) {
    auto& s = session.prepare(std::string(kSelect) + " WHERE dossier_id = ?");
    s.setInt64(1, dossier_id);
    auto all = readAll(s);
    if (all.empty()) return std::nullopt;
    return std::move(all.front());
}

void StatsRepository::upsert(Session& session, const DossierStatRecord& record) {
    auto& s = session.prepare(std::string(kUpsert) + std::string(kUpsertTail));
    bindRecord(s, record, 1);
    s.executeUpdate();
}

/// Writes `records` with multi-row statements ending in `tail` (the upsert's ON DUPLICATE KEY
/// clause, or nothing for records that are new).
template <class Target>
void writeRecords(Target& target, const std::vector<DossierStatRecord>& records, std::string_view tail) {
    constexpr std::size_t kPerStatement = 500;  // 24 placeholders each
    for (std::size_t first = 0; first < records.size(); first += kPerStatement) {
        const std::size_t n = std::min(kPerStatement, records.size() - first);
        writeStatement(target, multiRowOf(kUpsert, n, tail), [&](auto& s) {
            unsigned i = 1;
            for (std::size_t r = first; r < first + n; ++r) i = bindRecord(s, records[r], i);
        });
    }
    static_assert(kColumns * kPerStatement < 65535, "placeholders per statement");
}

void StatsRepository::upsertMany(Session& session, const std::vector<DossierStatRecord>& records) {
    writeRecords(session, records, kUpsertTail);
}

void StatsRepository::insertNew(StatementBatch& batch, const std::vector<DossierStatRecord>& records) {
    writeRecords(batch, records, "");
}

std::vector<DossierStatRecord> StatsRepository::forPeriod(Session& session, date::local_seconds start,
                                                          date::local_seconds end) {
    auto& s = session.prepare(std::string(kSelect) +
                              " WHERE received_at IS NOT NULL AND received_at <= ?"
                              " AND (ended_at IS NULL OR ended_at >= ? OR returned_at >= ?)");
    s.setString(1, sqlLocal(end));
    s.setString(2, sqlLocal(start));
    s.setString(3, sqlLocal(start));
    return readAll(s);
}

void StatsRepository::forEachInPeriod(Session& session, date::local_seconds start, date::local_seconds end,
                                      std::int64_t first_id, std::int64_t last_id,
                                      const std::function<void(const DossierStatRecord&)>& visit) {
    auto& s = session.prepare(std::string(kSelect) +
                              " WHERE dossier_id BETWEEN ? AND ? AND received_at IS NOT NULL AND received_at <= ?"
                              " AND (ended_at IS NULL OR ended_at >= ? OR returned_at >= ?)");
    s.setInt64(1, first_id);
    s.setInt64(2, last_id);
    s.setString(3, sqlLocal(end));
    s.setString(4, sqlLocal(start));
    s.setString(5, sqlLocal(start));
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    while (rs->next()) visit(readRecord(*rs));
}

std::vector<DossierStatRecord> StatsRepository::range(Session& session, std::int64_t first_id, std::int64_t last_id) {
    auto& s = session.prepare(std::string(kSelect) + " WHERE dossier_id BETWEEN ? AND ? ORDER BY dossier_id");
    s.setInt64(1, first_id);
    s.setInt64(2, last_id);
    return readAll(s);
}

std::vector<DossierStatRecord> StatsRepository::irregular(Session& session) {
    auto& s = session.prepare(std::string(kSelect) +
                              " WHERE dossier_id IN (SELECT dossier_id FROM stats_irregular_records)");
    return readAll(s);
}

std::vector<DossierStatRecord> StatsRepository::openDueBetween(Session& session,
                                                               const std::vector<std::int64_t>& agency_ids,
                                                               date::sys_seconds from, date::sys_seconds to) {
    if (agency_ids.empty()) return {};
    // The (receiving agency, is_open, current_due_at) index finds the few dossiers; their
    // records follow by primary key (kSelect reads dossier_stats alone: qualify through a join).
    std::string select(kSelect);
    select.replace(select.rfind(" FROM dossier_stats"), std::string::npos,
                   multiRowStatement(" FROM (SELECT id FROM dossiers WHERE receiving_agency_id IN (", "?", agency_ids.size(),
                                     ") AND is_open = 1 AND current_due_at BETWEEN ? AND ?) due STRAIGHT_JOIN dossier_stats"
                                     " ON dossier_stats.dossier_id = due.id"));
    auto& s = session.prepare(select);
    unsigned i = 1;
    for (const auto id : agency_ids) s.setInt64(i++, id);
    s.setString(i++, toSqlDateTime(from));
    s.setString(i, toSqlDateTime(to));
    return readAll(s);
}

std::pair<std::int64_t, std::int64_t> StatsRepository::idBounds(Session& session) {
    auto& s = session.prepare("SELECT MIN(dossier_id), MAX(dossier_id) FROM dossier_stats");
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    if (!rs->next() || rs->isNull(1)) return {0, -1};
    return {rs->getInt64(1), rs->getInt64(2)};
}

std::vector<ScoringTableRow> StatsRepository::scoringTables(Session& session) {
    auto& s = session.prepare("SELECT code, name, body, updated_by FROM scoring_tables ORDER BY code");
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    std::vector<ScoringTableRow> out;
    while (rs->next()) out.push_back({rs->getString(1), rs->getString(2), rs->getString(3), rs->getString(4)});
    return out;
}

void StatsRepository::saveScoringTable(Session& session, const ScoringTableRow& row, date::sys_seconds now) {
    auto& s = session.prepare(
        "INSERT INTO scoring_tables (code, name, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON DUPLICATE KEY UPDATE name = VALUES(name), body = VALUES(body), updated_by = VALUES(updated_by),"
        " updated_at = VALUES(updated_at)");
    s.setString(1, row.code);
    s.setString(2, row.name);
    s.setString(3, row.body);
    s.setString(4, row.updated_by);
    s.setString(5, toSqlDateTime(now));
    s.executeUpdate();
}

}  // namespace motcua::store
