#pragma once
/// The vocabulary of the working calendar: special days (holidays, swapped days off,
/// compensatory days, make-up Saturdays) and the yearly day-off schedule that lists them.

#include <date/date.h>

#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

/// Why a day departs from the Monday–Friday working week.
enum class DayKind {
    Holiday,          ///< Public holiday ("ngày lễ, tết", BLLĐ 2019 Đ112).
    DayOff,           ///< Extra day off swapped by the yearly government schedule ("nghỉ hoán đổi").
    Compensatory,     ///< Compensatory day off for a holiday on a weekend ("nghỉ bù", BLLĐ 2019 Đ111.3).
    WorkingSaturday,  ///< A weekend day worked to make up a swapped day off ("làm bù").
};

/// Returns the stable lower_snake code of `kind`: "holiday", "day_off", "compensatory",
/// "working_saturday" (used in JSON and in the `calendar_day` table).
std::string_view dayKindCode(DayKind kind);

/// Returns the kind whose code is `code`. Throws `Error{InvalidArgument}` for an unknown code.
DayKind parseDayKind(std::string_view code);

/// Tells whether `kind` takes a day out of the working week (every kind but `WorkingSaturday`).
constexpr bool isNonWorkingKind(DayKind kind) noexcept { return kind != DayKind::WorkingSaturday; }

/// One special day of the calendar, in local civil time, with its Vietnamese name.
struct CalendarDay {
    date::local_days day;             ///< The local civil date.
    DayKind kind = DayKind::Holiday;  ///< Why the day is special.
    std::string name;                 ///< Vietnamese name shown to users ("Tết Nguyên đán", …).

    /// Tells whether two entries are the same.
    friend bool operator==(const CalendarDay&, const CalendarDay&) = default;
};

/// The day-off schedule of one year for công chức, viên chức: every Monday–Friday that is not
/// worked (holiday, swapped day off, compensatory day) and every weekend day that is worked.
/// When a year has a schedule (announced yearly by VPCP on the Thủ tướng's approval) it is
/// authoritative for that year; otherwise the statutory rules of `statutorySchedule` apply.
struct DayOffSchedule {
    int year = 0;                   ///< The solar year the schedule governs.
    std::vector<CalendarDay> days;  ///< Its special days, in any order.

    /// Tells whether two schedules are the same.
    friend bool operator==(const DayOffSchedule&, const DayOffSchedule&) = default;
};

/// Tells whether `day` is a Saturday or a Sunday (the weekly rest days, QĐ 188/1999/QĐ-TTg).
bool isWeekend(date::local_days day);

/// Checks that `schedule` is well formed: every day lies in `schedule.year`; non-working kinds
/// fall on Monday–Friday and `WorkingSaturday` on a weekend day; no date is listed twice; every
/// entry has a name. Throws `Error{InvalidArgument}` naming the first offending day.
void validateSchedule(const DayOffSchedule& schedule);

/// Formats `day` as dd/mm/yyyy, the Vietnamese way, for messages and names.
std::string formatVietnameseDate(date::local_days day);

}  // namespace motcua::domain
