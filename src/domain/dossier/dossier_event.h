#pragma once
/// The audit trail of a dossier: one immutable event per successful command. In order, the
/// events of a dossier are its control sheet (Phiếu kiểm soát quá trình giải quyết hồ sơ,
/// Mẫu 05, TT 01/2018 Đ9) and the status history that DVCQG synchronisation needs.

#include "domain/catalog/agency.h"
#include "domain/dossier/dossier.h"

#include <date/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::domain {

/// What happened to the dossier.
enum class DossierEventKind {
    Submitted,                     ///< The dossier was filed and registered.
    Accepted,                      ///< Giấy tiếp nhận issued, code assigned, clock started.
    RefusedAtIntake,               ///< Phiếu từ chối tiếp nhận.
    CompletionRequestedAtIntake,   ///< Phiếu yêu cầu bổ sung, hoàn thiện at intake.
    OfficerAssigned,               ///< A handler was assigned (Đ19.1).
    ProcessingStarted,             ///< Forwarded from the desk to processing (Đ18).
    Transferred,                   ///< A liên thông hop (Đ19.6–19.7).
    SupplementRequested,           ///< Phiếu yêu cầu bổ sung after acceptance (Đ19.4).
    SupplementReceived,            ///< The complete dossier came back; the clock restarted.
    FinancialObligationRequested,  ///< Fee or tax to be paid before the result.
    PaymentConfirmed,              ///< The obligation was met.
    Resolved,                      ///< The result is ready (approval).
    RejectedAfterAppraisal,        ///< The result is a Phiếu từ chối giải quyết (Đ19.8).
    Stopped,                       ///< Dừng xử lý.
    Withdrawn,                     ///< The citizen withdrew the dossier.
    Returned,                      ///< The result was handed over.
    ApologyIssued,                 ///< Phiếu xin lỗi và hẹn lại ngày trả kết quả (Đ19.9).
    DeadlineRecalculated,          ///< The legal due time recomputed under a changed calendar.
};

/// Returns the stable snake_case name of `kind` ("supplement_requested", …).
std::string_view toName(DossierEventKind kind);
/// Returns the Vietnamese label of `kind`, as printed on the control sheet.
std::string_view labelVi(DossierEventKind kind);
/// Returns the kind named `name`; throws Error{InvalidArgument} for an unknown name.
DossierEventKind parseDossierEventKind(std::string_view name);

/// Extra facts of an event as ordered key/value text pairs (keys snake_case; instants as
/// formatUtcInstant; a key may repeat only as numbered `item_1`, `item_2`, …).
using EventPayload = std::vector<std::pair<std::string, std::string>>;

/// One audit event; immutable once built.
class DossierEvent {
public:
    /// Builds an event; `sequence` is 1 for the first event of a dossier and equals the
    /// dossier's version after the change; `from` is empty for the event that creates it.
    DossierEvent(DossierId dossier_id, std::int64_t sequence, DossierEventKind kind,
                 std::optional<DossierStatus> from, DossierStatus to, UserId actor_user,
                 AgencyId actor_agency, date::sys_seconds at, std::string note, EventPayload payload);

    /// Returns the dossier the event belongs to.
    DossierId dossierId() const noexcept { return dossier_id_; }
    /// Returns the 1-based position of the event in the dossier's trail.
    std::int64_t sequence() const noexcept { return sequence_; }
    /// Returns what happened.
    DossierEventKind kind() const noexcept { return kind_; }
    /// Returns the status before the change; empty for the creating event.
    const std::optional<DossierStatus>& fromStatus() const noexcept { return from_; }
    /// Returns the status after the change.
    DossierStatus toStatus() const noexcept { return to_; }
    /// Returns who did it.
    UserId actorUser() const noexcept { return actor_user_; }
    /// Returns the agency the actor acted for.
    AgencyId actorAgency() const noexcept { return actor_agency_; }
    /// Returns when it happened (the `now` of the command).
    date::sys_seconds at() const noexcept { return at_; }
    /// Returns the free-text note (reason, result note…), possibly empty.
    const std::string& note() const noexcept { return note_; }
    /// Returns the extra facts.
    const EventPayload& payload() const noexcept { return payload_; }
    /// Returns the value of the first payload entry named `key`, if any.
    std::optional<std::string_view> payloadValue(std::string_view key) const noexcept;

    /// Compares every member.
    bool operator==(const DossierEvent&) const = default;

private:
    DossierId dossier_id_;
    std::int64_t sequence_;
    DossierEventKind kind_;
    std::optional<DossierStatus> from_;
    DossierStatus to_;
    UserId actor_user_;
    AgencyId actor_agency_;
    date::sys_seconds at_;
    std::string note_;
    EventPayload payload_;
};

/// Returns `instant` as ISO 8601 UTC to the second, e.g. "2023-10-27T02:32:00Z".
std::string formatUtcInstant(date::sys_seconds instant);

}  // namespace motcua::domain
