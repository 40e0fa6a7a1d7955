#pragma once
/// The Vietnamese lunisolar calendar (âm lịch), computed from the astronomy at UTC+7 for solar
/// dates 1900-01-01 … 2100-12-31: used to place Tết Nguyên đán and Giỗ Tổ Hùng Vương.
///
/// Rules (the classic formulation of Hồ Ngọc Đức's "Thuật toán tính âm lịch"):
/// - a lunar month starts on the local civil day (UTC+7) of a new moon;
/// - month 11 is the month that contains the December solstice (Sun at 270°);
/// - when 13 new moons fall between two months 11, the first month after month 11 that contains
///   no major solar term (Sun crossing a multiple of 30°) is leap and repeats the previous number.
/// Because the day boundary is UTC+7, some years differ from the Chinese (UTC+8) calendar, e.g.
/// Tết 1968 (29/01 vs 30/01), 1985 (21/01 vs 20/02), 2007 (17/02 vs 18/02), 2030 (02/02 vs 03/02).
/// New moons follow Jean Meeus, Astronomical Algorithms 2nd ed. ch. 49 (with ΔT by the
/// Espenak–Meeus polynomials); the Sun's apparent longitude follows ch. 25 (about 0.01°).
/// Checked against an implementation of Hồ Ngọc Đức's published algorithm for every day of
/// 1900–2100: identical except four months whose new moon falls within 75 s of local midnight
/// (starting 1944-06-20, 1967-07-07, 2072-12-09, 2077-11-15 here, one day later there), where
/// the more precise series above decide. UTC+7 is used for every year, although Việt Nam is
/// reported to have followed the UTC+8 calendar before 1968.

#include <date/date.h>

namespace motcua::domain {

/// A day of the Vietnamese lunar calendar. `year` is the solar year in which that lunar year's
/// month 1 (Tết) falls; `leap` marks the repeated (nhuận) month.
struct LunarDate {
    int year = 0;   ///< Solar year of the lunar year's Tết.
    int month = 1;  ///< 1 … 12
    int day = 1;    ///< 1 … 29 or 30
    bool leap = false;  ///< True for the repeated (nhuận) month.

    /// Tells whether two lunar dates are the same.
    friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

/// First solar date the lunar conversion supports.
inline constexpr date::year_month_day kFirstLunarSupportedDate{date::year{1900}, date::January,
                                                               date::day{1}};
/// Last solar date the lunar conversion supports.
inline constexpr date::year_month_day kLastLunarSupportedDate{date::year{2100}, date::December,
                                                              date::day{31}};

/// Returns the lunar date of the solar date `solar`.
/// Throws `Error{InvalidArgument}` if `solar` is not a valid date or lies outside
/// [kFirstLunarSupportedDate, kLastLunarSupportedDate].
LunarDate toLunar(date::year_month_day solar);

/// Returns the solar date of the lunar date `lunar`.
/// Throws `Error{InvalidArgument}` if the date does not exist (month outside 1–12, day 30 of a
/// 29-day month, a leap month the year does not have) or the result lies outside the supported
/// range.
date::year_month_day fromLunar(const LunarDate& lunar);

/// Returns the leap month (1–12) of lunar year `lunar_year`, or 0 if that year has none.
/// Throws `Error{InvalidArgument}` outside lunar years 1900–2100.
int leapMonthOf(int lunar_year);

}  // namespace motcua::domain
