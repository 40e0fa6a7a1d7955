#include "domain/dossier/dossier.h"

#include "domain/catalog/enum_names.h"

#include <array>

namespace motcua::domain {

namespace {

struct StatusRow {
    DossierStatus status;
    std::optional<int> dvcqg_code;
};

constexpr std::array<detail::EnumName<DossierStatus>, 11> kStatusNames{{
    {DossierStatus::Submitted, "submitted", "Mới đăng ký"},
    {DossierStatus::IncompleteAtIntake, "incomplete_at_intake", "Hướng dẫn bổ sung, hoàn thiện khi tiếp nhận"},
    {DossierStatus::RefusedAtIntake, "refused_at_intake", "Không được tiếp nhận"},
    {DossierStatus::Received, "received", "Được tiếp nhận"},
    {DossierStatus::InProgress, "in_progress", "Đang xử lý"},
    {DossierStatus::AwaitingSupplement, "awaiting_supplement", "Yêu cầu bổ sung giấy tờ"},
    {DossierStatus::AwaitingFinancialObligation, "awaiting_financial_obligation",
     "Yêu cầu thực hiện nghĩa vụ tài chính"},
    {DossierStatus::Withdrawn, "withdrawn", "Công dân yêu cầu rút hồ sơ"},
    {DossierStatus::Stopped, "stopped", "Dừng xử lý"},
    {DossierStatus::Resolved, "resolved", "Đã xử lý xong"},
    {DossierStatus::Returned, "returned", "Đã trả kết quả"},
}};

// TT 22/2019/TT-BTTTT Phụ lục I status list as synchronised with Cổng DVCQG (rules.md §1.3).
constexpr std::array<StatusRow, 11> kStatusRows{{
    {DossierStatus::Submitted, 1},
    {DossierStatus::IncompleteAtIntake, std::nullopt},
    {DossierStatus::RefusedAtIntake, 3},
    {DossierStatus::Received, 2},
    {DossierStatus::InProgress, 4},
    {DossierStatus::AwaitingSupplement, 5},
    {DossierStatus::AwaitingFinancialObligation, 6},
    {DossierStatus::Withdrawn, 7},
    {DossierStatus::Stopped, 8},
    {DossierStatus::Resolved, 9},
    {DossierStatus::Returned, 10},
}};

constexpr std::array<detail::EnumName<Channel>, 4> kChannelNames{{
    {Channel::Direct, "direct", "Trực tiếp"},
    {Channel::OnlineFull, "online_full", "Trực tuyến toàn trình"},
    {Channel::OnlinePartial, "online_partial", "Trực tuyến một phần"},
    {Channel::Postal, "postal", "Bưu chính công ích"},
}};

constexpr std::array<detail::EnumName<ResultDelivery>, 3> kDeliveryNames{{
    {ResultDelivery::Desk, "desk", "Tại Bộ phận Một cửa"},
    {ResultDelivery::Postal, "postal", "Qua dịch vụ bưu chính công ích"},
    {ResultDelivery::Online, "online", "Trực tuyến"},
}};

constexpr std::array<detail::EnumName<ApplicantKind>, 2> kApplicantKindNames{{
    {ApplicantKind::Individual, "individual", "Cá nhân"},
    {ApplicantKind::Organisation, "organisation", "Tổ chức"},
}};

constexpr std::array<detail::EnumName<DocumentKind>, 3> kDocumentKindNames{{
    {DocumentKind::Original, "original", "Bản chính"},
    {DocumentKind::CertifiedCopy, "certified_copy", "Bản sao chứng thực"},
    {DocumentKind::Photocopy, "photocopy", "Bản photo"},
}};

constexpr std::array<detail::EnumName<Verdict>, 3> kVerdictNames{{
    {Verdict::Early, "early", "Trước hạn"},
    {Verdict::OnTime, "on_time", "Đúng hạn"},
    {Verdict::Late, "late", "Quá hạn"},
}};

constexpr std::array<detail::EnumName<ResolutionOutcome>, 2> kOutcomeNames{{
    {ResolutionOutcome::Approved, "approved", "Giải quyết"},
    {ResolutionOutcome::Rejected, "rejected", "Từ chối giải quyết"},
}};

const StatusRow& statusRow(DossierStatus status) {
    for (const auto& row : kStatusRows) {
        if (row.status == status) return row;
    }
    return kStatusRows.front();  // unreachable: every enumerator has a row (tested)
}

}  // namespace

std::string_view toName(DossierStatus status) { return detail::enumRow(kStatusNames, status).name; }
std::string_view labelVi(DossierStatus status) { return detail::enumRow(kStatusNames, status).label_vi; }
DossierStatus parseDossierStatus(std::string_view name) {
    return detail::parseEnumName(kStatusNames, name, "Trạng thái hồ sơ", "status");
}
std::optional<int> dvcqgStatusCode(DossierStatus status) { return statusRow(status).dvcqg_code; }
bool isFinal(DossierStatus status) noexcept {
    return status == DossierStatus::RefusedAtIntake || status == DossierStatus::Withdrawn ||
           status == DossierStatus::Stopped || status == DossierStatus::Returned;
}

std::string_view toName(Channel channel) { return detail::enumRow(kChannelNames, channel).name; }
std::string_view labelVi(Channel channel) { return detail::enumRow(kChannelNames, channel).label_vi; }
Channel parseChannel(std::string_view name) {
    return detail::parseEnumName(kChannelNames, name, "Kênh nộp hồ sơ", "channel");
}
int dvcqgChannelCode(Channel channel) {
    switch (channel) {
        case Channel::Direct: return 1;
        case Channel::OnlineFull:
        case Channel::OnlinePartial: return 2;
        case Channel::Postal: return 3;
    }
    return 1;
}
bool isOnline(Channel channel) noexcept {
    return channel == Channel::OnlineFull || channel == Channel::OnlinePartial;
}

std::string_view toName(ResultDelivery delivery) { return detail::enumRow(kDeliveryNames, delivery).name; }
std::string_view labelVi(ResultDelivery delivery) { return detail::enumRow(kDeliveryNames, delivery).label_vi; }
ResultDelivery parseResultDelivery(std::string_view name) {
    return detail::parseEnumName(kDeliveryNames, name, "Hình thức nhận kết quả", "result_delivery");
}

std::string_view toName(ApplicantKind kind) { return detail::enumRow(kApplicantKindNames, kind).name; }
std::string_view labelVi(ApplicantKind kind) { return detail::enumRow(kApplicantKindNames, kind).label_vi; }
ApplicantKind parseApplicantKind(std::string_view name) {
    return detail::parseEnumName(kApplicantKindNames, name, "Loại người nộp hồ sơ", "applicant.kind");
}

std::string_view toName(DocumentKind kind) { return detail::enumRow(kDocumentKindNames, kind).name; }
std::string_view labelVi(DocumentKind kind) { return detail::enumRow(kDocumentKindNames, kind).label_vi; }
DocumentKind parseDocumentKind(std::string_view name) {
    return detail::parseEnumName(kDocumentKindNames, name, "Loại giấy tờ", "documents.kind");
}

std::string_view toName(Verdict verdict) { return detail::enumRow(kVerdictNames, verdict).name; }
std::string_view labelVi(Verdict verdict) { return detail::enumRow(kVerdictNames, verdict).label_vi; }
Verdict parseVerdict(std::string_view name) {
    return detail::parseEnumName(kVerdictNames, name, "Kết quả đánh giá thời hạn", "verdict");
}

std::string_view toName(ResolutionOutcome outcome) { return detail::enumRow(kOutcomeNames, outcome).name; }
std::string_view labelVi(ResolutionOutcome outcome) { return detail::enumRow(kOutcomeNames, outcome).label_vi; }
ResolutionOutcome parseResolutionOutcome(std::string_view name) {
    return detail::parseEnumName(kOutcomeNames, name, "Kết quả giải quyết", "outcome");
}

std::optional<date::sys_seconds> legalDueAt(const Dossier& dossier) noexcept {
    if (dossier.timing.restarted_due_at) return dossier.timing.restarted_due_at;
    return dossier.timing.original_due_at;
}

std::optional<date::sys_seconds> appointmentDueAt(const Dossier& dossier) noexcept {
    const auto legal = legalDueAt(dossier);
    const auto& extended = dossier.timing.extended_due_at;
    if (extended && (!legal || *extended > *legal)) return extended;
    return legal;
}

date::sys_seconds legalReceiptTime(const Dossier& dossier) noexcept {
    return dossier.handover_at.value_or(dossier.submitted_at);
}

}  // namespace motcua::domain
