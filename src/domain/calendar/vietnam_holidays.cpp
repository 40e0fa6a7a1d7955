#include "domain/calendar/vietnam_holidays.h"

#include "domain/calendar/lunar_date.h"
#include "domain/core/error.h"

#include <algorithm>
#include <string>
#include <utility>

namespace motcua::domain {

namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2100;
// BLLĐ 2019 Đ112.1.b: Tết Âm lịch is 05 days.
constexpr int kLunarNewYearDays = 5;

void checkYear(int year) {
    if (year < kFirstYear || year > kLastYear) {
        throw Error(ErrorCode::InvalidArgument, "Chỉ tính được ngày lễ cho các năm 1900–2100.",
                    "holiday year outside 1900-2100: " + std::to_string(year));
    }
}

date::local_days solarDay(int year, unsigned month, unsigned day) {
    return date::local_days{date::year{year} / date::month{month} / date::day{day}};
}

CalendarDay holiday(date::local_days day, std::string_view name) {
    return CalendarDay{day, DayKind::Holiday, std::string(name)};
}

// Merges entries that share a date into one entry carrying both names.
std::vector<CalendarDay> mergeSameDay(std::vector<CalendarDay> days) {
    std::stable_sort(days.begin(), days.end(),
                     [](const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; });
    std::vector<CalendarDay> merged;
    for (CalendarDay& entry : days) {
        if (!merged.empty() && merged.back().day == entry.day) {
            merged.back().name += "; " + entry.name;
            continue;
        }
        merged.push_back(std::move(entry));
    }
    return merged;
}

bool isTaken(const std::vector<CalendarDay>& days, date::local_days day) {
    return std::any_of(days.begin(), days.end(),
                       [day](const CalendarDay& entry) { return entry.day == day; });
}

}  // namespace

date::local_days nationalDayAdjacentDay(int year) {
    checkYear(year);
    const date::local_days national_day = solarDay(year, 9, 2);
    const date::weekday weekday{national_day};
    // BLLĐ 2019 Đ112.1.e: 02/9 and 01 adjacent day (before or after), chosen yearly by the
    // Thủ tướng. Default: Mon → Tue 3/9 (2024); Thu → Fri 3/9, joining the weekend; Sun → Mon
    // 3/9; otherwise the day before (2025: Tue → Mon 1/9; 2026: Wed → Tue 1/9).
    const bool after = weekday == date::Monday || weekday == date::Thursday || weekday == date::Sunday;
    return after ? national_day + date::days{1} : national_day - date::days{1};
}

std::vector<CalendarDay> statutoryHolidays(int year) {
    checkYear(year);
    std::vector<CalendarDay> days;
    // BLLĐ 2019 Đ112.1.a: Tết Dương lịch, 01 ngày (01/01).
    days.push_back(holiday(solarDay(year, 1, 1), kNewYearHolidayName));

    // BLLĐ 2019 Đ112.1.b: Tết Âm lịch, 05 ngày; default: the last day of the old lunar year and
    // mùng 1–4 (the Thủ tướng fixes the actual days each year).
    const date::local_days first_of_year{fromLunar(LunarDate{year, 1, 1, false})};
    for (int offset = -1; offset < kLunarNewYearDays - 1; ++offset) {
        days.push_back(holiday(first_of_year + date::days{offset}, kLunarNewYearHolidayName));
    }

    // BLLĐ 2019 Đ112.1.đ: Giỗ Tổ Hùng Vương, 01 ngày (10/3 âm lịch, the non-leap month 3).
    days.push_back(holiday(date::local_days{fromLunar(LunarDate{year, 3, 10, false})}, kHungKingsHolidayName));

    // BLLĐ 2019 Đ112.1.c–d: Ngày Chiến thắng (30/4) and Ngày Quốc tế lao động (01/5).
    days.push_back(holiday(solarDay(year, 4, 30), kVictoryDayHolidayName));
    days.push_back(holiday(solarDay(year, 5, 1), kLabourDayHolidayName));

    // BLLĐ 2019 Đ112.1.e: Quốc khánh, 02 ngày (02/9 and 01 adjacent day).
    days.push_back(holiday(solarDay(year, 9, 2), kNationalDayHolidayName));
    days.push_back(holiday(nationalDayAdjacentDay(year), kNationalDayHolidayName));

    // Nghị quyết 28/2026/QH16: Ngày Văn hóa Việt Nam (24/11), a paid day off from 2026.
    if (year >= kFirstCultureDayYear) {
        days.push_back(holiday(solarDay(year, 11, 24), kCultureDayHolidayName));
    }
    return mergeSameDay(std::move(days));
}

DayOffSchedule statutorySchedule(int year) {
    const std::vector<CalendarDay> holidays = statutoryHolidays(year);
    DayOffSchedule schedule{year, {}};
    std::vector<CalendarDay> off_days = holidays;  // every date already off, weekends included
    for (const CalendarDay& entry : holidays) {
        if (!isWeekend(entry.day)) {
            schedule.days.push_back(entry);
            continue;
        }
        // BLLĐ 2019 Đ111.3: a holiday on a weekly rest day gives a compensatory day off on the
        // next working day. Holidays are visited in date order, so a run of weekend holidays
        // (Tết over a weekend) receives consecutive compensatory days.
        date::local_days next = entry.day + date::days{1};
        while (isWeekend(next) || isTaken(off_days, next)) next += date::days{1};
        CalendarDay compensatory{next, DayKind::Compensatory,
                                 "Nghỉ bù " + entry.name + " (" + formatVietnameseDate(entry.day) + ")"};
        off_days.push_back(compensatory);
        schedule.days.push_back(std::move(compensatory));
    }
    std::sort(schedule.days.begin(), schedule.days.end(),
              [](const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; });
    return schedule;
}

std::vector<CalendarDay> statutoryHolidaysMissingFrom(const DayOffSchedule& schedule) {
    const int year = schedule.year;
    checkYear(year);
    std::vector<CalendarDay> fixed;
    fixed.push_back(holiday(solarDay(year, 1, 1), kNewYearHolidayName));
    // Every arrangement of the five Tết days the Thủ tướng has approved includes mùng 1–3.
    const date::local_days first_of_year{fromLunar(LunarDate{year, 1, 1, false})};
    for (int offset = 0; offset < 3; ++offset) {
        fixed.push_back(holiday(first_of_year + date::days{offset}, kLunarNewYearHolidayName));
    }
    fixed.push_back(holiday(date::local_days{fromLunar(LunarDate{year, 3, 10, false})}, kHungKingsHolidayName));
    fixed.push_back(holiday(solarDay(year, 4, 30), kVictoryDayHolidayName));
    fixed.push_back(holiday(solarDay(year, 5, 1), kLabourDayHolidayName));
    fixed.push_back(holiday(solarDay(year, 9, 2), kNationalDayHolidayName));
    if (year >= kFirstCultureDayYear) fixed.push_back(holiday(solarDay(year, 11, 24), kCultureDayHolidayName));
    std::vector<CalendarDay> missing;
    for (CalendarDay& entry : mergeSameDay(std::move(fixed))) {
        if (isWeekend(entry.day)) continue;
        const bool off = std::any_of(schedule.days.begin(), schedule.days.end(), [&](const CalendarDay& listed) {
            return listed.day == entry.day && isNonWorkingKind(listed.kind);
        });
        if (!off) missing.push_back(std::move(entry));
    }
    return missing;
}

}  // namespace motcua::domain
