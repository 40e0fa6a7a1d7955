#include "store/dossier_repository.h"

#include "domain/core/error.h"
#include "store/ascii_column.h"
#include "store/multi_row.h"
#include "store/multi_statement.h"
#include "store/sql_time.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <sstream>
#include <variant>

namespace motcua::store {
namespace {

// Columns 1–38 of a dossier, in the order readDossier() reads them.
#define MOTCUA_DOSSIER_COLUMNS                                                                                      \
    "d.id, d.code, d.receiving_agency_id, d.handling_agency_id, p.code, d.status, d.channel, d.result_delivery,"   \
    " d.applicant_kind, d.applicant_name, d.applicant_id_number, d.applicant_phone, d.applicant_email,"            \
    " d.applicant_address, d.representative_name, d.representative_id_number, d.submitted_at, d.handover_at,"     \
    " d.received_at, d.original_due_at, d.restarted_due_at, d.extended_due_at, d.resolved_at, d.returned_at,"     \
    " d.closed_at, d.verdict, d.outcome, d.supplement_count, d.supplement_requested_at, d.assigned_officer_id,"    \
    " d.apology_reason, d.apology_new_due_at, d.apology_signed_by, d.apology_issued_at,"                          \
    " d.apology_latest_allowed_at, d.apology_recorded_by, d.closing_note, d.version"

constexpr std::string_view kFindByCode =
    "SELECT " MOTCUA_DOSSIER_COLUMNS " FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.code = ?";
constexpr std::string_view kFindByCodeForUpdate =
    "SELECT " MOTCUA_DOSSIER_COLUMNS
    " FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.code = ? FOR UPDATE";
constexpr std::string_view kFindById =
    "SELECT " MOTCUA_DOSSIER_COLUMNS " FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE d.id = ?";
constexpr std::string_view kListColumns = "SELECT " MOTCUA_DOSSIER_COLUMNS ", p.name, ha.code, ha.name";
// The dossier drives every list (STRAIGHT_JOIN): left to itself the optimizer may start from the
// few procedures and read every dossier of each.
constexpr std::string_view kListJoins =
    " STRAIGHT_JOIN procedures p ON p.id = d.procedure_id STRAIGHT_JOIN agencies ha ON ha.id = d.handling_agency_id";
#undef MOTCUA_DOSSIER_COLUMNS

constexpr std::string_view kInsert =
    "INSERT INTO dossiers (code, receiving_agency_id, handling_agency_id, procedure_id, status, is_open, channel,"
    " result_delivery, applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_email,"
    " applicant_address, representative_name, representative_id_number, submitted_at, handover_at, received_at,"
    " original_due_at, restarted_due_at, extended_due_at, current_due_at, resolved_at, returned_at, closed_at,"
    " verdict, outcome, supplement_count, supplement_requested_at, assigned_officer_id, apology_reason,"
    " apology_new_due_at, apology_signed_by, apology_issued_at, apology_latest_allowed_at, apology_recorded_by,"
    " closing_note, version, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
    " ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kUpdate =
    "UPDATE dossiers SET code = ?, receiving_agency_id = ?, handling_agency_id = ?, status = ?, is_open = ?,"
    " channel = ?, result_delivery = ?, received_at = ?, original_due_at = ?, restarted_due_at = ?,"
    " extended_due_at = ?, current_due_at = ?, resolved_at = ?, returned_at = ?, closed_at = ?, verdict = ?,"
    " outcome = ?, supplement_count = ?, supplement_requested_at = ?, assigned_officer_id = ?, apology_reason = ?,"
    " apology_new_due_at = ?, apology_signed_by = ?, apology_issued_at = ?, apology_latest_allowed_at = ?,"
    " apology_recorded_by = ?, closing_note = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?";
constexpr std::string_view kInsertDocument =
    "INSERT INTO dossier_documents (dossier_id, position, name, kind, copies) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kDocuments =
    "SELECT name, kind, copies FROM dossier_documents WHERE dossier_id = ? ORDER BY position";
constexpr std::string_view kTransferCount = "SELECT COUNT(*) FROM dossier_transfers WHERE dossier_id = ?";
constexpr std::string_view kInsertTransfer =
    "INSERT INTO dossier_transfers (dossier_id, position, from_agency_id, to_agency_id, at, due_at)"
    " VALUES (?, ?, ?, ?, ?, ?)";
constexpr std::string_view kTransfers =
    "SELECT from_agency_id, to_agency_id, at, due_at FROM dossier_transfers WHERE dossier_id = ? ORDER BY position";
constexpr std::string_view kInsertEvent =
    "INSERT INTO dossier_events (dossier_id, sequence, kind, from_status, to_status, actor_user_id,"
    " actor_agency_id, at, note, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kEvents =
    "SELECT sequence, kind, from_status, to_status, actor_user_id, actor_agency_id, at, note, payload, dossier_id"
    " FROM dossier_events WHERE dossier_id = ? ORDER BY sequence";
constexpr std::string_view kEventsOfRange =
    "SELECT sequence, kind, from_status, to_status, actor_user_id, actor_agency_id, at, note, payload, dossier_id"
    " FROM dossier_events WHERE dossier_id BETWEEN ? AND ? ORDER BY dossier_id, sequence";
constexpr std::string_view kIdBounds = "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM dossiers";
constexpr std::string_view kProcedureIdOf = "SELECT procedure_id FROM dossiers WHERE id = ?";
constexpr std::string_view kReserveSequences =
    "INSERT INTO dossier_code_sequences (agency_id, day, last_seq) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE last_seq = last_seq + VALUES(last_seq) RETURNING last_seq";
constexpr std::string_view kReserveSequencesAfter =
    "UPDATE dossier_code_sequences SET last_seq = last_seq + ? WHERE agency_id = ? AND day = ? AND last_seq = ?";
// Fails the statement batch it stands in (so its COMMIT never runs) unless the statement
// before it changed exactly one row.
constexpr std::string_view kSequenceMovedCheck =
    "BEGIN NOT ATOMIC IF ROW_COUNT() <> 1 THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '"
    "motcua: code sequence moved'; END IF; END";
constexpr std::string_view kRaiseSequence =
    "INSERT INTO dossier_code_sequences (agency_id, day, last_seq) VALUES (?, ?, ?)"
    " ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, VALUES(last_seq))";
constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM dossiers";
constexpr std::string_view kFindKey =
    "SELECT request_hash, dossier_id FROM idempotency_keys WHERE user_id = ? AND idem_key = ?";
constexpr std::string_view kInsertKey =
    "INSERT INTO idempotency_keys (user_id, idem_key, request_hash, dossier_id, created_at) VALUES (?, ?, ?, ?, ?)";

std::optional<date::sys_seconds> optTime(sql::ResultSet& rs, unsigned column) {
    if (rs.isNull(column)) return std::nullopt;
    return fromSqlDateTime(std::string(rs.getString(column)));
}

std::optional<std::string> optText(sql::ResultSet& rs, unsigned column) {
    if (rs.isNull(column)) return std::nullopt;
    return std::string(rs.getString(column));
}

template <class S>
void setTime(S& s, unsigned column, const std::optional<date::sys_seconds>& t) {
    if (t) {
        s.setString(column, toSqlDateTime(*t));
    } else {
        s.setNull(column, 0);
    }
}

template <class S>
void setText(S& s, unsigned column, const std::optional<std::string>& text) {
    if (text) {
        s.setString(column, *text);
    } else {
        s.setNull(column, 0);
    }
}

template <class S>
void setId(S& s, unsigned column, std::optional<std::int64_t> id) {
    if (id) {
        s.setInt64(column, *id);
    } else {
        s.setNull(column, 0);
    }
}

template <class E>
std::optional<std::string> optName(const std::optional<E>& value) {
    if (!value) return std::nullopt;
    return std::string(domain::toName(*value));
}

domain::Dossier readDossier(sql::ResultSet& rs) {
    domain::Dossier d(domain::DossierId{rs.getInt64(1)}, domain::ProcedureCode(std::string(rs.getString(5))));
    if (auto code = optText(rs, 2)) d.code = domain::DossierCode(*code);
    d.receiving_agency = domain::AgencyId{rs.getInt64(3)};
    d.handling_agency = domain::AgencyId{rs.getInt64(4)};
    d.status = domain::parseDossierStatus(std::string(rs.getString(6)));
    d.channel = domain::parseChannel(std::string(rs.getString(7)));
    d.result_delivery = domain::parseResultDelivery(std::string(rs.getString(8)));
    d.applicant.kind = domain::parseApplicantKind(std::string(rs.getString(9)));
    d.applicant.name = rs.getString(10);
    d.applicant.identity_number = rs.getString(11);
    d.applicant.phone = rs.getString(12);
    d.applicant.email = rs.getString(13);
    d.applicant.address = rs.getString(14);
    if (auto rep = optText(rs, 15)) d.applicant.representative = domain::Representative{*rep, optText(rs, 16).value_or("")};
    d.submitted_at = fromSqlDateTime(std::string(rs.getString(17)));
    d.handover_at = optTime(rs, 18);
    d.received_at = optTime(rs, 19);
    d.timing.original_due_at = optTime(rs, 20);
    d.timing.restarted_due_at = optTime(rs, 21);
    d.timing.extended_due_at = optTime(rs, 22);
    d.timing.resolved_at = optTime(rs, 23);
    d.timing.returned_at = optTime(rs, 24);
    d.timing.closed_at = optTime(rs, 25);
    if (auto v = optText(rs, 26)) d.timing.verdict = domain::parseVerdict(*v);
    if (auto o = optText(rs, 27)) d.outcome = domain::parseResolutionOutcome(*o);
    d.supplement_count = rs.getInt(28);
    d.supplement_requested_at = optTime(rs, 29);
    if (!rs.isNull(30)) d.assigned_officer = domain::UserId{rs.getInt64(30)};
    if (auto reason = optText(rs, 31)) {
        domain::Apology a;
        a.reason = *reason;
        a.new_due_at = optTime(rs, 32).value_or(date::sys_seconds{});
        a.signed_by = optText(rs, 33).value_or("");
        a.issued_at = optTime(rs, 34).value_or(date::sys_seconds{});
        a.latest_allowed_at = optTime(rs, 35).value_or(date::sys_seconds{});
        a.recorded_by = domain::UserId{rs.isNull(36) ? 0 : rs.getInt64(36)};
        d.apology = a;
    }
    d.closing_note = rs.getString(37);
    d.version = rs.getInt64(38);
    return d;
}

void loadChildren(Session& session, domain::Dossier& d) {
    auto& documents = session.prepare(kDocuments);
    documents.setInt64(1, d.id.value);
    {
        std::unique_ptr<sql::ResultSet> rs(documents.executeQuery());
        while (rs->next()) {
            d.documents.push_back(domain::DossierDocument{rs->getString(1),
                                                          domain::parseDocumentKind(std::string(rs->getString(2))),
                                                          rs->getInt(3)});
        }
    }
    auto& transfers = session.prepare(kTransfers);
    transfers.setInt64(1, d.id.value);
    std::unique_ptr<sql::ResultSet> rs(transfers.executeQuery());
    while (rs->next()) {
        d.transfers.push_back(domain::TransferHop{domain::AgencyId{rs->getInt64(1)}, domain::AgencyId{rs->getInt64(2)},
                                                  fromSqlDateTime(std::string(rs->getString(3))), optTime(*rs, 4)});
    }
}

std::string encodePayload(const domain::EventPayload& payload) {
    Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [key, value] : payload) object.set(key, value);
    std::ostringstream out;
    object.stringify(out);
    return out.str();
}

domain::EventPayload decodePayload(const std::string& text) {
    domain::EventPayload out;
    Poco::JSON::Parser parser;
    const auto object = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
    for (const auto& key : object->getNames()) out.emplace_back(key, object->getValue<std::string>(key));
    return out;
}

/// Binds the mutable columns shared by INSERT and UPDATE, starting at `first`, in the order
/// received_at … closing_note, version.
template <class S>
unsigned bindState(S& s, const domain::Dossier& d, unsigned i) {
    setTime(s, i++, d.received_at);
    setTime(s, i++, d.timing.original_due_at);
    setTime(s, i++, d.timing.restarted_due_at);
    setTime(s, i++, d.timing.extended_due_at);
    setTime(s, i++, runningDueAt(d));
    setTime(s, i++, d.timing.resolved_at);
    setTime(s, i++, d.timing.returned_at);
    setTime(s, i++, d.timing.closed_at);
    setText(s, i++, optName(d.timing.verdict));
    setText(s, i++, optName(d.outcome));
    s.setInt(i++, d.supplement_count);
    setTime(s, i++, d.supplement_requested_at);
    setId(s, i++, d.assigned_officer ? std::optional<std::int64_t>(d.assigned_officer->value) : std::nullopt);
    const auto& a = d.apology;
    setText(s, i++, a ? std::optional<std::string>(a->reason) : std::nullopt);
    setTime(s, i++, a ? std::optional<date::sys_seconds>(a->new_due_at) : std::nullopt);
    setText(s, i++, a ? std::optional<std::string>(a->signed_by) : std::nullopt);
    setTime(s, i++, a ? std::optional<date::sys_seconds>(a->issued_at) : std::nullopt);
    setTime(s, i++, a ? std::optional<date::sys_seconds>(a->latest_allowed_at) : std::nullopt);
    setId(s, i++, a ? std::optional<std::int64_t>(a->recorded_by.value) : std::nullopt);
    s.setString(i++, d.closing_note);
    s.setInt64(i++, d.version);
    return i;
}

/// Binds one INSERT row of a dossier (41 columns) starting at `i`; returns the next index.
template <class S>
unsigned bindInsertRow(S& s, const domain::Dossier& d, std::int64_t procedure_id,
                       date::sys_seconds now, unsigned i) {
    setText(s, i++, d.code ? std::optional<std::string>(d.code->str()) : std::nullopt);
    s.setInt64(i++, d.receiving_agency.value);
    s.setInt64(i++, d.handling_agency.value);
    s.setInt64(i++, procedure_id);
    s.setString(i++, std::string(domain::toName(d.status)));
    s.setBoolean(i++, !domain::isFinal(d.status) && d.status != domain::DossierStatus::Resolved);
    s.setString(i++, std::string(domain::toName(d.channel)));
    s.setString(i++, std::string(domain::toName(d.result_delivery)));
    s.setString(i++, std::string(domain::toName(d.applicant.kind)));
    s.setString(i++, d.applicant.name);
    s.setString(i++, d.applicant.identity_number);
    s.setString(i++, d.applicant.phone);
    s.setString(i++, d.applicant.email);
    s.setString(i++, d.applicant.address);
    setText(s, i++, d.applicant.representative ? std::optional<std::string>(d.applicant.representative->name) : std::nullopt);
    setText(s, i++, d.applicant.representative ? std::optional<std::string>(d.applicant.representative->identity_number)
                                               : std::nullopt);
    s.setString(i++, toSqlDateTime(d.submitted_at));
    setTime(s, i++, d.handover_at);
    i = bindState(s, d, i);
    s.setString(i++, toSqlDateTime(now));
    s.setString(i++, toSqlDateTime(now));
    return i;
}

/// Binds one row of dossier_documents (5 columns) starting at `i`; returns the next index.
template <class S>
unsigned bindDocumentRow(S& s, std::int64_t dossier_id, std::size_t position,
                         const domain::DossierDocument& document, unsigned i) {
    s.setInt64(i++, dossier_id);
    s.setInt(i++, static_cast<int>(position));
    s.setString(i++, document.name);
    s.setString(i++, std::string(domain::toName(document.kind)));
    s.setInt(i++, document.count);
    return i;
}

/// Binds one row of dossier_transfers (6 columns) starting at `i`; returns the next index.
template <class S>
unsigned bindTransferRow(S& s, std::int64_t dossier_id, std::size_t position,
                         const domain::TransferHop& hop, unsigned i) {
    s.setInt64(i++, dossier_id);
    s.setInt(i++, static_cast<int>(position));
    s.setInt64(i++, hop.from_agency.value);
    s.setInt64(i++, hop.to_agency.value);
    s.setString(i++, toSqlDateTime(hop.at));
    setTime(s, i++, hop.due_at);
    return i;
}

/// Binds one row of dossier_events (10 columns) of dossier `dossier_id` starting at `i`; returns
/// the next index.
template <class S>
unsigned bindEventRow(S& s, const domain::DossierEvent& e, std::int64_t dossier_id, unsigned i) {
    s.setInt64(i++, dossier_id);
    s.setInt64(i++, e.sequence());
    s.setString(i++, std::string(domain::toName(e.kind())));
    setText(s, i++, optName(e.fromStatus()));
    s.setString(i++, std::string(domain::toName(e.toStatus())));
    s.setInt64(i++, e.actorUser().value);
    s.setInt64(i++, e.actorAgency().value);
    s.setString(i++, toSqlDateTime(e.at()));
    s.setString(i++, e.note());
    s.setString(i++, encodePayload(e.payload()));
    return i;
}

template <class S>
void bindKeyRow(S& s, std::int64_t user_id, const std::string& key, const std::string& hash, std::int64_t dossier_id,
                date::sys_seconds now) {
    s.setInt64(1, user_id);
    s.setString(2, key);
    s.setString(3, hash);
    s.setInt64(4, dossier_id);
    s.setString(5, toSqlDateTime(now));
}

template <class S>
void bindReserveRow(S& s, std::int64_t agency_id, date::year_month_day day, std::int64_t count) {
    s.setInt64(1, agency_id);
    s.setString(2, toSqlDate(day));
    s.setInt64(3, count);
}

template <class S>
void bindReserveAfterRow(S& s, std::int64_t agency_id, date::year_month_day day, std::int64_t expected_last,
                         std::int64_t count) {
    s.setInt64(1, count);
    s.setInt64(2, agency_id);
    s.setString(3, toSqlDate(day));
    s.setInt64(4, expected_last);
}

/// Inserts `count` rows with one multi-row statement per `per_statement` rows; `bind(statement,
/// row, first_index)` binds one row and returns the next index.
template <class Bind>
void insertRows(Session& session, std::string_view single, std::size_t count, std::size_t per_statement, Bind bind) {
    for (std::size_t first = 0; first < count; first += per_statement) {
        const std::size_t n = std::min(per_statement, count - first);
        auto& statement = session.prepare(multiRowOf(single, n));
        unsigned i = 1;
        for (std::size_t r = first; r < first + n; ++r) i = bind(statement, r, i);
        statement.executeUpdate();
    }
}

/// The same, appending the statements to `batch`.
template <class Bind>
void insertRows(StatementBatch& batch, std::string_view single, std::size_t count, std::size_t per_statement, Bind bind) {
    for (std::size_t first = 0; first < count; first += per_statement) {
        const std::size_t n = std::min(per_statement, count - first);
        addStatement(batch, multiRowOf(single, n), [&](TextRow& row) {
            unsigned i = 1;
            for (std::size_t r = first; r < first + n; ++r) i = bind(row, r, i);
        });
    }
}

/// Inserts the documents, transfers and events of `histories`, whose dossiers have `ids`.
template <class Target>
void insertChildren(Target& target, const std::vector<DossierHistory>& histories, const std::vector<std::int64_t>& ids) {
    struct Child {
        std::size_t history;
        std::size_t index;
    };
    std::vector<Child> documents, transfers, events;
    for (std::size_t h = 0; h < histories.size(); ++h) {
        for (std::size_t k = 0; k < histories[h].dossier.documents.size(); ++k) documents.push_back({h, k});
        for (std::size_t k = 0; k < histories[h].dossier.transfers.size(); ++k) transfers.push_back({h, k});
        for (std::size_t k = 0; k < histories[h].events.size(); ++k) events.push_back({h, k});
    }
    insertRows(target, kInsertDocument, documents.size(), 2000, [&](auto& st, std::size_t r, unsigned i) {
        const auto [h, k] = documents[r];
        return bindDocumentRow(st, ids[h], k, histories[h].dossier.documents[k], i);
    });
    insertRows(target, kInsertTransfer, transfers.size(), 2000, [&](auto& st, std::size_t r, unsigned i) {
        const auto [h, k] = transfers[r];
        return bindTransferRow(st, ids[h], k, histories[h].dossier.transfers[k], i);
    });
    insertRows(target, kInsertEvent, events.size(), 1000, [&](auto& st, std::size_t r, unsigned i) {
        const auto [h, k] = events[r];
        return bindEventRow(st, histories[h].events[k], ids[h], i);
    });
}

void insertNewTransfers(Session& session, const domain::Dossier& d) {
    if (d.transfers.empty()) return;
    auto& count = session.prepare(kTransferCount);
    count.setInt64(1, d.id.value);
    std::size_t stored = 0;
    {
        std::unique_ptr<sql::ResultSet> rs(count.executeQuery());
        rs->next();
        stored = static_cast<std::size_t>(rs->getInt64(1));
    }
    auto& insert = session.prepare(kInsertTransfer);
    for (std::size_t i = stored; i < d.transfers.size(); ++i) {
        bindTransferRow(insert, d.id.value, i, d.transfers[i], 1);
        insert.executeUpdate();
    }
}

/// Reads the events a bound kEvents-shaped query returns.
std::vector<domain::DossierEvent> readEvents(sql::PreparedStatement& statement) {
    std::vector<domain::DossierEvent> out;
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    while (rs->next()) {
        std::optional<domain::DossierStatus> from;
        if (auto f = optText(*rs, 3)) from = domain::parseDossierStatus(*f);
        out.emplace_back(domain::DossierId{rs->getInt64(10)}, rs->getInt64(1),
                         domain::parseDossierEventKind(std::string(rs->getString(2))), from,
                         domain::parseDossierStatus(std::string(rs->getString(4))), domain::UserId{rs->getInt64(5)},
                         domain::AgencyId{rs->getInt64(6)}, fromSqlDateTime(std::string(rs->getString(7))),
                         std::string(rs->getString(8)), decodePayload(std::string(rs->getString(9))));
    }
    return out;
}

/// Runs a bound single-dossier query and loads the dossier's documents and transfers.
std::optional<domain::Dossier> findOne(Session& session, sql::PreparedStatement& statement) {
    std::optional<domain::Dossier> out;
    {
        std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
        if (!rs->next()) return std::nullopt;
        out = readDossier(*rs);
    }
    loadChildren(session, *out);
    return out;
}

}  // namespace

