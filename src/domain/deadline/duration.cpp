#include "domain/deadline/duration.h"

#include "domain/core/error.h"

#include <string>

namespace motcua::domain {

namespace {

constexpr std::string_view kSameDayText = "same_day";
// More digits than this cannot be a valid amount; checking first keeps the arithmetic in range.
constexpr std::size_t kMaxDigits = 6;

// Returns `text` cut to a short printable-ASCII excerpt, safe to put in a log line.
std::string logExcerpt(std::string_view text) {
    constexpr std::size_t kMaxExcerpt = 32;
    std::string excerpt;
    for (std::size_t i = 0; i < text.size() && i < kMaxExcerpt; ++i) {
        const char c = text[i];
        excerpt += (c >= ' ' && c <= '~') ? c : '?';
    }
    if (text.size() > kMaxExcerpt) excerpt += "...";
    return excerpt;
}

[[noreturn]] void throwInvalid(std::string_view text, std::string_view reason) {
    throw Error(ErrorCode::InvalidArgument,
                "Thời hạn giải quyết không hợp lệ. Nhập theo dạng 5d (ngày làm việc), 4h (giờ làm "
                "việc), 10cd (ngày theo lịch) hoặc same_day (trong ngày), với số từ 1 đến " +
                    std::to_string(kMaxDurationAmount) + ".",
                "invalid duration '" + logExcerpt(text) + "': " + std::string(reason));
}

}  // namespace

Duration parseDuration(std::string_view text) {
    if (text == kSameDayText) return Duration{0, DurationUnit::SameDay};

    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0) throwInvalid(text, "no leading amount");
    if (digits > kMaxDigits) throwInvalid(text, "amount too long");

    const std::string_view suffix = text.substr(digits);
    DurationUnit unit{};
    if (suffix == "d") {
        unit = DurationUnit::WorkingDays;
    } else if (suffix == "h") {
        unit = DurationUnit::WorkingHours;
    } else if (suffix == "cd") {
        unit = DurationUnit::CalendarDays;
    } else {
        throwInvalid(text, "unknown unit");
    }

    int amount = 0;
    for (std::size_t i = 0; i < digits; ++i) amount = amount * 10 + (text[i] - '0');
    if (amount < 1 || amount > kMaxDurationAmount) throwInvalid(text, "amount out of range");
    return Duration{amount, unit};
}

std::string formatDuration(const Duration& duration) {
    const std::string amount = std::to_string(duration.amount);
    switch (duration.unit) {
        case DurationUnit::WorkingDays: return amount + "d";
        case DurationUnit::WorkingHours: return amount + "h";
        case DurationUnit::CalendarDays: return amount + "cd";
        case DurationUnit::SameDay: return std::string(kSameDayText);
    }
    return amount + "d";
}

std::string describeDuration(const Duration& duration) {
    const std::string amount = std::to_string(duration.amount);
    switch (duration.unit) {
        case DurationUnit::WorkingDays: return amount + " ngày làm việc";
        case DurationUnit::WorkingHours: return amount + " giờ làm việc";
        case DurationUnit::CalendarDays: return amount + " ngày";
        case DurationUnit::SameDay: return "trong ngày";
    }
    return amount + " ngày làm việc";
}

}  // namespace motcua::domain
