#pragma once
/// The intake request (what the desk officer or the portal enters when a dossier is filed) and
/// its validation, which reports every invalid field at once (STYLE.md 9.3).

#include "domain/dossier/dossier.h"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

/// A dossier as filed, before validation.
struct IntakeRequest {
    Applicant applicant;  ///< The applicant (chủ hồ sơ).
    std::string procedure_code;  ///< Must satisfy isValidProcedureCode.
    Channel channel = Channel::Direct;  ///< How it was filed.
    ResultDelivery result_delivery = ResultDelivery::Desk;  ///< How the citizen wants the result.
    std::vector<DossierDocument> documents;  ///< Thành phần hồ sơ, 1–100 entries.
    /// When the dossier reached the desk (direct), the portal (online) or the post office (postal).
    date::sys_seconds received_at{};
    /// Postal only: when the Biên bản giao nhận between the post and the desk was signed.
    std::optional<date::sys_seconds> handover_at;
};

/// Limits applied by validateIntake, in code points unless stated.
struct IntakeLimits {
    static constexpr std::size_t kMaxNameLength = 200;       ///< Applicant or representative name.
    static constexpr std::size_t kMaxAddressLength = 500;  ///< Address.
    static constexpr std::size_t kMaxEmailLength = 254;      ///< Bytes (RFC 5321).
    static constexpr std::size_t kMaxDocumentNameLength = 500;  ///< Name of one document.
    static constexpr std::size_t kMaxDocuments = 100;  ///< Documents per dossier.
    static constexpr std::int32_t kMaxDocumentCount = 1000;  ///< Copies of one document.
    /// How far back a receipt may be entered: a dossier logged late (a postal handover of last
    /// week) is normal, a year typed wrong ("2016" for "2026") is not.
    static constexpr int kMaxBackdatingDays = 90;
};

/// Returns true for a CMND (9 digits) or CCCD / personal identification number (12 digits).
bool isValidPersonalIdNumber(std::string_view text) noexcept;

/// Returns true for an enterprise/organisation tax code: 10 digits, 13 digits, or the branch
/// form 10 digits + "-" + 3 digits.
bool isValidTaxCode(std::string_view text) noexcept;

/// Returns true for a phone number of 9–11 digits without separators, or "+84" followed by
/// 9–10 digits not starting with 0.
bool isValidPhoneNumber(std::string_view text) noexcept;

/// Returns true for a plausible e-mail address: printable ASCII, one '@', a 1–64 character
/// local part, and a domain of dot-separated labels of letters, digits and inner hyphens with
/// at least two labels; at most 254 characters. Not a full RFC 5322 check.
bool isValidEmail(std::string_view text) noexcept;

/// Checks every field of `request` against the rules below and throws Error::invalidFields
/// listing all problems; returns normally when valid. `now` bounds the instants.
///  - applicant name required, ≤ 200 code points, valid UTF-8, single line;
///  - số định danh required: CMND/CCCD for a person, tax code for an organisation;
///  - phone and e-mail optional but well-formed; online channels need one of them, because
///    the citizen is notified by e-mail or SMS (NĐ 61 Đ17.2);
///  - address required when the dossier or its result travels by post (QĐ 45/2016 Đ5);
///  - a toàn trình dossier returns its result online or by post (NĐ 42/2022 Đ3);
///  - postal dossiers carry handover_at, others must not; received_at ≤ handover_at ≤ now
///    (QĐ 45/2016 Đ7.4); neither more than kMaxBackdatingDays before now;
///  - the procedure code is a national code; 1–100 documents, each named, count 1–1000.
void validateIntake(const IntakeRequest& request, date::sys_seconds now);

/// Returns the lawful receipt instant of `request`: handover_at for a postal dossier that has
/// one (QĐ 45/2016 Đ7.4), else received_at.
date::sys_seconds legalReceiptTime(const IntakeRequest& request) noexcept;

}  // namespace motcua::domain
