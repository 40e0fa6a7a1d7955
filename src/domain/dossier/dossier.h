#pragma once
/// The dossier (hồ sơ TTHC) as a value: who filed it, for which procedure, through which
/// channel, where it stands (DVCQG status, rules.md §1.3) and its timing. Changed only by
/// dossier_state.h, which also yields the audit event of every change.

#include "domain/catalog/agency.h"
#include "domain/catalog/procedure.h"
#include "domain/dossier/dossier_code.h"

#include <date/date.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::domain {

/// Surrogate id of a dossier (database key).
struct DossierId {
    std::int64_t value = 0;  ///< The database key.
    /// Compares by value.
    auto operator<=>(const DossierId&) const = default;
};

/// Id of a user of the system (desk officer, handler, head of agency).
struct UserId {
    std::int64_t value = 0;  ///< The database key.
    /// Compares by value.
    auto operator<=>(const UserId&) const = default;
};

/// Where a dossier stands. Statuses 1–10 are the DVCQG synchronisation codes (TT 22/2019
/// Phụ lục I, rules.md §1.3); IncompleteAtIntake has no DVCQG code.
enum class DossierStatus {
    Submitted,                    ///< 1 Mới đăng ký: filed (online) but not yet checked.
    IncompleteAtIntake,           ///< — Guided to complete it at intake (NĐ 61 Đ17.1a, Mẫu 02); no clock.
    RefusedAtIntake,              ///< 3 Không được tiếp nhận (NĐ 61 Đ17.1b, Mẫu 03). Final.
    Received,                     ///< 2 Được tiếp nhận: accepted, code issued, clock running (Đ17.1c).
    InProgress,                   ///< 4 Đang xử lý, including liên thông hops.
    AwaitingSupplement,           ///< 5 Yêu cầu bổ sung giấy tờ (NĐ 61 Đ19.4).
    AwaitingFinancialObligation,  ///< 6 Yêu cầu thực hiện nghĩa vụ tài chính.
    Withdrawn,                    ///< 7 Công dân yêu cầu rút hồ sơ. Final.
    Stopped,                      ///< 8 Dừng xử lý. Final.
    Resolved,                     ///< 9 Đã xử lý xong: result (approval or rejection) ready.
    Returned,                     ///< 10 Đã trả kết quả. Final.
};

/// Returns the stable snake_case name of `status` ("in_progress", …) for JSON and SQL.
std::string_view toName(DossierStatus status);
/// Returns the Vietnamese label of `status` as the DVCQG list words it ("Đang xử lý", …).
std::string_view labelVi(DossierStatus status);
/// Returns the status named `name`; throws Error{InvalidArgument} for an unknown name.
DossierStatus parseDossierStatus(std::string_view name);
/// Returns the DVCQG status code 1–10 of `status`, or std::nullopt for IncompleteAtIntake.
std::optional<int> dvcqgStatusCode(DossierStatus status);
/// Returns true when no command can move a dossier out of `status`.
bool isFinal(DossierStatus status) noexcept;

/// How the dossier was filed (NĐ 61 Đ16; NĐ 42/2022 toàn trình / một phần).
enum class Channel { Direct, OnlineFull, OnlinePartial, Postal };

/// Returns the stable snake_case name of `channel` ("online_full", …).
std::string_view toName(Channel channel);
/// Returns the Vietnamese label of `channel` ("Trực tuyến toàn trình", …).
std::string_view labelVi(Channel channel);
/// Returns the channel named `name`; throws Error{InvalidArgument} for an unknown name.
Channel parseChannel(std::string_view name);
/// Returns the DVCQG kênh thực hiện: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích.
int dvcqgChannelCode(Channel channel);
/// Returns true for the two online channels.
bool isOnline(Channel channel) noexcept;

/// How the citizen receives the result (NĐ 61 Đ20; QĐ 45/2016 Đ5).
enum class ResultDelivery { Desk, Postal, Online };

/// Returns the stable snake_case name of `delivery` ("desk", "postal", "online").
std::string_view toName(ResultDelivery delivery);
/// Returns the Vietnamese label of `delivery` ("Tại Bộ phận Một cửa", …).
std::string_view labelVi(ResultDelivery delivery);
/// Returns the delivery named `name`; throws Error{InvalidArgument} for an unknown name.
ResultDelivery parseResultDelivery(std::string_view name);

