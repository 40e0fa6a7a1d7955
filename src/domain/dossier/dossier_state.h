#pragma once
/// The dossier state machine: the commands a desk officer, a handler or the head of an agency
/// can give, the table of which command is lawful in which status (NĐ 61/2018 Đ17–20 as
/// amended by NĐ 107/2021, carried into NĐ 118/2025), and apply(), which returns the next
/// dossier and exactly one audit event, or throws.

#include "domain/catalog/agency.h"
#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_code.h"
#include "domain/dossier/dossier_event.h"
#include "domain/dossier/intake.h"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace motcua::domain {

/// Who gives a command, and for which agency. Permissions are checked by the service.
struct Actor {
    UserId user_id;  ///< The user giving the command.
    AgencyId agency_id;  ///< The agency the user acts for.
};

/// Accept a complete dossier: issue the Giấy tiếp nhận, the code, and start the clock
/// (NĐ 61 Đ17.1c, Đ17.3).
struct AcceptCommand {
    DossierCode code;  ///< Issued by the caller from the per-agency daily sequence.
    /// Lawful receipt: not before legalReceiptTime() (for a postal dossier the handover record,
    /// QĐ 45/2016 Đ7.4), not after `now`.
    date::sys_seconds received_at;
    /// Due time printed on the receipt, computed by the deadline component; ≥ received_at.
    date::sys_seconds original_due_at;
};

/// Refuse the dossier at intake, Phiếu từ chối (NĐ 61 Đ17.1b).
struct RefuseAtIntakeCommand {
    std::string reason;  ///< Required; printed on the Phiếu từ chối.
};

/// Guide the citizen to complete the dossier at intake, Phiếu yêu cầu bổ sung, hoàn thiện
/// (NĐ 61 Đ17.1a); allowed once, because the guidance must be complete in one go (Đ15.3).
struct RequestCompletionAtIntakeCommand {
    std::string reason;              ///< Required; printed on the Phiếu yêu cầu bổ sung.
    std::vector<std::string> items;  ///< What is missing or must be corrected; at least one.
};

/// Assign (or reassign) the handling officer (NĐ 61 Đ19.1). Does not change the status.
struct AssignCommand {
    UserId officer;  ///< The new handling officer.
};

/// Forward the accepted dossier from the desk to processing (NĐ 61 Đ18).
struct StartProcessingCommand {};

/// Send the dossier to another agency in a liên thông chain (NĐ 61 Đ19.6–19.7).
struct TransferCommand {
    AgencyId to_agency;  ///< Must differ from the current handling agency.
    std::optional<date::sys_seconds> hop_due_at;  ///< That agency's time limit; after `now`.
    std::string note;                             ///< Optional instructions (Phiếu chuyển xử lý).
};

/// Ask the citizen for a supplement after acceptance (NĐ 61 Đ19.4); the clock will restart.
struct RequestSupplementCommand {
    std::string reason;              ///< Required; printed on the Phiếu yêu cầu bổ sung.
    std::vector<std::string> items;  ///< At least one.
};

/// Record the complete supplement; the processing time restarts from zero (NĐ 61 Đ19.4 as
/// amended by NĐ 107/2021), so the caller passes the recomputed due time.
struct ReceiveSupplementCommand {
    date::sys_seconds received_at;       ///< Not before the request, not after `now`.
    date::sys_seconds restarted_due_at;  ///< After received_at.
};

/// Ask the citizen to pay a fee or tax before the result (DVCQG status 6).
struct RequestFinancialObligationCommand {
    std::string description;                 ///< Required, e.g. "Lệ phí trước bạ".
    std::optional<std::int64_t> amount_vnd;  ///< Positive when known.
};

/// Record that the financial obligation was met.
struct ConfirmPaymentCommand {
    date::sys_seconds paid_at;  ///< Not after `now`.
};

/// Record an approving result. The verdict is judged by the caller against legalDueAt() with
/// the configured precision (minute or day, rules.md §9.1) and frozen here.
struct ResolveCommand {
    std::string result_note;  ///< Optional summary of the result.
    Verdict verdict;          ///< Judged by the caller against legalDueAt().
};

/// Record a rejection after appraisal. NĐ 61 Đ19.8 enters the Phiếu từ chối giải quyết in the
/// result section and requires it within the processing time, so it is a result: the dossier
/// becomes Resolved with outcome Rejected (and is then returned like any result).
struct RejectAfterAppraisalCommand {
    std::string reason;  ///< Required; printed on the Phiếu từ chối giải quyết.
    Verdict verdict;     ///< Judged by the caller against legalDueAt().
};

/// Stop processing (DVCQG status 8): grounds in sector law, or no supplement within the limit
/// (NĐ 297/2025: 15 working days).
struct StopCommand {
    std::string reason;  ///< Required; the legal ground.
};

/// The citizen withdraws the dossier (DVCQG status 7).
struct WithdrawCommand {
    std::string reason;  ///< Required; as stated by the citizen.
};

