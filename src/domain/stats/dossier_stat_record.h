#pragma once
/// The per-dossier record the statistics read: one row per dossier holding every fact the
/// reports (Biểu 06a of TT 01/2020/TT-VPCP, rules.md §9.1) and the index criteria (PAR Index §7,
/// QĐ 766 §8) need, with all instants already in local civil time.
///
/// The storage layer keeps the record current by folding each new audit event into it with
/// applyEvent() in the same transaction as the event, so a report reads N small rows instead of
/// replaying every dossier's history; recordFromEvents() is the same fold over a dossier's whole
/// trail, which is how `motcua report --verify` and the tests prove that the stored records equal
/// a full recomputation from the event log.
///
/// Facts the event log does not carry are supplied by the caller through RecordContext: the
/// procedure's field (lĩnh vực) and online level (from the catalog, as in force when the dossier
/// was filed) and the conversion of UTC instants to the agencies' local time.
///
/// Agencies: `receiving_agency` is the agency whose desk accepted the dossier for resolution
/// ("cơ quan, đơn vị tiếp nhận giải quyết"); it never changes. `handling_agency` follows the
/// liên thông hops (NĐ 61/2018 Đ19.6–19.7) and ends at the agency that produced the result.
/// Reports attribute each dossier to exactly one of the two (Report06aOptions), so a dossier
/// transferred between agencies is counted once.
///
/// Event payload keys read (as written by dossier_state.cpp): Submitted `procedure_code`,
/// `channel`, optional `receiving_agency_id` and `result_delivery` (absent: the agency of the
/// submitting actor and Desk); Accepted `code`, `received_at`, `original_due_at`; Transferred
/// `to_agency_id`; SupplementReceived `received_at`, `restarted_due_at`; Resolved and
/// RejectedAfterAppraisal `outcome`, `verdict`; Returned `returned_at`, `delivery`;
/// ApologyIssued `issued_at`, `timely`.

#include "domain/catalog/agency.h"
#include "domain/catalog/procedure.h"
#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_event.h"

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain::stats {

/// Converts a UTC instant to the agencies' local civil time (the service passes its
/// zoned-time conversion; tests use fixedUtcOffset).
using ToLocalTime = std::function<date::local_seconds(date::sys_seconds)>;

/// Returns a converter adding a fixed offset, e.g. 7 h for Asia/Ho_Chi_Minh (UTC+7 without DST
/// since 1975).
ToLocalTime fixedUtcOffset(std::chrono::seconds offset);

/// What the catalog says about the procedure of a dossier.
struct ProcedureFacts {
    std::string field_code;  ///< Code of its field (lĩnh vực), e.g. "G09-TP01".
    OnlineLevel online_level = OnlineLevel::None;  ///< How far it was offered online when filed.
};

/// The facts a record needs besides the events.
struct RecordContext {
    /// Returns the facts of the procedure whose national code is given (called once per dossier,
    /// on its Submitted event); may throw Error{NotFound}.
    std::function<ProcedureFacts(std::string_view procedure_code)> procedure_facts;
    /// Converts event instants to local time.
    ToLocalTime to_local;
};

/// One change of the legal clock of a dossier.
struct ClockChange {
    /// When the change took effect (local): acceptance, a supplement request, or the receipt of
    /// the complete supplement.
    date::local_seconds at;
    /// The legal due time from then on; empty while the dossier waits for a supplement, because
    /// the processing time restarts from zero once it is complete (NĐ 61/2018 Đ19.4 as amended by
    /// NĐ 107/2021), so no due time runs.
    std::optional<date::local_seconds> due_at;

    /// Compares both members.
    bool operator==(const ClockChange&) const = default;
};

/// The statistics row of one dossier. Instants are local civil time.
struct DossierStatRecord {
    DossierId dossier_id;  ///< The dossier.
    std::string code;  ///< Mã số hồ sơ; empty before acceptance.
    AgencyId receiving_agency;  ///< The agency that accepted it for resolution (never changes).
    AgencyId handling_agency;  ///< The agency holding it now or that produced the result.
    std::string field_code;  ///< Field (lĩnh vực) of the procedure.
    std::string procedure_code;  ///< National procedure code.
    OnlineLevel procedure_online_level = OnlineLevel::None;  ///< Online level of the procedure.
    Channel channel = Channel::Direct;  ///< How it was filed.
    /// How the result is to be handed over; after the return, how it was (Returned payload).
    ResultDelivery result_delivery = ResultDelivery::Desk;
    DossierStatus status = DossierStatus::Submitted;  ///< Current status.
    /// Lawful receipt (acceptance, Giấy tiếp nhận); empty while never accepted, and then the
    /// dossier is not counted anywhere (refused or withdrawn at intake, still unchecked).
    std::optional<date::local_seconds> received_at;
    std::optional<date::local_seconds> original_due_at;  ///< Hạn trả printed on the receipt.
    /// Legal due time used for the verdict: restarted after the last complete supplement, else
    /// the original; never the apology's extension (rules.md §3.2).
    std::optional<date::local_seconds> due_at;
    std::optional<date::local_seconds> resolved_at;  ///< Result ready (approval or rejection).
    std::optional<date::local_seconds> returned_at;  ///< Result handed over.
    /// When a stop, a withdrawal or an intake refusal closed the dossier without a result.
    std::optional<date::local_seconds> closed_at;
    /// Trước hạn / đúng hạn / quá hạn: frozen from the Resolved or RejectedAfterAppraisal event;
    /// for a stop or withdrawal after acceptance, judged at closing against the due time then in
    /// force (classifyCompletion), and OnTime when the clock was stopped for a supplement.
    std::optional<Verdict> verdict;
    std::optional<ResolutionOutcome> outcome;  ///< Approved or rejected, with the result.
    bool apology_issued = false;  ///< A Phiếu xin lỗi was issued (NĐ 61/2018 Đ19.9).
    /// It was issued at least one working day before the due time (Đ19.9).
    bool apology_timely = false;
    std::optional<date::local_seconds> apology_issued_at;  ///< When it was issued.
    std::int32_t supplement_count = 0;  ///< Supplement requests after acceptance (Đ19.4).
    /// The legal clock, oldest first: acceptance, then one entry per supplement request and per
    /// complete supplement; lets a report for a past period see the due time then in force.
    std::vector<ClockChange> clock;
    /// Sequence of the last event folded in (equals the dossier's version).
    std::int64_t last_sequence = 0;

    /// Compares every member.
    bool operator==(const DossierStatRecord&) const = default;
};

/// Folds `event` into `record` (the storage layer calls it with each new event; `record` is
/// default-constructed for the Submitted event). Throws Error{InvalidArgument} on field
/// "events" when the event belongs to another dossier, is out of sequence, starts a record that
/// is not empty (or does not start one that is), or lacks a payload value listed above.
void applyEvent(DossierStatRecord& record, const DossierEvent& event, const RecordContext& context);

/// Rebuilds the record of one dossier from its whole trail, in sequence order, starting with
/// the Submitted event. Throws as applyEvent, and for an empty trail.
DossierStatRecord recordFromEvents(std::span<const DossierEvent> events, const RecordContext& context);

/// Returns the clock entry in force at `at`: the last change at or before it, or std::nullopt
/// when the dossier was not yet accepted then.
std::optional<ClockChange> clockAt(const DossierStatRecord& record, date::local_seconds at) noexcept;

/// Returns the number of supplement requests made at or before `at`.
std::int32_t supplementRequestsAt(const DossierStatRecord& record, date::local_seconds at) noexcept;

}  // namespace motcua::domain::stats
