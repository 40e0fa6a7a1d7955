#pragma once
/// Units of working time (strong types that do not mix with each other or with `date::days`) and
/// the legal processing time of a procedure ("5d", "4h", "10cd", "same_day").

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::domain {

/// The unit in which a procedure states its processing time. Declared before the working-time
/// types so that its enumerators do not shadow them (-Wshadow).
enum class DurationUnit {
    WorkingDays,   ///< "ngày làm việc" (the default unit of TTHC deadlines).
    WorkingHours,  ///< "giờ làm việc" (e.g. NĐ 297/2025: 02 or 08 working hours).
    CalendarDays,  ///< "ngày" counted on the calendar (BLDS 2015 Đ147–148).
    SameDay,       ///< "trong ngày": returned the same working day.
};

/// A signed count of one unit of working time. `Tag` keeps the units apart: a working-day count
/// cannot be added to working minutes, to `date::days` or to a date, and an `int` never converts
/// to it implicitly (STYLE.md 9.2.6). Adding working days to a date is a `WorkingCalendar`
/// operation.
template <class Tag, class Rep>
class WorkingCount {
public:
    /// The integer type that holds the count.
    using rep = Rep;

    /// Builds a zero count.
    constexpr WorkingCount() noexcept = default;
    /// Builds a count of `value` units; explicit so that a bare integer is never taken for one.
    constexpr explicit WorkingCount(Rep value) noexcept : value_(value) {}

    /// Returns the number of units.
    constexpr Rep count() const noexcept { return value_; }

    /// Adds a count of the same unit.
    constexpr WorkingCount& operator+=(WorkingCount other) noexcept {
        value_ += other.value_;
        return *this;
    }
    /// Subtracts a count of the same unit.
    constexpr WorkingCount& operator-=(WorkingCount other) noexcept {
        value_ -= other.value_;
        return *this;
    }
    /// Returns the sum of two counts of the same unit.
    friend constexpr WorkingCount operator+(WorkingCount a, WorkingCount b) noexcept {
        return WorkingCount(static_cast<Rep>(a.value_ + b.value_));
    }
    /// Returns the difference of two counts of the same unit.
    friend constexpr WorkingCount operator-(WorkingCount a, WorkingCount b) noexcept {
        return WorkingCount(static_cast<Rep>(a.value_ - b.value_));
    }
    /// Returns the negated count.
    friend constexpr WorkingCount operator-(WorkingCount a) noexcept {
        return WorkingCount(static_cast<Rep>(-a.value_));
    }
    /// Returns the count scaled by a plain factor.
    friend constexpr WorkingCount operator*(WorkingCount a, Rep factor) noexcept {
        return WorkingCount(static_cast<Rep>(a.value_ * factor));
    }
    /// Returns the count scaled by a plain factor.
    friend constexpr WorkingCount operator*(Rep factor, WorkingCount a) noexcept {
        return WorkingCount(static_cast<Rep>(a.value_ * factor));
    }
    /// Compares two counts of the same unit.
    friend constexpr auto operator<=>(WorkingCount, WorkingCount) noexcept = default;
    /// Tells whether two counts of the same unit are equal.
    friend constexpr bool operator==(WorkingCount, WorkingCount) noexcept = default;

private:
    Rep value_ = 0;
};

/// Tag of `WorkingDays`.
struct WorkingDaysTag {};
/// Tag of `WorkingMinutes`.
struct WorkingMinutesTag {};

/// A number of working days ("ngày làm việc").
using WorkingDays = WorkingCount<WorkingDaysTag, int>;
/// A number of working minutes: time inside working sessions of working days only.
using WorkingMinutes = WorkingCount<WorkingMinutesTag, std::int64_t>;

/// The largest amount `parseDuration` accepts (ten years of calendar days).
inline constexpr int kMaxDurationAmount = 3650;

/// A legal processing time: `amount` units of `unit`. `amount` is ignored (and 0 when parsed)
/// for `SameDay`.
struct Duration {
    int amount = 0;                                 ///< Number of units (1 … kMaxDurationAmount).
    DurationUnit unit = DurationUnit::WorkingDays;  ///< The unit of `amount`.

    /// Tells whether two durations are the same.
    friend bool operator==(const Duration&, const Duration&) = default;
};

/// Parses the storage form of a duration: "<n>d" (working days), "<n>h" (working hours),
/// "<n>cd" (calendar days) with 1 <= n <= kMaxDurationAmount, or "same_day". Exact and
/// case-sensitive: no sign, no spaces. Throws `Error{InvalidArgument}` on anything else.
Duration parseDuration(std::string_view text);

/// Returns the storage form of `duration`, the inverse of `parseDuration` ("5d", "same_day").
std::string formatDuration(const Duration& duration);

/// Returns the Vietnamese wording of `duration` for forms: "5 ngày làm việc", "4 giờ làm việc",
/// "10 ngày", "trong ngày".
std::string describeDuration(const Duration& duration);

}  // namespace motcua::domain
