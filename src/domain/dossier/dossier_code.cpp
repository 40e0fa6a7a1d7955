#include "domain/dossier/dossier_code.h"

#include "domain/core/error.h"

#include <array>

namespace motcua::domain {

namespace {

constexpr std::size_t kPrefixDigits = 2;
constexpr std::size_t kShortDateDigits = 6;
constexpr std::size_t kLongDateDigits = 8;

bool isAllDigits(std::string_view text) noexcept {
    for (const char c : text) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

/// Reads at most 18 decimal digits (the caller checked they are digits); cannot overflow.
std::uint64_t readNumber(std::string_view digits) noexcept {
    std::uint64_t value = 0;
    for (const char c : digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}

std::size_t digitCount(std::uint64_t value) noexcept {
    std::size_t count = 1;
    while (value >= 10) {
        value /= 10;
        ++count;
    }
    return count;
}

void appendPadded(std::string& out, std::uint64_t value, std::size_t width) {
    std::array<char, 20> buffer{};
    std::size_t length = 0;
    do {
        buffer[length++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    for (std::size_t i = length; i < width; ++i) out.push_back('0');
    while (length > 0) out.push_back(buffer[--length]);
}

bool isYearInRange(const date::year_month_day& day) noexcept {
    const int year{day.year()};
    return day.ok() && year >= DossierCode::kFirstYear && year <= DossierCode::kLastYear;
}

std::optional<date::year_month_day> parseDate(std::string_view digits) noexcept {
    if (!isAllDigits(digits)) return std::nullopt;
    int year = 0;
    std::string_view rest;
    if (digits.size() == kShortDateDigits) {
        year = DossierCode::kFirstYear + static_cast<int>(readNumber(digits.substr(0, 2)));
        rest = digits.substr(2);
    } else if (digits.size() == kLongDateDigits) {
        year = static_cast<int>(readNumber(digits.substr(0, 4)));
        rest = digits.substr(4);
    } else {
        return std::nullopt;
    }
    const auto month = static_cast<unsigned>(readNumber(rest.substr(0, 2)));
    const auto day = static_cast<unsigned>(readNumber(rest.substr(2, 2)));
    const date::year_month_day result{date::year{year}, date::month{month}, date::day{day}};
    if (!isYearInRange(result)) return std::nullopt;
    return result;
}

[[noreturn]] void throwFormatError(const std::string& message_vi, const char* log) {
    throw Error{ErrorCode::InvalidArgument, message_vi, log, std::string{"code"}};
}

void checkFormatInputs(std::string_view agency_code, const date::year_month_day& received_on,
                       std::uint64_t sequence, std::size_t width) {
    if (!isValidAgencyCode(agency_code)) {
        throwFormatError("Mã định danh cơ quan không hợp lệ, không thể lập mã số hồ sơ", "invalid agency code");
    }
    if (!isYearInRange(received_on)) {
        throwFormatError("Ngày tiếp nhận không hợp lệ, không thể lập mã số hồ sơ", "invalid date for dossier code");
    }
    if (sequence == 0 || digitCount(sequence) > DossierCode::kMaxSequenceDigits) {
        throwFormatError("Số thứ tự hồ sơ trong ngày phải từ 1 và không quá 18 chữ số", "sequence out of range");
    }
    if (width < DossierCode::kMinSequenceDigits || width > DossierCode::kMaxSequenceDigits) {
        throwFormatError("Độ dài số thứ tự hồ sơ phải từ 4 đến 18 chữ số", "sequence width out of range");
    }
}

void appendDate(std::string& out, const date::year_month_day& day, CodeDateFormat format) {
    const int year{day.year()};
    const auto year_digits = static_cast<std::uint64_t>(year);
    if (format == CodeDateFormat::Short) {
        appendPadded(out, year_digits % 100, 2);
    } else {
        appendPadded(out, year_digits, 4);
    }
    appendPadded(out, unsigned{day.month()}, 2);
    appendPadded(out, unsigned{day.day()}, 2);
}

std::string compose(std::string_view agency_code, const date::year_month_day& received_on, CodeDateFormat format,
                    std::string_view system_prefix, std::uint64_t sequence, std::size_t width) {
    std::string out;
    out.reserve(DossierCode::kMaxLength);
    out.append(agency_code);
    out.push_back('-');
    appendDate(out, received_on, format);
    out.push_back('-');
    out.append(system_prefix);
    appendPadded(out, sequence, width);
    return out;
}

}  // namespace

ParsedDossierCode DossierCode::parseOrThrow(std::string_view text, SystemPrefix prefix) {
    auto parts = parse(text, prefix);
    if (!parts) {
        throw Error{ErrorCode::InvalidArgument,
                    "Mã số hồ sơ không đúng định dạng MÃCƠQUAN-YYMMDD-XXXX (ví dụ 000.00.06.H56-231027-0361)",
                    "malformed dossier code", std::string{"code"}};
    }
    return *std::move(parts);
}

std::optional<ParsedDossierCode> DossierCode::parse(std::string_view text, SystemPrefix prefix) {
    if (text.size() > kMaxLength) return std::nullopt;
    const auto first_dash = text.find('-');
    if (first_dash == std::string_view::npos) return std::nullopt;
    const auto second_dash = text.find('-', first_dash + 1);
    if (second_dash == std::string_view::npos) return std::nullopt;
    if (text.find('-', second_dash + 1) != std::string_view::npos) return std::nullopt;

    const std::string_view agency = text.substr(0, first_dash);
    const std::string_view date_part = text.substr(first_dash + 1, second_dash - first_dash - 1);
    std::string_view tail = text.substr(second_dash + 1);
    if (!isValidAgencyCode(agency)) return std::nullopt;
    const auto received_on = parseDate(date_part);
    if (!received_on) return std::nullopt;
    if (!isAllDigits(tail)) return std::nullopt;

    std::optional<std::string> system_prefix;
    if (prefix == SystemPrefix::Present) {
        if (tail.size() < kPrefixDigits) return std::nullopt;
        system_prefix = std::string{tail.substr(0, kPrefixDigits)};
        tail.remove_prefix(kPrefixDigits);
    }
    if (tail.size() < kMinSequenceDigits || tail.size() > kMaxSequenceDigits) return std::nullopt;
    const std::uint64_t sequence = readNumber(tail);
    if (sequence == 0) return std::nullopt;

    return ParsedDossierCode{std::string{agency},
                             *received_on,
                             date_part.size() == kShortDateDigits ? CodeDateFormat::Short : CodeDateFormat::Long,
                             std::move(system_prefix),
                             sequence,
                             tail.size()};
}

DossierCode::DossierCode(std::string_view text, SystemPrefix prefix)
    : text_(text), parts_(parseOrThrow(text, prefix)) {}

std::string DossierCode::format(std::string_view agency_code, date::year_month_day received_on,
                                std::uint64_t sequence, std::size_t width) {
    checkFormatInputs(agency_code, received_on, sequence, width);
    return compose(agency_code, received_on, CodeDateFormat::Short, {}, sequence, width);
}

std::string DossierCode::formatWithPrefix(std::string_view agency_code, date::year_month_day received_on,
                                          std::string_view system_prefix, std::uint64_t sequence,
                                          std::size_t width) {
    checkFormatInputs(agency_code, received_on, sequence, width);
    if (system_prefix.size() != kPrefixDigits || !isAllDigits(system_prefix)) {
        throwFormatError("Mã hệ thống (AA) trong mã số hồ sơ phải gồm đúng 2 chữ số", "invalid system prefix");
    }
    return compose(agency_code, received_on, CodeDateFormat::Short, system_prefix, sequence, width);
}

std::string DossierCode::format(const ParsedDossierCode& parts) {
    checkFormatInputs(parts.agency_code, parts.received_on, parts.sequence, parts.sequence_digits);
    const std::string_view prefix = parts.system_prefix ? std::string_view{*parts.system_prefix} : std::string_view{};
    if (parts.system_prefix && (prefix.size() != kPrefixDigits || !isAllDigits(prefix))) {
        throwFormatError("Mã hệ thống (AA) trong mã số hồ sơ phải gồm đúng 2 chữ số", "invalid system prefix");
    }
    return compose(parts.agency_code, parts.received_on, parts.date_format, prefix, parts.sequence,
                   parts.sequence_digits);
}

}  // namespace motcua::domain