/// Whether the applicant is a person or an organisation.
enum class ApplicantKind { Individual, Organisation };

/// Returns the stable snake_case name of `kind` ("individual", "organisation").
std::string_view toName(ApplicantKind kind);
/// Returns the Vietnamese label of `kind` ("Cá nhân", "Tổ chức").
std::string_view labelVi(ApplicantKind kind);
/// Returns the kind named `name`; throws Error{InvalidArgument} for an unknown name.
ApplicantKind parseApplicantKind(std::string_view name);

/// The form of a submitted paper, as ticked on the receipt (Mẫu 01).
enum class DocumentKind { Original, CertifiedCopy, Photocopy };

/// Returns the stable snake_case name of `kind` ("original", "certified_copy", "photocopy").
std::string_view toName(DocumentKind kind);
/// Returns the Vietnamese label of `kind` ("Bản chính", "Bản sao chứng thực", "Bản photo").
std::string_view labelVi(DocumentKind kind);
/// Returns the kind named `name`; throws Error{InvalidArgument} for an unknown name.
DocumentKind parseDocumentKind(std::string_view name);

/// Result timeliness as reported in Biểu 06a (trước hạn / đúng hạn / quá hạn, rules.md §9.1).
enum class Verdict { Early, OnTime, Late };

/// Returns the stable snake_case name of `verdict` ("early", "on_time", "late").
std::string_view toName(Verdict verdict);
/// Returns the Vietnamese label of `verdict` ("Trước hạn", "Đúng hạn", "Quá hạn").
std::string_view labelVi(Verdict verdict);
/// Returns the verdict named `name`; throws Error{InvalidArgument} for an unknown name.
Verdict parseVerdict(std::string_view name);

/// What the result says. A rejection after appraisal is a result (NĐ 61 Đ19.8).
enum class ResolutionOutcome { Approved, Rejected };

/// Returns the stable snake_case name of `outcome` ("approved", "rejected").
std::string_view toName(ResolutionOutcome outcome);
/// Returns the Vietnamese label of `outcome` ("Giải quyết", "Từ chối giải quyết").
std::string_view labelVi(ResolutionOutcome outcome);
/// Returns the outcome named `name`; throws Error{InvalidArgument} for an unknown name.
ResolutionOutcome parseResolutionOutcome(std::string_view name);

/// A person authorised to file for the applicant (BM.01 under TT 03/2025).
struct Representative {
    std::string name;  ///< Full name.
    std::string identity_number;  ///< CCCD (12 digits) or CMND (9 digits).
};

/// The applicant (chủ hồ sơ).
struct Applicant {
    ApplicantKind kind = ApplicantKind::Individual;  ///< Person or organisation.
    std::string name;  ///< Full name of the person or the organisation.
    /// Số định danh: CCCD/CMND for a person, mã số thuế for an organisation.
    std::string identity_number;
    std::string phone;    ///< Empty when not given.
    std::string email;    ///< Empty when not given.
    std::string address;  ///< Empty when not given.
    std::optional<Representative> representative;  ///< Set when someone files on the applicant's behalf.
};

/// One component of the dossier (thành phần hồ sơ).
struct DossierDocument {
    std::string name;  ///< E.g. "Tờ khai đăng ký khai sinh".
    DocumentKind kind = DocumentKind::Original;  ///< Original, certified copy or photocopy.
    std::int32_t count = 1;  ///< Number of copies, 1–1000.
};

/// The instants that decide whether a dossier is on time; all UTC, computed by the deadline
/// component and passed in by the caller.
struct DossierTiming {
    /// Hạn trả printed on the receipt (Mẫu 01), set on acceptance.
    std::optional<date::sys_seconds> original_due_at;
    /// Due time recomputed from zero after the last complete supplement (NĐ 61 Đ19.4 as amended
    /// by NĐ 107/2021); replaces original_due_at for the verdict.
    std::optional<date::sys_seconds> restarted_due_at;
    /// The new appointment of the apology letter (Đ19.9); never used for the verdict.
    std::optional<date::sys_seconds> extended_due_at;
    std::optional<date::sys_seconds> resolved_at;  ///< When the result became ready.
    std::optional<date::sys_seconds> returned_at;  ///< When the citizen got the result.
    /// When a stop, withdrawal or intake refusal closed the dossier without a result.
    std::optional<date::sys_seconds> closed_at;
    /// Frozen when the result is recorded.
    std::optional<Verdict> verdict;
};