std::optional<std::string> DossierRepository::laterIntakeOf(Session& session, const domain::Dossier& earlier) {
    const auto& number = earlier.applicant.identity_number;
    if (number.empty() || !fitsAsciiColumn(number)) return std::nullopt;
    auto& s = session.prepare(
        "SELECT d.code FROM dossiers d JOIN procedures p ON p.id = d.procedure_id"
        " WHERE d.applicant_id_number = ? AND d.receiving_agency_id = ? AND p.code = ? AND d.code IS NOT NULL"
        " AND d.id > ? ORDER BY d.id LIMIT 1");
    s.setString(1, number);
    s.setInt64(2, earlier.receiving_agency.value);
    s.setString(3, earlier.procedure_code.str());
    s.setInt64(4, earlier.id.value);
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    if (!rs->next()) return std::nullopt;
    return rs->getString(1);
}

std::optional<date::sys_seconds> runningDueAt(const domain::Dossier& dossier) {
    using domain::DossierStatus;
    switch (dossier.status) {
        case DossierStatus::Received:
        case DossierStatus::InProgress:
        case DossierStatus::AwaitingFinancialObligation:
            return domain::legalDueAt(dossier);
        default:
            return std::nullopt;
    }
}

std::vector<std::int64_t> DossierRepository::insertHistories(Session& session,
                                                            const std::vector<DossierHistory>& histories) {
    std::vector<std::int64_t> ids;
    ids.reserve(histories.size());
    constexpr std::size_t kDossiersPerStatement = 400;  // 41 placeholders each
    for (std::size_t first = 0; first < histories.size(); first += kDossiersPerStatement) {
        const std::size_t n = std::min(kDossiersPerStatement, histories.size() - first);
        auto& statement = session.prepare(multiRowOf(kInsert, n, " RETURNING id"));
        unsigned i = 1;
        for (std::size_t r = first; r < first + n; ++r) {
            const auto& h = histories[r];
            i = bindInsertRow(statement, h.dossier, h.procedure_id, h.written_at, i);
        }
        // RETURNING gives the new ids in the order of the rows, in the same round trip.
        std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
        while (rs->next()) ids.push_back(rs->getInt64(1));
    }
    if (ids.size() != histories.size()) {
        throw Error(ErrorCode::Internal, "Lỗi hệ thống khi lưu hồ sơ.", "INSERT … RETURNING gave too few ids");
    }
    insertChildren(session, histories, ids);
    return ids;
}

