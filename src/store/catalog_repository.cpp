#include "store/catalog_repository.h"

#include "domain/deadline/duration.h"
#include "store/ascii_column.h"
#include "store/sql_time.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

namespace motcua::store {
namespace {

constexpr std::string_view kAgencies =
    "SELECT a.id, a.code, a.name, a.parent_id, p.code, COALESCE(a.head_title, ''), COALESCE(a.address, ''),"
    " COALESCE(a.phone, ''), a.active FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id ORDER BY a.id";
constexpr std::string_view kAgencyByCode =
    "SELECT a.id, a.code, a.name, a.parent_id, p.code, COALESCE(a.head_title, ''), COALESCE(a.address, ''),"
    " COALESCE(a.phone, ''), a.active FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = ?";
constexpr std::string_view kInsertAgency =
    "INSERT INTO agencies (code, name, parent_id, head_title, address, phone, active, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdateAgency =
    "UPDATE agencies SET name = ?, parent_id = ?, head_title = ?, address = ?, phone = ?, active = ?,"
    " updated_at = ?, version = version + 1 WHERE code = ?";
constexpr std::string_view kFields = "SELECT code, name FROM fields ORDER BY code";
constexpr std::string_view kFieldId = "SELECT id FROM fields WHERE code = ?";
constexpr std::string_view kUpsertField =
    "INSERT INTO fields (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE name = VALUES(name), updated_at = VALUES(updated_at), version = version + 1,"
    " id = LAST_INSERT_ID(id)";
constexpr std::string_view kProcedures =
    "SELECT p.id, p.code, p.name, f.code, p.duration, p.online_level, p.fee_vnd, p.supplement_mode, p.active"
    " FROM procedures p JOIN fields f ON f.id = p.field_id ORDER BY p.code";
constexpr std::string_view kProcedureByCode =
    "SELECT p.id, p.code, p.name, f.code, p.duration, p.online_level, p.fee_vnd, p.supplement_mode, p.active"
    " FROM procedures p JOIN fields f ON f.id = p.field_id WHERE p.code = ?";
constexpr std::string_view kProcedureById =
    "SELECT p.id, p.code, p.name, f.code, p.duration, p.online_level, p.fee_vnd, p.supplement_mode, p.active"
    " FROM procedures p JOIN fields f ON f.id = p.field_id WHERE p.id = ?";
constexpr std::string_view kProcedureAgencies =
    "SELECT a.code FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id WHERE pa.procedure_id = ?"
    " ORDER BY a.code";
constexpr std::string_view kUpsertProcedure =
    "INSERT INTO procedures (code, name, field_id, duration, online_level, fee_vnd, supplement_mode, active,"
    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE name = VALUES(name), field_id = VALUES(field_id), duration = VALUES(duration),"
    " online_level = VALUES(online_level), fee_vnd = VALUES(fee_vnd), supplement_mode = VALUES(supplement_mode),"
    " active = VALUES(active), updated_at = VALUES(updated_at), version = version + 1, id = LAST_INSERT_ID(id)";
constexpr std::string_view kDeleteProcedureAgencies = "DELETE FROM procedure_agencies WHERE procedure_id = ?";
constexpr std::string_view kInsertProcedureAgency =
    "INSERT INTO procedure_agencies (procedure_id, agency_id) VALUES (?, ?)";

domain::AgencyEntry readAgency(sql::ResultSet& rs) {
    domain::AgencyEntry row;
    row.agency.id = domain::AgencyId{rs.getInt64(1)};
    row.agency.code = rs.getString(2);
    row.agency.name = rs.getString(3);
    if (!rs.isNull(4)) row.agency.parent_id = domain::AgencyId{rs.getInt64(4)};
    if (!rs.isNull(5)) row.parent_code = std::string(rs.getString(5));
    row.head_title = rs.getString(6);
    row.address = rs.getString(7);
    row.phone = rs.getString(8);
    row.active = rs.getBoolean(9);
    return row;
}

domain::ProcedureEntry readProcedure(sql::ResultSet& rs) {
    domain::ProcedureEntry row{rs.getInt64(1),
                     domain::Procedure{domain::ProcedureCode(std::string(rs.getString(2))), rs.getString(3),
                                       rs.getString(4), domain::parseDuration(std::string(rs.getString(5))),
                                       domain::parseOnlineLevel(std::string(rs.getString(6))), rs.getInt64(7)},
                     rs.getString(8), rs.getBoolean(9), {}};
    return row;
}

void bindAgencyDetails(sql::PreparedStatement& s, const domain::AgencyEntry& row, unsigned first) {
    if (row.agency.parent_id) {
        s.setInt64(first, row.agency.parent_id->value);
    } else {
        s.setNull(first, 0);
    }
    s.setString(first + 1, row.head_title);
    s.setString(first + 2, row.address);
    s.setString(first + 3, row.phone);
    s.setBoolean(first + 4, row.active);
}

std::vector<domain::ProcedureEntry> readProcedures(Session& session, sql::PreparedStatement& statement) {
    std::vector<domain::ProcedureEntry> rows;
    {
        std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
        while (rs->next()) rows.push_back(readProcedure(*rs));
    }
    auto& agencies = session.prepare(kProcedureAgencies);
    for (auto& row : rows) {
        agencies.setInt64(1, row.id);
        std::unique_ptr<sql::ResultSet> rs(agencies.executeQuery());
        while (rs->next()) row.agency_codes.push_back(rs->getString(1));
    }
    return rows;
}

}  // namespace

std::vector<domain::AgencyEntry> CatalogRepository::agencies(Session& session) {
    std::vector<domain::AgencyEntry> rows;
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kAgencies).executeQuery());
    while (rs->next()) rows.push_back(readAgency(*rs));
    return rows;
}

