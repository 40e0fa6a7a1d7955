#include "domain/stats/reporting_period.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <utility>

namespace motcua::domain::stats {

namespace {

using date::year_month_day;

constexpr std::size_t kMaxPeriodTextLength = 64;
constexpr std::string_view kCalendarPrefix = "cal:";
constexpr std::string_view kAcceptedForms =
    "Dùng một trong các dạng: 2026 (năm), 2026-H1 (6 tháng), 2026-Q3 (quý), 2026-M07 (tháng) theo kỳ "
    "báo cáo của Nghị định 09/2019/NĐ-CP (từ ngày 15 tháng trước đến ngày 14); thêm tiền tố “cal:” "
    "(ví dụ cal:2026-Q3) để lấy theo tháng, quý, năm dương lịch; hoặc khoảng ngày "
    "2026-07-01..2026-09-30.";

[[noreturn]] void throwInvalid(std::string_view text, std::string_view log) {
    std::string message = "Kỳ báo cáo không hợp lệ";
    const std::string_view echo = printableEcho(text);
    if (!echo.empty()) {
        message += ": “";
        message += echo;
        message += "”";
    }
    message += ". ";
    message += kAcceptedForms;
    throw Error{ErrorCode::InvalidArgument, message, "invalid reporting period: " + std::string{log},
                std::string{"period"}};
}

[[noreturn]] void throwBadArguments(std::string_view log) {
    throw Error{ErrorCode::InvalidArgument, "Kỳ báo cáo không hợp lệ. " + std::string{kAcceptedForms},
                "invalid reporting period arguments: " + std::string{log}, std::string{"period"}};
}

bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

char toUpperAscii(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string_view trimSpaces(std::string_view text) noexcept {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// Parses exactly `digits` decimal digits; std::nullopt otherwise.
std::optional<int> parseFixedDigits(std::string_view text, std::size_t digits) noexcept {
    if (text.size() != digits) return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (!isDigit(c)) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

void appendDigits(std::string& out, unsigned value, int width) {
    std::string digits;
    for (int i = 0; i < width; ++i) {
        digits.insert(digits.begin(), static_cast<char>('0' + value % 10));
        value /= 10;
    }
    out += digits;
}

std::string formatDay(year_month_day day) {
    std::string out;
    appendDigits(out, static_cast<unsigned>(int{day.year()}), 4);
    out.push_back('-');
    appendDigits(out, unsigned{day.month()}, 2);
    out.push_back('-');
    appendDigits(out, unsigned{day.day()}, 2);
    return out;
}

/// Parses "YYYY-MM-DD" strictly (a real date, year within the parsed bounds).
std::optional<year_month_day> parseDay(std::string_view text) noexcept {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = parseFixedDigits(text.substr(0, 4), 4);
    const auto m = parseFixedDigits(text.substr(5, 2), 2);
    const auto d = parseFixedDigits(text.substr(8, 2), 2);
    if (!y || !m || !d) return std::nullopt;
    if (*y < ReportingPeriod::kMinParsedYear || *y > ReportingPeriod::kMaxParsedYear) return std::nullopt;
    const year_month_day day{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                             date::day{static_cast<unsigned>(*d)}};
    if (!day.ok()) return std::nullopt;
    return day;
}

unsigned maxIndex(PeriodKind kind) noexcept {
    switch (kind) {
        case PeriodKind::Month: return 12;
        case PeriodKind::Quarter: return 4;
        case PeriodKind::HalfYear: return 2;
        case PeriodKind::Year: return 1;
        case PeriodKind::Range: return 0;
    }
    return 0;
}

/// Months per period of `kind` (Month 1, Quarter 3, HalfYear 6, Year 12).
unsigned monthsPer(PeriodKind kind) noexcept {
    switch (kind) {
        case PeriodKind::Month: return 1;
        case PeriodKind::Quarter: return 3;
        case PeriodKind::HalfYear: return 6;
        case PeriodKind::Year: return 12;
        case PeriodKind::Range: return 0;
    }
    return 0;
}

char kindLetter(PeriodKind kind) noexcept {
    switch (kind) {
        case PeriodKind::Month: return 'M';
        case PeriodKind::Quarter: return 'Q';
        case PeriodKind::HalfYear: return 'H';
        default: return '\0';
    }
}

std::string periodLabel(PeriodKind kind, PeriodMode mode, int year, unsigned index) {
    std::string label;
    if (mode == PeriodMode::Calendar) label += kCalendarPrefix;
    appendDigits(label, static_cast<unsigned>(year), 4);
    if (kind == PeriodKind::Year) return label;
    label.push_back('-');
    label.push_back(kindLetter(kind));
    appendDigits(label, index, kind == PeriodKind::Month ? 2 : 1);
    return label;
}

bool yearInBounds(int year) noexcept {
    return year >= ReportingPeriod::kMinYear && year <= ReportingPeriod::kMaxYear;
}

}  // namespace

std::string_view toName(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::Month: return "month";
        case PeriodKind::Quarter: return "quarter";
        case PeriodKind::HalfYear: return "half_year";
        case PeriodKind::Year: return "year";
        case PeriodKind::Range: return "range";
    }
    return "range";
}

std::string_view toName(PeriodMode mode) {
    switch (mode) {
        case PeriodMode::Nd09: return "nd09";
        case PeriodMode::Calendar: return "calendar";
    }
    return "nd09";
}

ReportingPeriod::ReportingPeriod(PeriodKind kind, PeriodMode mode, int year, unsigned index, std::string label,
                                 year_month_day first_day, year_month_day last_day)
    : kind_(kind),
      mode_(mode),
      year_(year),
      index_(index),
      label_(std::move(label)),
      first_day_(first_day),
      last_day_(last_day) {}

ReportingPeriod ReportingPeriod::of(PeriodKind kind, PeriodMode mode, int year, unsigned index) {
    if (kind == PeriodKind::Range) throwBadArguments("kind range needs ReportingPeriod::range");
    if (!yearInBounds(year)) throwBadArguments("year out of bounds");
    if (kind == PeriodKind::Year) index = 1;
    if (index < 1 || index > maxIndex(kind)) throwBadArguments("index out of range");
    const unsigned span = monthsPer(kind);
    const unsigned last_month = index * span;
    const unsigned first_month = last_month - span + 1;
    const date::year y{year};
    year_month_day first_day;
    year_month_day last_day;
    if (mode == PeriodMode::Nd09) {
        // NĐ 09/2019/NĐ-CP Đ12: the data window runs from the 15th of the month before the
        // period to the 14th of the period's last month (year: 15/12 of the previous year → 14/12).
        const date::year_month first_of_window = (y / date::month{first_month}) - date::months{1};
        first_day = first_of_window / date::day{15};
        last_day = y / date::month{last_month} / date::day{14};
    } else {
        first_day = y / date::month{first_month} / date::day{1};
        last_day = year_month_day{y / date::month{last_month} / date::last};
    }
    const unsigned label_index = kind == PeriodKind::Year ? 0 : index;
    return ReportingPeriod{kind, mode, year, label_index, periodLabel(kind, mode, year, index), first_day, last_day};
}

ReportingPeriod ReportingPeriod::range(year_month_day first_day, year_month_day last_day) {
    if (!first_day.ok() || !last_day.ok()) throwBadArguments("invalid date");
    if (!yearInBounds(int{first_day.year()}) || !yearInBounds(int{last_day.year()})) {
        throwBadArguments("range year out of bounds");
    }
    if (date::sys_days{first_day} > date::sys_days{last_day}) {
        throw Error{ErrorCode::InvalidArgument, "Kỳ báo cáo không hợp lệ: ngày bắt đầu không được sau ngày kết thúc",
                    "reporting range ends before it starts", std::string{"period"}};
    }
    return ReportingPeriod{PeriodKind::Range, PeriodMode::Nd09, int{last_day.year()}, 0,
                           formatDay(first_day) + ".." + formatDay(last_day), first_day, last_day};
}

ReportingPeriod ReportingPeriod::containing(year_month_day day, PeriodKind kind, PeriodMode mode) {
    if (kind == PeriodKind::Range) throwBadArguments("containing() needs a named period kind");
    if (!day.ok()) throwBadArguments("invalid date");
    date::year_month month = day.year() / day.month();
    // NĐ 09/2019 Đ12: from the 15th on, a day belongs to the next month's window.
    if (mode == PeriodMode::Nd09 && day.day() >= date::day{15}) month += date::months{1};
    const unsigned month_number{month.month()};
    const unsigned span = monthsPer(kind);
    const unsigned index = (month_number - 1) / span + 1;
    return of(kind, mode, int{month.year()}, index);
}

date::local_seconds ReportingPeriod::start() const noexcept {
    return date::local_seconds{date::local_days{first_day_}};
}

date::local_seconds ReportingPeriod::end() const noexcept {
    if (cut_at_) return *cut_at_;
    return date::local_seconds{date::local_days{last_day_} + date::days{1}} - std::chrono::seconds{1};
}

ReportingPeriod ReportingPeriod::asOf(date::local_seconds now) const {
    if (now >= end()) return *this;
    if (now < start()) {
        throw Error{ErrorCode::InvalidArgument,
                    "Kỳ báo cáo " + label_ + " chưa bắt đầu (từ ngày " +
                        date::format("%d/%m/%Y", date::sys_days{first_day_}) + "): chưa có số liệu.",
                    "reporting period not started", std::string{"period"}};
    }
    ReportingPeriod cut = *this;
    cut.cut_at_ = now;
    return cut;
}

bool ReportingPeriod::contains(date::local_seconds instant) const noexcept {
    return instant >= start() && instant <= end();
}

int ReportingPeriod::dayCount() const noexcept {
    return static_cast<int>((date::sys_days{last_day_} - date::sys_days{first_day_}).count()) + 1;
}

ReportingPeriod parseReportingPeriod(std::string_view text) {
    if (text.size() > kMaxPeriodTextLength) throwInvalid({}, "text too long");
    const std::string_view trimmed = trimSpaces(text);
    if (trimmed.empty()) throwInvalid(text, "empty");

    if (const auto dots = trimmed.find(".."); dots != std::string_view::npos) {
        const auto first = parseDay(trimmed.substr(0, dots));
        const auto last = parseDay(trimmed.substr(dots + 2));
        if (!first || !last) throwInvalid(text, "bad range date");
        return ReportingPeriod::range(*first, *last);
    }

    std::string_view rest = trimmed;
    PeriodMode mode = PeriodMode::Nd09;
    if (rest.size() >= kCalendarPrefix.size()) {
        bool is_prefix = true;
        for (std::size_t i = 0; i < kCalendarPrefix.size(); ++i) {
            const char c = rest[i] >= 'A' && rest[i] <= 'Z' ? static_cast<char>(rest[i] - 'A' + 'a') : rest[i];
            if (c != kCalendarPrefix[i]) is_prefix = false;
        }
        if (is_prefix) {
            mode = PeriodMode::Calendar;
            rest.remove_prefix(kCalendarPrefix.size());
        }
    }
    if (rest.size() < 4) throwInvalid(text, "no year");
    const auto year = parseFixedDigits(rest.substr(0, 4), 4);
    if (!year) throwInvalid(text, "bad year");
    if (*year < ReportingPeriod::kMinParsedYear || *year > ReportingPeriod::kMaxParsedYear) {
        throwInvalid(text, "year out of bounds");
    }
    rest.remove_prefix(4);
    if (rest.empty()) return ReportingPeriod::of(PeriodKind::Year, mode, *year);

    // "-M07", "-Q3", "-H1": a dash, a letter, one or two digits.
    if (rest.size() < 3 || rest.size() > 4 || rest[0] != '-') throwInvalid(text, "bad suffix");
    PeriodKind kind = PeriodKind::Month;
    switch (toUpperAscii(rest[1])) {
        case 'M': kind = PeriodKind::Month; break;
        case 'Q': kind = PeriodKind::Quarter; break;
        case 'H': kind = PeriodKind::HalfYear; break;
        default: throwInvalid(text, "bad period letter");
    }
    const std::string_view number = rest.substr(2);
    const auto index = parseFixedDigits(number, number.size());
    if (!index || *index < 1 || static_cast<unsigned>(*index) > maxIndex(kind)) {
        throwInvalid(text, "period number out of range");
    }
    return ReportingPeriod::of(kind, mode, *year, static_cast<unsigned>(*index));
}

ReportingPeriod previousPeriod(const ReportingPeriod& period) {
    if (period.kind() == PeriodKind::Range) {
        const date::sys_days last = date::sys_days{period.firstDay()} - date::days{1};
        const date::sys_days first = last - date::days{period.dayCount() - 1};
        return ReportingPeriod::range(year_month_day{first}, year_month_day{last});
    }
    if (period.kind() == PeriodKind::Year) {
        return ReportingPeriod::of(PeriodKind::Year, period.mode(), period.year() - 1);
    }
    if (period.index() > 1) {
        return ReportingPeriod::of(period.kind(), period.mode(), period.year(), period.index() - 1);
    }
    return ReportingPeriod::of(period.kind(), period.mode(), period.year() - 1, maxIndex(period.kind()));
}

}  // namespace motcua::domain::stats