std::int64_t DossierRepository::countAll(Session& session) {
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kCountAll).executeQuery());
    rs->next();
    return rs->getInt64(1);
}

void DossierRepository::raiseSequence(Session& session, std::int64_t agency_id, date::year_month_day day,
                                      std::int64_t last) {
    auto& s = session.prepare(kRaiseSequence);
    s.setInt64(1, agency_id);
    s.setString(2, toSqlDate(day));
    s.setInt64(3, last);
    s.executeUpdate();
}

bool DossierRepository::update(Session& session, const domain::Dossier& d, std::int64_t expected_version,
                               date::sys_seconds now) {
    auto& s = session.prepare(kUpdate);
    unsigned i = 1;
    setText(s, i++, d.code ? std::optional<std::string>(d.code->str()) : std::nullopt);
    s.setInt64(i++, d.receiving_agency.value);
    s.setInt64(i++, d.handling_agency.value);
    s.setString(i++, std::string(domain::toName(d.status)));
    s.setBoolean(i++, !domain::isFinal(d.status) && d.status != domain::DossierStatus::Resolved);
    s.setString(i++, std::string(domain::toName(d.channel)));
    s.setString(i++, std::string(domain::toName(d.result_delivery)));
    i = bindState(s, d, i);
    s.setString(i++, toSqlDateTime(now));
    s.setInt64(i++, d.id.value);
    s.setInt64(i++, expected_version);
    if (s.executeUpdate() != 1) return false;
    insertNewTransfers(session, d);
    return true;
}

