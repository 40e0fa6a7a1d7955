#pragma once
/// The working calendar of state agencies: which local civil days are working days (Monday–Friday
/// plus make-up Saturdays, minus holidays, swapped days off and compensatory days) and O(1)
/// arithmetic in working days over a precomputed range of years.

#include "domain/calendar/calendar_day.h"
#include "domain/deadline/duration.h"

#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace motcua::domain {

/// An immutable working calendar over the years [firstYear(), lastYear()]. A year with a
/// `DayOffSchedule` follows it; any other year follows `statutorySchedule(year)`. The weekly
/// rest days are Saturday and Sunday (QĐ 188/1999/QĐ-TTg: 40 hours over 5 days), except the
/// make-up Saturdays of a schedule.
///
/// Every query is O(1): the constructor stores, for each day of the range, the number of working
/// days before it, and the position of each working day. Queries about a day outside the range,
/// or whose answer lies outside it, throw `Error{InvalidArgument}`.
class WorkingCalendar {
public:
    /// Earliest year a calendar can cover (limit of the lunar conversion).
    static constexpr int kFirstSupportedYear = 1900;
    /// Latest year a calendar can cover.
    static constexpr int kLastSupportedYear = 2100;

    /// Builds the calendar of years `first_year` … `last_year`, following `schedules` for the
    /// years they cover (schedules of years outside the range are ignored). Throws
    /// `Error{InvalidArgument}` if the range is empty or outside 1900–2100, if two schedules have
    /// the same year, or if a schedule fails `validateSchedule`.
    WorkingCalendar(int first_year, int last_year, std::vector<DayOffSchedule> schedules);

    /// Returns the first year covered.
    int firstYear() const noexcept { return first_year_; }
    /// Returns the last year covered.
    int lastYear() const noexcept { return last_year_; }
    /// Tells whether `day` lies in the covered range.
    bool contains(date::local_days day) const noexcept;

    /// Tells whether `day` is a working day. Throws outside the range.
    bool isWorkingDay(date::local_days day) const;

    /// Returns the first working day strictly after `day`. Throws outside the range.
    date::local_days nextWorkingDay(date::local_days day) const;

    /// Returns the working day `count` working days away from `day`: for count > 0 the count-th
    /// working day strictly after `day`, for count < 0 the |count|-th strictly before it, for
    /// count == 0 `day` itself if it is a working day, else the next working day. So
    /// `addWorkingDays(d, WorkingDays{1})` is `nextWorkingDay(d)`. Throws outside the range.
    date::local_days addWorkingDays(date::local_days day, WorkingDays count) const;

    /// Returns the number of working days d with from < d <= to; when to < from, minus the number
    /// with to < d <= from. So `addWorkingDays(from, workingDaysBetween(from, to)) == to` when `to`
    /// is a working day after `from`, or when both are working days. Throws outside the range.
    WorkingDays workingDaysBetween(date::local_days from, date::local_days to) const;

    /// Returns, sorted by date, every non-working Monday–Friday and every worked weekend day of
    /// `year`, with kind and Vietnamese name. Throws outside the range.
    const std::vector<CalendarDay>& daysOfYear(int year) const;

    /// Tells whether `year` follows an official schedule (rather than the computed rules).
    /// Throws outside the range.
    bool hasOfficialSchedule(int year) const;

private:
    // Days and working days are grouped in blocks of 64 so that the tables take about one byte
    // per day and per working day and stay in the L1/L2 cache: the deadline engine is bound by
    // these lookups.
    static constexpr unsigned kBlockShift = 6;
    static constexpr std::uint8_t kWorkingFlag = 0x80;
    static constexpr std::uint8_t kRankMask = 0x7F;

    [[noreturn]] void throwOutOfRange(const char* what) const;
    std::size_t indexOf(date::local_days day) const {
        if (!contains(day)) throwOutOfRange("day");
        return static_cast<std::size_t>((day - first_day_).count());
    }
    std::size_t yearSlot(int year) const;
    void buildIndex(const std::vector<bool>& working);
    // Working days strictly before the day at `index`.
    std::int64_t workingBefore(std::size_t index) const {
        return std::int64_t{block_base_[index >> kBlockShift]} + (day_rank_[index] & kRankMask);
    }
    // Working days up to and including the day at `index`.
    std::int64_t workingThrough(std::size_t index) const {
        return workingBefore(index) + ((day_rank_[index] & kWorkingFlag) != 0 ? 1 : 0);
    }
    // Index of the working day at 0-based `position` among the working days of the range.
    std::int64_t dayIndexAt(std::size_t position) const {
        return std::int64_t{select_base_[position >> kBlockShift]} + select_offset_[position];
    }

    int first_year_;
    int last_year_;
    date::local_days first_day_;
    // day_rank_[i]: bit 7 = day i is a working day; bits 0–6 = working days before it in its
    // 64-day block. block_base_[b]: working days before block b.
    std::vector<std::uint8_t> day_rank_;
    std::vector<std::int32_t> block_base_;
    // Index of working day n = select_base_[n / 64] + select_offset_[n].
    std::vector<std::int32_t> select_base_;
    std::vector<std::uint8_t> select_offset_;
    std::vector<DayOffSchedule> schedules_;  // one per year, sorted entries
    std::vector<bool> official_;             // per year
};

// The O(1) queries are defined inline: the deadline engine calls them several times per due
// time and the compiler shares the index arithmetic between the calls.

inline bool WorkingCalendar::contains(date::local_days day) const noexcept {
    const auto index = (day - first_day_).count();
    return index >= 0 && static_cast<std::size_t>(index) < day_rank_.size();
}

inline bool WorkingCalendar::isWorkingDay(date::local_days day) const {
    return (day_rank_[indexOf(day)] & kWorkingFlag) != 0;
}

inline date::local_days WorkingCalendar::addWorkingDays(date::local_days day, WorkingDays count) const {
    const std::size_t index = indexOf(day);
    // Position (0-based) of the target among the working days of the range.
    const std::int64_t base = count.count() > 0 ? workingThrough(index) - 1 : workingBefore(index);
    const std::int64_t target = base + count.count();
    if (target < 0 || static_cast<std::size_t>(target) >= select_offset_.size()) throwOutOfRange("result");
    return first_day_ + date::days{dayIndexAt(static_cast<std::size_t>(target))};
}

inline date::local_days WorkingCalendar::nextWorkingDay(date::local_days day) const {
    return addWorkingDays(day, WorkingDays{1});
}

inline WorkingDays WorkingCalendar::workingDaysBetween(date::local_days from, date::local_days to) const {
    return WorkingDays{static_cast<int>(workingThrough(indexOf(to)) - workingThrough(indexOf(from)))};
}

}  // namespace motcua::domain