std::optional<domain::AgencyEntry> CatalogRepository::agencyByCode(Session& session, const std::string& code) {
    if (!fitsAsciiColumn(code)) return std::nullopt;
    auto& statement = session.prepare(kAgencyByCode);
    statement.setString(1, code);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return readAgency(*rs);
}

std::int64_t CatalogRepository::insertAgency(Session& session, const domain::AgencyEntry& row, date::sys_seconds now) {
    auto& statement = session.prepare(kInsertAgency);
    statement.setString(1, row.agency.code);
    statement.setString(2, row.agency.name);
    bindAgencyDetails(statement, row, 3);
    statement.setString(8, toSqlDateTime(now));
    statement.setString(9, toSqlDateTime(now));
    statement.executeUpdate();
    return session.lastInsertId();
}

void CatalogRepository::updateAgency(Session& session, const domain::AgencyEntry& row, date::sys_seconds now) {
    auto& statement = session.prepare(kUpdateAgency);
    statement.setString(1, row.agency.name);
    bindAgencyDetails(statement, row, 2);
    statement.setString(7, toSqlDateTime(now));
    statement.setString(8, row.agency.code);
    statement.executeUpdate();
}

std::vector<domain::Field> CatalogRepository::fields(Session& session) {
    std::vector<domain::Field> out;
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kFields).executeQuery());
    while (rs->next()) out.push_back(domain::Field{rs->getString(1), rs->getString(2)});
    return out;
}

std::int64_t CatalogRepository::upsertField(Session& session, const domain::Field& field, date::sys_seconds now) {
    auto& statement = session.prepare(kUpsertField);
    statement.setString(1, field.code);
    statement.setString(2, field.name);
    statement.setString(3, toSqlDateTime(now));
    statement.setString(4, toSqlDateTime(now));
    statement.executeUpdate();
    return session.lastInsertId();
}

std::optional<std::int64_t> CatalogRepository::fieldId(Session& session, const std::string& code) {
    if (!fitsAsciiColumn(code)) return std::nullopt;
    auto& statement = session.prepare(kFieldId);
    statement.setString(1, code);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    if (!rs->next()) return std::nullopt;
    return rs->getInt64(1);
}

std::vector<domain::ProcedureEntry> CatalogRepository::procedures(Session& session) {
    return readProcedures(session, session.prepare(kProcedures));
}

std::optional<domain::ProcedureEntry> CatalogRepository::procedureByCode(Session& session, const std::string& code) {
    if (!fitsAsciiColumn(code)) return std::nullopt;
    auto& statement = session.prepare(kProcedureByCode);
    statement.setString(1, code);
    auto rows = readProcedures(session, statement);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<domain::ProcedureEntry> CatalogRepository::procedureById(Session& session, std::int64_t id) {
    auto& statement = session.prepare(kProcedureById);
    statement.setInt64(1, id);
    auto rows = readProcedures(session, statement);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::int64_t CatalogRepository::upsertProcedure(Session& session, const domain::ProcedureEntry& row, std::int64_t field_id,
                                                const std::vector<std::int64_t>& agency_ids, date::sys_seconds now) {
    auto& statement = session.prepare(kUpsertProcedure);
    statement.setString(1, row.procedure.code.str());
    statement.setString(2, row.procedure.name);
    statement.setInt64(3, field_id);
    statement.setString(4, domain::formatDuration(row.procedure.duration));
    statement.setString(5, std::string(domain::toName(row.procedure.online_level)));
    statement.setInt64(6, row.procedure.fee_vnd);
    statement.setString(7, row.supplement_mode);
    statement.setBoolean(8, row.active);
    statement.setString(9, toSqlDateTime(now));
    statement.setString(10, toSqlDateTime(now));
    statement.executeUpdate();
    const std::int64_t id = session.lastInsertId();
    auto& remove = session.prepare(kDeleteProcedureAgencies);
    remove.setInt64(1, id);
    remove.executeUpdate();
    auto& add = session.prepare(kInsertProcedureAgency);
    for (auto agency_id : agency_ids) {
        add.setInt64(1, id);
        add.setInt64(2, agency_id);
        add.executeUpdate();
    }
    return id;
}

}  // namespace motcua::store