void DossierRepository::appendEvent(Session& session, const domain::DossierEvent& e) {
    auto& s = session.prepare(kInsertEvent);
    bindEventRow(s, e, e.dossierId().value, 1);
    s.executeUpdate();
}

std::optional<domain::Dossier> DossierRepository::findByCode(Session& session, const std::string& code, bool lock) {
    if (!fitsAsciiColumn(code)) return std::nullopt;
    auto& s = session.prepare(lock ? kFindByCodeForUpdate : kFindByCode);
    s.setString(1, code);
    return findOne(session, s);
}

std::int64_t DossierRepository::countStored(Session& session, const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return 0;
    auto& statement = session.prepare(multiRowStatement(
        "SET STATEMENT innodb_lock_wait_timeout = 10 FOR SELECT COUNT(*) FROM dossiers WHERE id IN (", "?", ids.size(),
        ") LOCK IN SHARE MODE"));
    unsigned i = 1;
    for (const std::int64_t id : ids) statement.setInt64(i++, id);
    std::unique_ptr<sql::ResultSet> rs(statement.executeQuery());
    rs->next();
    return rs->getInt64(1);
}

std::optional<domain::Dossier> DossierRepository::findById(Session& session, std::int64_t id) {
    auto& s = session.prepare(kFindById);
    s.setInt64(1, id);
    return findOne(session, s);
}

