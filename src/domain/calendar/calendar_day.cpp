#include "domain/calendar/calendar_day.h"

#include "domain/core/error.h"

#include <algorithm>
#include <array>

namespace motcua::domain {

namespace {

struct KindCode {
    DayKind kind;
    std::string_view code;
};

constexpr std::array<KindCode, 4> kKindCodes{{
    {DayKind::Holiday, "holiday"},
    {DayKind::DayOff, "day_off"},
    {DayKind::Compensatory, "compensatory"},
    {DayKind::WorkingSaturday, "working_saturday"},
}};

[[noreturn]] void throwBadSchedule(const DayOffSchedule& schedule, date::local_days day,
                                   const std::string& problem_vi, const std::string& problem_log) {
    throw Error(ErrorCode::InvalidArgument,
                "Lịch nghỉ năm " + std::to_string(schedule.year) + " không hợp lệ: ngày " +
                    formatVietnameseDate(day) + " " + problem_vi + ".",
                "invalid day-off schedule " + std::to_string(schedule.year) + ": " + problem_log);
}

}  // namespace

std::string_view dayKindCode(DayKind kind) {
    for (const KindCode& entry : kKindCodes) {
        if (entry.kind == kind) return entry.code;
    }
    return "holiday";
}

DayKind parseDayKind(std::string_view code) {
    for (const KindCode& entry : kKindCodes) {
        if (entry.code == code) return entry.kind;
    }
    throw Error(ErrorCode::InvalidArgument,
                "Loại ngày không hợp lệ. Dùng holiday, day_off, compensatory hoặc working_saturday.",
                "unknown day kind");
}

bool isWeekend(date::local_days day) {
    const date::weekday weekday{day};
    return weekday == date::Saturday || weekday == date::Sunday;
}

std::string formatVietnameseDate(date::local_days day) {
    const date::year_month_day ymd{day};
    const auto two_digits = [](unsigned value) {
        return std::string(1, static_cast<char>('0' + value / 10 % 10)) +
               static_cast<char>('0' + value % 10);
    };
    return two_digits(static_cast<unsigned>(ymd.day())) + "/" +
           two_digits(static_cast<unsigned>(ymd.month())) + "/" +
           std::to_string(static_cast<int>(ymd.year()));
}

void validateSchedule(const DayOffSchedule& schedule) {
    std::vector<date::local_days> seen;
    seen.reserve(schedule.days.size());
    for (const CalendarDay& entry : schedule.days) {
        const date::year_month_day ymd{entry.day};
        if (static_cast<int>(ymd.year()) != schedule.year) {
            throwBadSchedule(schedule, entry.day, "không thuộc năm của lịch", "day outside the year");
        }
        if (isNonWorkingKind(entry.kind) && isWeekend(entry.day)) {
            throwBadSchedule(schedule, entry.day, "là ngày nghỉ hằng tuần, không cần khai báo",
                             "non-working entry on a weekend");
        }
        if (entry.kind == DayKind::WorkingSaturday && !isWeekend(entry.day)) {
            throwBadSchedule(schedule, entry.day, "không phải thứ Bảy hoặc Chủ nhật để làm bù",
                             "make-up working day on a weekday");
        }
        if (entry.name.empty()) {
            throwBadSchedule(schedule, entry.day, "chưa có tên", "entry without a name");
        }
        seen.push_back(entry.day);
    }
    std::sort(seen.begin(), seen.end());
    const auto duplicate = std::adjacent_find(seen.begin(), seen.end());
    if (duplicate != seen.end()) {
        throwBadSchedule(schedule, *duplicate, "được khai báo hai lần", "day listed twice");
    }
}

}  // namespace motcua::domain