/// The apology letter (Phiếu xin lỗi và hẹn lại ngày trả kết quả, Mẫu 04; NĐ 61 Đ19.9).
struct Apology {
    std::string reason;  ///< Why the dossier is late ("ghi rõ lý do quá hạn").
    date::sys_seconds new_due_at{};  ///< The new appointment given to the citizen.
    std::string signed_by;  ///< Name and title of the head of agency who signs.
    date::sys_seconds issued_at{};  ///< When the letter was issued.
    /// Original due time minus one working day, computed by the caller.
    date::sys_seconds latest_allowed_at{};
    UserId recorded_by;  ///< Who entered it in the system.

    /// Returns true when issued no later than one working day before the due time (Đ19.9).
    bool isTimely() const noexcept { return issued_at <= latest_allowed_at; }
};

/// One liên thông hop (NĐ 61 Đ19.6–19.7, Phiếu chuyển xử lý).
struct TransferHop {
    AgencyId from_agency;  ///< The agency that sent the dossier.
    AgencyId to_agency;  ///< The agency that received it.
    date::sys_seconds at{};  ///< When it was sent.
    std::optional<date::sys_seconds> due_at;  ///< That agency's own time limit, if set.
};

/// A dossier. A plain record: only apply() and openDossier() (dossier_state.h) change it
/// consistently; `version` is the optimistic lock the store checks.
struct Dossier {
    /// Builds a dossier in status Submitted; every other member keeps its default. The
    /// procedure code has no meaningful default, hence this constructor.
    Dossier(DossierId dossier_id, ProcedureCode procedure) : id(dossier_id), procedure_code(std::move(procedure)) {}

    DossierId id;  ///< Surrogate key.
    std::optional<DossierCode> code;  ///< Issued on acceptance (NĐ 61 Đ17.3).
    AgencyId receiving_agency;  ///< The desk that received the dossier.
    AgencyId handling_agency;         ///< Changes with each liên thông hop.
    ProcedureCode procedure_code;  ///< The procedure applied for.
    DossierStatus status = DossierStatus::Submitted;  ///< Current status.
    Channel channel = Channel::Direct;  ///< How it was filed.
    ResultDelivery result_delivery = ResultDelivery::Desk;  ///< How the result is (or was) handed over.
    Applicant applicant;  ///< Chủ hồ sơ.
    std::vector<DossierDocument> documents;  ///< Thành phần hồ sơ.
    date::sys_seconds submitted_at{};                ///< When it reached the desk or the portal.
    std::optional<date::sys_seconds> handover_at;    ///< Postal handover record (QĐ 45/2016 Đ7.4).
    std::optional<date::sys_seconds> received_at;    ///< Legal receipt, set on acceptance.
    DossierTiming timing;  ///< Due times and outcome instants.
    std::int32_t supplement_count = 0;               ///< Requests after acceptance (Đ19.4).
    std::optional<date::sys_seconds> supplement_requested_at;  ///< Set while awaiting one.
    std::optional<UserId> assigned_officer;  ///< The handling officer, once assigned.
    std::optional<Apology> apology;  ///< The one apology letter, if issued.
    std::vector<TransferHop> transfers;  ///< Liên thông hops, in order.
    std::optional<ResolutionOutcome> outcome;        ///< Set with the result.
    std::string closing_note;  ///< Result note, or the reason of a rejection, stop, withdrawal, refusal.
    std::int64_t version = 0;  ///< Optimistic lock; 1 after openDossier(), +1 per command.
};

/// Returns the due time that decides the verdict: restarted_due_at when the clock restarted,
/// else original_due_at; never the apology's extension, so an apology does not make a late
/// dossier on time (rules.md §3.2). std::nullopt before acceptance.
std::optional<date::sys_seconds> legalDueAt(const Dossier& dossier) noexcept;

/// Returns the appointment the citizen holds: the apology's new date when later than the legal
/// due time, else legalDueAt(). std::nullopt before acceptance.
std::optional<date::sys_seconds> appointmentDueAt(const Dossier& dossier) noexcept;

/// Returns the lawful receipt instant of the filed dossier: the postal handover record when
/// there is one (QĐ 45/2016 Đ7.4), else submitted_at.
date::sys_seconds legalReceiptTime(const Dossier& dossier) noexcept;

}  // namespace motcua::domain