std::vector<domain::DossierEvent> DossierRepository::events(Session& session, std::int64_t dossier_id) {
    auto& s = session.prepare(kEvents);
    s.setInt64(1, dossier_id);
    return readEvents(s);
}

std::vector<domain::DossierEvent> DossierRepository::eventsOfRange(Session& session, std::int64_t first_id,
                                                                   std::int64_t last_id) {
    auto& s = session.prepare(kEventsOfRange);
    s.setInt64(1, first_id);
    s.setInt64(2, last_id);
    return readEvents(s);
}

std::pair<std::int64_t, std::int64_t> DossierRepository::idBounds(Session& session) {
    std::unique_ptr<sql::ResultSet> rs(session.prepare(kIdBounds).executeQuery());
    rs->next();
    return {rs->getInt64(1), rs->getInt64(2)};
}

std::pair<std::vector<DossierListRow>, std::int64_t> DossierRepository::list(Session& session,
                                                                            const DossierFilter& f) {
    // The query is assembled from fixed fragments only; every value is a bound parameter, bound
    // in the order the fragments were added.
    std::vector<std::variant<std::int64_t, std::string>> params;
    const std::string marks = multiRowStatement("", "?", f.agency_ids.size(), "");
    auto addAgencies = [&] {
        for (auto id : f.agency_ids) params.emplace_back(id);
    };
    std::string from = " FROM dossiers d";
    std::string where = " WHERE 1 = 1";
    if (f.due_before && !f.agency_ids.empty()) {
        // Overdue and due-soon lists: two range scans of the (agency, is_open, current_due_at)
        // indexes, one for the handling and one for the receiving agency, unioned; then the rows
        // by primary key. Cost follows the number of open dossiers due, not the agency's history.
        const std::string due = toSqlDateTime(*f.due_before);
        const std::string lower = f.due_from ? " AND current_due_at >= ?" : "";
        from = " FROM (SELECT id FROM dossiers WHERE handling_agency_id IN (" + marks +
               ") AND is_open = 1 AND current_due_at < ?" + lower +
               " UNION SELECT id FROM dossiers WHERE receiving_agency_id IN (" + marks +
               ") AND is_open = 1 AND current_due_at < ?" + lower + ") scoped STRAIGHT_JOIN dossiers d ON d.id = scoped.id";
        for (int side = 0; side < 2; ++side) {
            addAgencies();
            params.emplace_back(due);
            if (f.due_from) params.emplace_back(toSqlDateTime(*f.due_from));
        }
    } else {
        if (!f.agency_ids.empty()) {
            where += " AND (d.receiving_agency_id IN (" + marks + ") OR d.handling_agency_id IN (" + marks + "))";
            addAgencies();
            addAgencies();
        }
        if (f.due_before) {
            where += " AND d.is_open = 1 AND d.current_due_at < ?";
            params.emplace_back(toSqlDateTime(*f.due_before));
            if (f.due_from) {
                where += " AND d.current_due_at >= ?";
                params.emplace_back(toSqlDateTime(*f.due_from));
            }
        }
    }
    if (f.status) {
        where += " AND d.status = ?";
        params.emplace_back(*f.status);
    }
    if (f.procedure_code) {
        if (fitsAsciiColumn(*f.procedure_code)) {
            where += " AND p.code = ?";
            params.emplace_back(*f.procedure_code);
        } else {
            where += " AND FALSE";  // no procedure has such a code
        }
    }
    if (f.assigned_officer_id) {
        where += " AND d.assigned_officer_id = ?";
        params.emplace_back(*f.assigned_officer_id);
    }
    if (f.received_from) {
        where += " AND d.received_at >= ?";
        params.emplace_back(toSqlDateTime(*f.received_from));
    }
    if (f.received_to) {
        where += " AND d.received_at < ?";
        params.emplace_back(toSqlDateTime(*f.received_to));
    }
    if (f.without_apology) where += " AND d.apology_issued_at IS NULL";
    if (f.text) {
        // Codes and id numbers are ASCII columns: compare them only with ASCII text.
        const bool ascii_text = fitsAsciiColumn(*f.text);
        std::string escaped;
        for (char c : *f.text) {
            if (c == '%' || c == '_' || c == '\\') escaped += '\\';
            escaped += c;
        }
        if (ascii_text) {
            where += " AND (d.code LIKE ? OR d.applicant_name LIKE ? OR d.applicant_id_number = ?)";
            params.emplace_back(escaped + "%");
            params.emplace_back("%" + escaped + "%");
            params.emplace_back(*f.text);
        } else {
            where += " AND d.applicant_name LIKE ?";
            params.emplace_back("%" + escaped + "%");
        }
    }
    const std::string order = f.order == DossierFilter::Order::DueFirst
                                  ? " ORDER BY d.current_due_at IS NULL, d.current_due_at, d.id"
                                  : " ORDER BY d.id DESC";
    auto bind = [&](sql::PreparedStatement& s) {
        unsigned i = 1;
        for (const auto& value : params) {
            if (const auto* id = std::get_if<std::int64_t>(&value)) {
                s.setInt64(i++, *id);
            } else {
                s.setString(i++, std::get<std::string>(value));
            }
        }
        return i;
    };

    std::int64_t total = 0;
    {
        auto& count = session.prepare("SELECT COUNT(*)" + from + std::string(kListJoins) + where);
        bind(count);
        std::unique_ptr<sql::ResultSet> rs(count.executeQuery());
        rs->next();
        total = rs->getInt64(1);
    }
    if (f.offset >= total) return {{}, total};  // past the last page: no OFFSET walk through the table
    auto& select = session.prepare(std::string(kListColumns) + from + std::string(kListJoins) + where + order +
                                   " LIMIT ? OFFSET ?");
    unsigned next = bind(select);
    select.setInt(next++, f.limit);
    select.setInt64(next, f.offset);
    std::vector<DossierListRow> rows;
    {
        std::unique_ptr<sql::ResultSet> rs(select.executeQuery());
        while (rs->next()) {
            rows.push_back(DossierListRow{readDossier(*rs), rs->getString(39), rs->getString(40), rs->getString(41)});
        }
    }
    return {std::move(rows), total};
}

