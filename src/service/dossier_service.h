#pragma once
/// Dossier use cases: intake at the desk (code, appointment, idempotency), transitions of
/// the state machine, the apology, the audit trail, and the lists of due-soon, overdue and
/// overdue-without-apology dossiers. One transaction per command; the state change and its
/// audit event are written together.

#include "domain/auth/principal.h"
#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_event.h"
#include "domain/dossier/dossier_state.h"
#include "domain/dossier/intake.h"
#include "service/clock.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {
class Database;
class DossierRepository;
}  // namespace motcua::store

namespace motcua::service {

class CalendarService;
class CatalogService;
class AuthService;

/// What the desk decided at intake (NĐ 61/2018 Đ17.1).
enum class IntakeOutcome { Accepted, Refused, Incomplete };

/// Parses "accepted" | "refused" | "incomplete"; throws Error(InvalidArgument).
IntakeOutcome parseIntakeOutcome(const std::string& name);

/// An intake as the desk entered it.
struct IntakeInput {
    domain::IntakeRequest request;
    IntakeOutcome outcome = IntakeOutcome::Accepted;
    std::string reason;               ///< refusal reason or what is missing (refused / incomplete)
    std::vector<std::string> items;   ///< items to complete (incomplete)
};

/// A dossier with what screens and the API show next to it.
struct DossierView {
    domain::Dossier dossier;
    std::string procedure_name;
    std::string duration_text;
    std::string receiving_agency_code;
    std::string receiving_agency_name;
    std::string handling_agency_code;
    std::string handling_agency_name;
    std::optional<std::string> assigned_officer;             ///< username
    std::optional<date::sys_seconds> due_at;                 ///< appointment in force (the apology's, if any)
    /// Working time left until the legal due time (domain::legalDueAt), negative when overdue;
    /// empty when no clock runs. An apology's new appointment does not reset it.
    std::optional<std::int64_t> remaining_working_minutes;
    std::string remaining_text;                              ///< "còn 2 ngày 3 giờ" / "quá 1 ngày"
    bool due_soon = false;
    bool overdue = false;          ///< past the legal due time, still open with its clock running
    bool apology_missing = false;  ///< overdue (or resolved late) with no apology: a compliance breach
    /// The reader may change it (receiving or handling agency); false for an agency it only
    /// passed through on a liên thông hop, which may read it.
    bool may_act = false;
    bool appointment_missed = false;  ///< still open after the apology's new appointment too
};

/// The result of an intake; `replayed` when an Idempotency-Key returned an earlier dossier.
struct IntakeResult {
    DossierView view;
    bool replayed = false;
};

/// A state-machine command as the API or a form sends it.
struct TransitionInput {
    std::string command;  ///< a CommandKind name: start_processing, assign, transfer, …
    std::int64_t version = 0;
    std::map<std::string, std::string> fields;
    std::vector<std::string> items;
};

/// The fields (besides command and version) that a transition `command` (a CommandKind name)
/// reads; the API refuses others rather than drop what the user typed. Throws
/// Error(InvalidArgument) for an unknown command.
std::set<std::string> transitionFields(std::string_view command);

/// What a role needs to give `kind` through DossierService::transition (recalculate_deadline:
/// ManageCalendar, or AssignDossier), and how a refusal words the act ("trả kết quả"). The
/// service checks it; the dossier page offers a command by it.
struct CommandRight {
    domain::Permission permission;
    std::string_view what_vi;
};
CommandRight commandRight(domain::CommandKind kind);

/// The apology letter as the head enters it.
struct ApologyInput {
    std::int64_t version = 0;
    std::string reason;
    std::string new_due_at;  ///< ISO 8601
    std::string signed_by;   ///< defaults to the head's name
};

/// List filters (the scope of the user always applies).
struct DossierQuery {
    std::optional<std::string> agency_code;
    std::optional<std::string> status;
    std::optional<std::string> procedure_code;
    std::optional<std::string> due;  ///< "soon" | "overdue"
    std::optional<std::string> from; ///< received on or after, YYYY-MM-DD
    std::optional<std::string> to;   ///< received on or before, YYYY-MM-DD
    std::optional<std::string> text; ///< code prefix, applicant name or id number
    bool mine = false;               ///< assigned to the caller
    bool without_apology = false;
    int page = 1;
    int page_size = 50;
};

/// One page of a list.
struct DossierPage {
    std::vector<DossierView> items;
    std::int64_t total = 0;
    int page = 1;
    int page_size = 50;
};

class DossierService {
public:
    DossierService(store::Database& database, const Clock& clock, CalendarService& calendar, CatalogService& catalog,
                   AuthService& auth, int due_soon_working_hours);
    ~DossierService();

    /// Records an intake; with `idempotency_key`, a retried identical request returns the first
    /// dossier (replayed) and a different request with the same key is a Conflict.
    IntakeResult intake(const domain::Principal& principal, const IntakeInput& input,
                        const std::optional<std::string>& idempotency_key, const std::string& request_hash,
                        const std::string& ip);

    /// Returns one dossier (its personal data read is logged). Throws NotFound / PermissionDenied.
    DossierView get(const domain::Principal& principal, const std::string& code, const std::string& ip);
    /// The same by id, for dossiers that got no code (refused or sent back to complete at intake).
    DossierView getById(const domain::Principal& principal, std::int64_t id, const std::string& ip);

    /// Whether `principal`'s agency sent or received `hop`, a liên thông hop: such an agency may
    /// read the dossier, and print that hop's slip, after the dossier has moved on.
    bool onHop(const domain::Principal& principal, const domain::TransferHop& hop);

    /// For a dossier `principal` has read that was sent back at intake: the code of the intake
    /// that took the same request later, if there is one (DossierRepository::laterIntakeOf).
    std::optional<std::string> laterIntakeOf(const domain::Principal& principal, const domain::Dossier& earlier);

    /// Returns one page of dossiers in the caller's scope.
    DossierPage list(const domain::Principal& principal, const DossierQuery& query, const std::string& ip);

    /// Applies one command. Throws FailedPrecondition (illegal transition), Conflict (stale
    /// version), InvalidArgument (bad fields), PermissionDenied.
    DossierView transition(const domain::Principal& principal, const std::string& code, const TransitionInput& input);

    /// Records the one apology letter (head of the processing agency only).
    DossierView issueApology(const domain::Principal& principal, const std::string& code, const ApologyInput& input);

    /// Returns the audit trail (control sheet) of a dossier.
    std::vector<domain::DossierEvent> events(const domain::Principal& principal, const std::string& code);
    /// The same by id.
    std::vector<domain::DossierEvent> eventsById(const domain::Principal& principal, std::int64_t id);

    /// Returns the username of a user id (for the API's trail), or "#id".
    std::string username(std::int64_t user_id);
    /// Returns the full name of a user id, as printed forms and pages name people (the
    /// username when no full name is on file), or "#id".
    std::string fullName(std::int64_t user_id);

private:
    std::string userLabel(std::int64_t user_id, bool full_name);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::service
