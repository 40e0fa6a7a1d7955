#include "store/calendar_repository.h"

#include "store/ascii_column.h"
#include "store/sql_time.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <map>

namespace motcua::store {
namespace {

constexpr std::string_view kSchedulesInForce =
    "SELECT s.id, s.year, s.version, s.effective_from, s.source, s.created_by, s.created_at"
    " FROM calendar_schedules s"
    " WHERE s.effective_from <= ? AND NOT EXISTS ("
    "   SELECT 1 FROM calendar_schedules n WHERE n.year = s.year AND n.effective_from <= ?"
    "   AND (n.effective_from > s.effective_from OR (n.effective_from = s.effective_from AND n.version > s.version)))"
    " ORDER BY s.year";
constexpr std::string_view kVersionsOf =
    "SELECT id, year, version, effective_from, source, created_by, created_at FROM calendar_schedules"
    " WHERE year = ? ORDER BY version";
constexpr std::string_view kAllVersions =
    "SELECT id, year, version, effective_from, source, created_by, created_at FROM calendar_schedules"
    " ORDER BY year, version";
constexpr std::string_view kDaysOf =
    "SELECT day, kind, name FROM calendar_schedule_days WHERE schedule_id = ? ORDER BY day";
constexpr std::string_view kLastVersion =
    "SELECT COALESCE(MAX(version), 0) FROM calendar_schedules WHERE year = ? FOR UPDATE";
constexpr std::string_view kInsertSchedule =
    "INSERT INTO calendar_schedules (year, version, effective_from, source, created_by, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertDay =
    "INSERT INTO calendar_schedule_days (schedule_id, day, kind, name) VALUES (?, ?, ?, ?)";
constexpr std::string_view kChangeStamp = "SELECT COALESCE(MAX(id), 0) + COUNT(*) * 1000000000 FROM calendar_schedules";
constexpr std::string_view kWorkingHours =
    "SELECT w.sessions, TIME_FORMAT(w.forwarding_cutoff, '%H:%i') FROM agency_working_hours w"
    " JOIN agencies a ON a.id = w.agency_id WHERE a.code = ?";
constexpr std::string_view kAgencyId = "SELECT id FROM agencies WHERE code = ?";
constexpr std::string_view kUpsertWorkingHours =
    "INSERT INTO agency_working_hours (agency_id, sessions, forwarding_cutoff, updated_by, updated_at)"
    " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE sessions = VALUES(sessions),"
    " forwarding_cutoff = VALUES(forwarding_cutoff), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)";

ScheduleRow readSchedule(sql::ResultSet& rs) {
    ScheduleRow row;
    row.id = rs.getInt64(1);
    row.year = rs.getInt(2);
    row.version = rs.getInt(3);
    row.effective_from = fromSqlDateTime(std::string(rs.getString(4)));
    row.source = rs.getString(5);
    row.created_by = rs.getString(6);
    row.created_at = fromSqlDateTime(std::string(rs.getString(7)));
    return row;
}

void loadDays(Session& session, std::vector<ScheduleRow>& rows) {
    auto& statement = session.prepare(kDaysOf);
    for (auto& row : rows) {
        statement.setInt64(1, row.id);
        std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
        while (rs->next()) {
            row.days.push_back(ScheduleDayRow{fromSqlDate(std::string(rs->getString(1))), rs->getString(2),
                                              rs->getString(3)});
        }
    }
}

}  // namespace

std::vector<ScheduleRow> CalendarRepository::schedulesInForce(Session& session, date::sys_seconds at) {
    auto& statement = session.prepare(kSchedulesInForce);
    statement.setString(1, toSqlDateTime(at));
    statement.setString(2, toSqlDateTime(at));
    std::vector<ScheduleRow> rows;
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    while (rs->next()) rows.push_back(readSchedule(*rs));
    loadDays(session, rows);
    return rows;
}

std::vector<ScheduleRow> CalendarRepository::allVersions(Session& session) {
    std::vector<ScheduleRow> rows;
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kAllVersions).executeQuery());
    while (rs->next()) rows.push_back(readSchedule(*rs));
    loadDays(session, rows);
    return rows;
}

std::vector<ScheduleRow> CalendarRepository::versionsOf(Session& session, int year) {
    auto& statement = session.prepare(kVersionsOf);
    statement.setInt(1, year);
    std::vector<ScheduleRow> rows;
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    while (rs->next()) rows.push_back(readSchedule(*rs));
    loadDays(session, rows);
    return rows;
}

ScheduleRow CalendarRepository::insertVersion(Session& session, ScheduleRow row) {
    auto& last = session.prepare(kLastVersion);
    last.setInt(1, row.year);
    {
        std::unique_ptr<sql::ResultSet> rs(last.executeQuery());
        rs->next();
        row.version = rs->getInt(1) + 1;
    }
    auto& insert = session.prepare(kInsertSchedule);
    insert.setInt(1, row.year);
    insert.setInt(2, row.version);
    insert.setString(3, toSqlDateTime(row.effective_from));
    insert.setString(4, row.source);
    insert.setString(5, row.created_by);
    insert.setString(6, toSqlDateTime(row.created_at));
    insert.executeUpdate();
    row.id = session.lastInsertId();
    auto& day = session.prepare(kInsertDay);
    for (const auto& d : row.days) {
        day.setInt64(1, row.id);
        day.setString(2, toSqlDate(d.day));
        day.setString(3, d.kind);
        day.setString(4, d.name);
        day.executeUpdate();
    }
    return row;
}

long long CalendarRepository::changeStamp(Session& session) {
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kChangeStamp).executeQuery());
    rs->next();
    return rs->getInt64(1);
}

std::optional<WorkingHoursRow> CalendarRepository::workingHours(Session& session, const std::string& agency_code) {
    if (!fitsAsciiColumn(agency_code)) return std::nullopt;
    auto& statement = session.prepare(kWorkingHours);
    statement.setString(1, agency_code);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return WorkingHoursRow{rs->getString(1), rs->getString(2)};
}

std::optional<long long> CalendarRepository::agencyId(Session& session, const std::string& agency_code) {
    if (!fitsAsciiColumn(agency_code)) return std::nullopt;
    auto& statement = session.prepare(kAgencyId);
    statement.setString(1, agency_code);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return rs->getInt64(1);
}

void CalendarRepository::setWorkingHours(Session& session, long long agency_id, const WorkingHoursRow& hours,
                                         const std::string& by, date::sys_seconds at) {
    auto& statement = session.prepare(kUpsertWorkingHours);
    statement.setInt64(1, agency_id);
    statement.setString(2, hours.sessions);
    statement.setString(3, hours.forwarding_cutoff);
    statement.setString(4, by);
    statement.setString(5, toSqlDateTime(at));
    statement.executeUpdate();
}

}  // namespace motcua::store