std::int64_t DossierRepository::procedureIdOf(Session& session, std::int64_t dossier_id) {
    auto& s = session.prepare(kProcedureIdOf);
    s.setInt64(1, dossier_id);
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    if (!rs->next()) throw Error(ErrorCode::NotFound, "Không tìm thấy hồ sơ.", "no dossier");
    return rs->getInt64(1);
}

void DossierRepository::addInsertDossiers(StatementBatch& batch, const std::vector<DossierHistory>& histories,
                                          bool without_codes) {
    addStatement(batch, multiRowOf(kInsert, histories.size(), " RETURNING id"), [&](TextRow& row) {
        unsigned i = 1;
        for (const auto& h : histories) {
            const unsigned code = i;
            i = bindInsertRow(row, h.dossier, h.procedure_id, h.written_at, i);
            if (without_codes) row.setNull(code, 0);
        }
    }, true);
}

void DossierRepository::addSetCodes(StatementBatch& batch, const std::vector<std::pair<std::int64_t, std::string>>& codes) {
    if (codes.empty()) return;
    std::string text = "UPDATE dossiers SET code = CASE id";
    for (std::size_t i = 0; i < codes.size(); ++i) text += " WHEN ? THEN ?";
    text += " END WHERE id IN (?";
    for (std::size_t i = 1; i < codes.size(); ++i) text += ", ?";
    text += ")";
    addStatement(batch, text, [&](TextRow& row) {
        unsigned i = 1;
        for (const auto& [id, code] : codes) {
            row.setInt64(i++, id);
            row.setString(i++, code);
        }
        for (const auto& entry : codes) row.setInt64(i++, entry.first);
    });
}

