#pragma once
/// Statutory public holidays of Việt Nam computed for any year 1900–2100 (Bộ luật Lao động 2019
/// Đ112, plus Ngày Văn hóa Việt Nam from 2026) and the compensatory days of Đ111.3. Used for
/// years that have no official day-off schedule.
///
/// Rules where the law leaves the choice to the yearly decision of the Thủ tướng (our defaults,
/// always overridden by an official `DayOffSchedule`):
/// - Tết: the last day of the lunar year and mùng 1–4 of month 1 (the five days of Đ112.1.b);
/// - Quốc khánh: 02/9 plus the adjacent day that best joins a weekend (see
///   `nationalDayAdjacentDay`);
/// - the BLLĐ 2019 list is applied to every year, earlier years included (no history of older
///   labour codes is modelled); Ngày Văn hóa Việt Nam 24/11 only from 2026;
/// - two holidays on the same date make one day off, with both names, and no extra day.

#include "domain/calendar/calendar_day.h"

#include <date/date.h>

#include <string_view>
#include <vector>

namespace motcua::domain {

/// Name of 01/01 (BLLĐ 2019 Đ112.1.a).
inline constexpr std::string_view kNewYearHolidayName = "Tết Dương lịch";
/// Name of the five Tết days (BLLĐ 2019 Đ112.1.b).
inline constexpr std::string_view kLunarNewYearHolidayName = "Tết Nguyên đán";
/// Name of 10/3 âm lịch (BLLĐ 2019 Đ112.1.đ).
inline constexpr std::string_view kHungKingsHolidayName = "Giỗ Tổ Hùng Vương";
/// Name of 30/4 (BLLĐ 2019 Đ112.1.c).
inline constexpr std::string_view kVictoryDayHolidayName = "Ngày Chiến thắng";
/// Name of 01/5 (BLLĐ 2019 Đ112.1.d).
inline constexpr std::string_view kLabourDayHolidayName = "Ngày Quốc tế Lao động";
/// Name of 02/9 and its adjacent day (BLLĐ 2019 Đ112.1.e).
inline constexpr std::string_view kNationalDayHolidayName = "Quốc khánh";
/// Name of 24/11 (Nghị quyết 28/2026/QH16, from 2026).
inline constexpr std::string_view kCultureDayHolidayName = "Ngày Văn hóa Việt Nam";

/// First year with Ngày Văn hóa Việt Nam (24/11) as a paid holiday.
inline constexpr int kFirstCultureDayYear = 2026;

/// Returns the second Quốc khánh holiday of `year` by our default rule, which joins 02/9 to the
/// nearest weekend and reproduces the official choices of 2024 (Mon 2 → Tue 3), 2025 (Tue 2 →
/// Mon 1) and 2026 (Wed 2 → Tue 1): the day after 02/9 when 02/9 is a Monday, Thursday or
/// Sunday; the day before otherwise.
date::local_days nationalDayAdjacentDay(int year);

/// Returns every statutory holiday of `year` as `DayKind::Holiday` entries sorted by date, those
/// falling on a weekend included. Throws `Error{InvalidArgument}` outside 1900–2100.
std::vector<CalendarDay> statutoryHolidays(int year);

/// Returns the computed day-off schedule of `year`: the statutory holidays that fall on
/// Monday–Friday and, for each holiday on a weekend, a `Compensatory` day on the next day that
/// is neither a weekend nor already off (BLLĐ 2019 Đ111.3). No swapped days: only an official
/// schedule has those. Throws `Error{InvalidArgument}` outside 1900–2100.
DayOffSchedule statutorySchedule(int year);

/// Returns the holidays the law fixes to the day that fall on Monday–Friday of
/// `schedule.year` and that `schedule` does not take off (as a holiday, swapped day off or
/// compensatory day), sorted by date: 01/01, mùng 1–3 Tết, Giỗ Tổ Hùng Vương, 30/4, 01/5, 02/9
/// and, from 2026, 24/11 (BLLĐ 2019 Đ112; NQ 28/2026/QH16). An official schedule replaces the
/// computed rules for its whole year, so one that leaves these out would make them working
/// days. The days the Thủ tướng chooses (the other two Tết days, the day next to 02/9,
/// compensatory days) are not checked. Throws Error{InvalidArgument} outside 1900–2100.
std::vector<CalendarDay> statutoryHolidaysMissingFrom(const DayOffSchedule& schedule);

}  // namespace motcua::domain