/// Hand the result over (NĐ 61 Đ20).
struct ReturnCommand {
    ResultDelivery delivery;        ///< How it was actually handed over.
    date::sys_seconds returned_at;  ///< Not before the result, not after `now`.
};

/// Whether an apology issued later than one working day before the due time is refused.
enum class ApologyDeadline {
    /// NĐ 61 Đ19.9 (kept by the NĐ 118/2025-era regulations): "chậm nhất 01 ngày trước ngày hết
    /// hạn"; a later apology is refused.
    Enforce,
    /// Record a late apology (NĐ 297/2025 electronic liên thông sends it at expiry); reports see
    /// it through Apology::isTimely().
    RecordLate,
};

/// Issue the apology letter with a new appointment (NĐ 61 Đ19.9, Mẫu 04): at most once, before
/// the result, with a new date after the current one.
struct IssueApologyCommand {
    std::string reason;                    ///< Required: why the dossier is late.
    date::sys_seconds new_due_at;          ///< After the current appointment and after issued_at.
    std::string signed_by;                 ///< Head of the agency (Thủ trưởng).
    date::sys_seconds issued_at;           ///< Not after `now`.
    date::sys_seconds latest_allowed_at;   ///< Due time − 1 working day, from the deadline component.
    ApologyDeadline deadline_rule = ApologyDeadline::Enforce;  ///< See ApologyDeadline.
};

/// Any command.
/// Recomputes the legal due time after the working calendar changed (a new day-off schedule
/// version): an explicit, audited action; deadlines never move by themselves.
struct RecalculateDeadlineCommand {
    date::sys_seconds new_due_at;  ///< The due time under the calendar now in force.
    std::string reason;            ///< Required, e.g. the công văn that changed the schedule.
};

using DossierCommand =
    std::variant<AcceptCommand, RefuseAtIntakeCommand, RequestCompletionAtIntakeCommand, AssignCommand,
                 StartProcessingCommand, TransferCommand, RequestSupplementCommand, ReceiveSupplementCommand,
                 RequestFinancialObligationCommand, ConfirmPaymentCommand, ResolveCommand,
                 RejectAfterAppraisalCommand, StopCommand, WithdrawCommand, ReturnCommand, IssueApologyCommand,
                 RecalculateDeadlineCommand>;

/// The kind of a command, in the order of the DossierCommand alternatives.
enum class CommandKind {
    Accept,  ///< AcceptCommand.
    RefuseAtIntake,  ///< RefuseAtIntakeCommand.
    RequestCompletionAtIntake,  ///< RequestCompletionAtIntakeCommand.
    Assign,  ///< AssignCommand.
    StartProcessing,  ///< StartProcessingCommand.
    Transfer,  ///< TransferCommand.
    RequestSupplement,  ///< RequestSupplementCommand.
    ReceiveSupplement,  ///< ReceiveSupplementCommand.
    RequestFinancialObligation,  ///< RequestFinancialObligationCommand.
    ConfirmPayment,  ///< ConfirmPaymentCommand.
    Resolve,  ///< ResolveCommand.
    RejectAfterAppraisal,  ///< RejectAfterAppraisalCommand.
    Stop,  ///< StopCommand.
    Withdraw,  ///< WithdrawCommand.
    Return,  ///< ReturnCommand.
    IssueApology,  ///< IssueApologyCommand.
    RecalculateDeadline,  ///< RecalculateDeadlineCommand.
};

/// Number of CommandKind values.
inline constexpr std::size_t kCommandKindCount = 17;

/// Returns the kind of `command`.
CommandKind commandKind(const DossierCommand& command) noexcept;
/// Returns the stable snake_case name of `kind` ("request_supplement", …).
std::string_view toName(CommandKind kind);
/// Returns the Vietnamese action phrase of `kind` ("yêu cầu bổ sung", …).
std::string_view labelVi(CommandKind kind);
/// Returns the kind named `name`; throws Error{InvalidArgument} for an unknown name.
CommandKind parseCommandKind(std::string_view name);

/// Returns true when the transition table allows `kind` in `status`. Extra conditions (apology
/// only once, valid instants…) are checked by apply(); use this to offer actions in the UI.
bool isAllowed(DossierStatus status, CommandKind kind) noexcept;

/// The outcome of a successful command.
struct Transition {
    Dossier next;        ///< The dossier after the change, version + 1.
    DossierEvent event;  ///< The one audit event; event.sequence() == next.version.
};

/// Registers a filed dossier in status Submitted (version 1, event Submitted) after
/// validateIntake(request, now), which throws Error::invalidFields on bad input.
Transition openDossier(DossierId id, const IntakeRequest& request, AgencyId receiving_agency,
                       const Actor& actor, date::sys_seconds now);

/// Applies `command` to `dossier` at `now`. Throws Error{FailedPrecondition}, with a Vietnamese
/// reason a desk officer understands, when the command is not lawful in the dossier's status or
/// history (e.g. a second apology); throws Error::invalidFields when its data are invalid.
/// `dossier` is never modified.
Transition apply(const Dossier& dossier, const DossierCommand& command, const Actor& actor,
                 date::sys_seconds now);

}  // namespace motcua::domain