void DossierRepository::addChildren(StatementBatch& batch, const std::vector<DossierHistory>& histories,
                                    const std::vector<std::int64_t>& ids) {
    insertChildren(batch, histories, ids);
}

void DossierRepository::addIdempotencyKey(StatementBatch& batch, std::int64_t user_id, const std::string& key,
                                          const std::string& hash, std::int64_t dossier_id, date::sys_seconds now) {
    addStatement(batch, kInsertKey, [&](TextRow& row) { bindKeyRow(row, user_id, key, hash, dossier_id, now); });
}

void DossierRepository::addReserveSequences(StatementBatch& batch, std::int64_t agency_id, date::year_month_day day,
                                            std::int64_t count) {
    addStatement(batch, kReserveSequences, [&](TextRow& row) { bindReserveRow(row, agency_id, day, count); }, true);
}

void DossierRepository::addReserveSequencesAfter(StatementBatch& batch, std::int64_t agency_id, date::year_month_day day,
                                                 std::int64_t expected_last, std::int64_t count) {
    addStatement(batch, kReserveSequencesAfter, [&](TextRow& row) {
        bindReserveAfterRow(row, agency_id, day, expected_last, count);
    });
    // The batch goes on to COMMIT only if that update found the sequence where expected.
    batch.add(std::string(kSequenceMovedCheck));
}

std::optional<std::pair<std::string, std::int64_t>> DossierRepository::findIdempotencyKey(Session& session,
                                                                                          std::int64_t user_id,
                                                                                          const std::string& key) {
    if (!fitsAsciiColumn(key)) return std::nullopt;
    auto& s = session.prepare(kFindKey);
    s.setInt64(1, user_id);
    s.setString(2, key);
    std::unique_ptr<sql::ResultSet> rs(s.executeQuery());
    if (!rs->next()) return std::nullopt;
    return std::make_pair(std::string(rs->getString(1)), static_cast<std::int64_t>(rs->getInt64(2)));
}

}  // namespace motcua::store
