#pragma once
/// The dossier code (mã số hồ sơ) printed on the receipt and used for lookup on the national
/// portal: TT 01/2018/TT-VPCP Đ19 `AGENCY-YYMMDD-XXXX`, extended by TT 04/2025/TT-VPCP Đ23.2
/// (TT 03/2025 Đ13.3) with an optional 2-digit system prefix and sequences longer than 4 digits.

#include "domain/catalog/agency.h"

#include <date/date.h>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain {

/// How the date part of a code is written.
enum class CodeDateFormat {
    Short,  ///< YYMMDD, the legal form (TT 01/2018 Đ19, TT 04/2025).
    Long,   ///< YYYYMMDD, seen in DVCQG samples; accepted when parsing only (rules.md §4 [U]).
};

/// Whether the digits after the second dash start with the 2-digit system prefix `AA` of
/// TT 04/2025 (nationwide centralised systems). The text alone cannot tell `12` + `0361` from
/// `120361`, so the caller, who knows which system issued the code, must say.
enum class SystemPrefix { Absent, Present };

/// The parts of a well-formed dossier code.
struct ParsedDossierCode {
    std::string agency_code;                   ///< Receiving/resolving agency, e.g. "000.00.06.H56".
    date::year_month_day received_on{};        ///< Local civil date of receipt.
    CodeDateFormat date_format = CodeDateFormat::Short;  ///< How the date was written.
    std::optional<std::string> system_prefix;  ///< The two digits `AA`, when present.
    std::uint64_t sequence = 0;                ///< Daily sequence number, ≥ 1.
    std::size_t sequence_digits = 0;           ///< Digits written, leading zeros included (≥ 4).
    /// Compares member-wise.
    bool operator==(const ParsedDossierCode&) const = default;
};

/// A validated dossier code; equality and order are those of the text.
class DossierCode {
public:
    /// Fewest sequence digits (TT 01/2018 Đ19: XXXX; TT 04/2025: "tối thiểu 4 chữ số").
    static constexpr std::size_t kMinSequenceDigits = 4;
    /// Most sequence digits: keeps the number inside std::uint64_t.
    static constexpr std::size_t kMaxSequenceDigits = 18;
    /// Longest code: agency (64) + '-' + YYYYMMDD + '-' + AA + 18 digits.
    static constexpr std::size_t kMaxLength = kMaxAgencyCodeLength + 1 + 8 + 1 + 2 + kMaxSequenceDigits;
    /// First and last year a code may carry (YY is read as 20YY).
    static constexpr int kFirstYear = 2000;
    /// See kFirstYear.
    static constexpr int kLastYear = 2099;

    /// Parses and wraps `text`; throws Error{InvalidArgument} when parse() would fail.
    explicit DossierCode(std::string_view text, SystemPrefix prefix = SystemPrefix::Absent);

    /// Returns the parts of `text` when it is a well-formed code, std::nullopt otherwise.
    /// Strict: exactly two dashes, a valid agency code, a real date in 2000–2099 written as
    /// YYMMDD or YYYYMMDD, then digits only (optional 2-digit prefix, 4–18 digit sequence ≥ 1).
    /// Linear in the input and bounded by kMaxLength; throws nothing but std::bad_alloc.
    static std::optional<ParsedDossierCode> parse(std::string_view text,
                                                  SystemPrefix prefix = SystemPrefix::Absent);

    /// Returns the parts of `text`; throws Error{InvalidArgument} when parse() would fail.
    static ParsedDossierCode parseOrThrow(std::string_view text, SystemPrefix prefix = SystemPrefix::Absent);

    /// Returns `AGENCY-YYMMDD-SEQ` with the sequence zero-padded to `width` digits, or written in
    /// full when longer. Throws Error{InvalidArgument} for an invalid agency code, a date that is
    /// not valid or outside 2000–2099, a sequence of 0 or above 18 digits, or a width outside 4–18.
    static std::string format(std::string_view agency_code, date::year_month_day received_on,
                              std::uint64_t sequence, std::size_t width = kMinSequenceDigits);

    /// Returns `AGENCY-YYMMDD-AASEQ` (TT 04/2025 centralised systems); `system_prefix` must be
    /// two digits. Throws as format().
    static std::string formatWithPrefix(std::string_view agency_code, date::year_month_day received_on,
                                        std::string_view system_prefix, std::uint64_t sequence,
                                        std::size_t width = kMinSequenceDigits);

    /// Writes `parts` back as text, so that format(*parse(t)) == t; throws as format().
    static std::string format(const ParsedDossierCode& parts);

    /// Returns the code text.
    const std::string& str() const noexcept { return text_; }
    /// Returns the parts, as read with the SystemPrefix given at construction.
    const ParsedDossierCode& parts() const noexcept { return parts_; }

    /// Compares the texts.
    bool operator==(const DossierCode& other) const noexcept { return text_ == other.text_; }
    /// Orders by text.
    std::strong_ordering operator<=>(const DossierCode& other) const noexcept {
        return text_ <=> other.text_;
    }

private:
    std::string text_;
    ParsedDossierCode parts_;
};

}  // namespace motcua::domain
