#include "domain/dossier/dossier_event.h"

#include "domain/catalog/enum_names.h"

#include <array>

namespace motcua::domain {

namespace {

constexpr std::array<detail::EnumName<DossierEventKind>, 18> kEventKindNames{{
    {DossierEventKind::Submitted, "submitted", "Nộp hồ sơ"},
    {DossierEventKind::Accepted, "accepted", "Tiếp nhận hồ sơ"},
    {DossierEventKind::RefusedAtIntake, "refused_at_intake", "Từ chối tiếp nhận hồ sơ"},
    {DossierEventKind::CompletionRequestedAtIntake, "completion_requested_at_intake",
     "Hướng dẫn bổ sung, hoàn thiện hồ sơ khi tiếp nhận"},
    {DossierEventKind::OfficerAssigned, "officer_assigned", "Phân công cán bộ xử lý"},
    {DossierEventKind::ProcessingStarted, "processing_started", "Chuyển hồ sơ đến bộ phận giải quyết"},
    {DossierEventKind::Transferred, "transferred", "Chuyển xử lý liên thông"},
    {DossierEventKind::SupplementRequested, "supplement_requested", "Yêu cầu bổ sung, hoàn thiện hồ sơ"},
    {DossierEventKind::SupplementReceived, "supplement_received", "Nhận hồ sơ bổ sung"},
    {DossierEventKind::FinancialObligationRequested, "financial_obligation_requested",
     "Yêu cầu thực hiện nghĩa vụ tài chính"},
    {DossierEventKind::PaymentConfirmed, "payment_confirmed", "Xác nhận đã thực hiện nghĩa vụ tài chính"},
    {DossierEventKind::Resolved, "resolved", "Có kết quả giải quyết"},
    {DossierEventKind::RejectedAfterAppraisal, "rejected_after_appraisal", "Từ chối giải quyết hồ sơ"},
    {DossierEventKind::Stopped, "stopped", "Dừng xử lý hồ sơ"},
    {DossierEventKind::Withdrawn, "withdrawn", "Công dân rút hồ sơ"},
    {DossierEventKind::Returned, "returned", "Trả kết quả"},
    {DossierEventKind::ApologyIssued, "apology_issued", "Xin lỗi và hẹn lại ngày trả kết quả"},
    {DossierEventKind::DeadlineRecalculated, "deadline_recalculated", "Tính lại hạn giải quyết theo lịch làm việc mới"},
}};

void appendTwoDigits(std::string& out, unsigned value) {
    out.push_back(static_cast<char>('0' + value / 10 % 10));
    out.push_back(static_cast<char>('0' + value % 10));
}

}  // namespace

std::string_view toName(DossierEventKind kind) { return detail::enumRow(kEventKindNames, kind).name; }
std::string_view labelVi(DossierEventKind kind) { return detail::enumRow(kEventKindNames, kind).label_vi; }
DossierEventKind parseDossierEventKind(std::string_view name) {
    return detail::parseEnumName(kEventKindNames, name, "Loại sự kiện hồ sơ", "event_kind");
}

DossierEvent::DossierEvent(DossierId dossier_id, std::int64_t sequence, DossierEventKind kind,
                           std::optional<DossierStatus> from, DossierStatus to, UserId actor_user,
                           AgencyId actor_agency, date::sys_seconds at, std::string note, EventPayload payload)
    : dossier_id_(dossier_id),
      sequence_(sequence),
      kind_(kind),
      from_(from),
      to_(to),
      actor_user_(actor_user),
      actor_agency_(actor_agency),
      at_(at),
      note_(std::move(note)),
      payload_(std::move(payload)) {}

std::optional<std::string_view> DossierEvent::payloadValue(std::string_view key) const noexcept {
    for (const auto& [name, value] : payload_) {
        if (name == key) return std::string_view{value};
    }
    return std::nullopt;
}

std::string formatUtcInstant(date::sys_seconds instant) {
    const auto day = date::floor<date::days>(instant);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<std::chrono::seconds> time{instant - day};
    std::string out;
    out.reserve(20);
    const int year{ymd.year()};
    if (year < 0) out.push_back('-');
    const auto abs_year = static_cast<unsigned>(year < 0 ? -year : year);
    appendTwoDigits(out, abs_year / 100);
    appendTwoDigits(out, abs_year % 100);
    out.push_back('-');
    appendTwoDigits(out, unsigned{ymd.month()});
    out.push_back('-');
    appendTwoDigits(out, unsigned{ymd.day()});
    out.push_back('T');
    appendTwoDigits(out, static_cast<unsigned>(time.hours().count()));
    out.push_back(':');
    appendTwoDigits(out, static_cast<unsigned>(time.minutes().count()));
    out.push_back(':');
    appendTwoDigits(out, static_cast<unsigned>(time.seconds().count()));
    out.push_back('Z');
    return out;
}

}  // namespace motcua::domain
