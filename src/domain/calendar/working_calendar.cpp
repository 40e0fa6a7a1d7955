#include "domain/calendar/working_calendar.h"

#include "domain/calendar/vietnam_holidays.h"
#include "domain/core/error.h"

#include <algorithm>
#include <string>
#include <utility>

namespace motcua::domain {

namespace {

[[noreturn]] void throwRangeError(int first_year, int last_year, const char* what) {
    throw Error(ErrorCode::InvalidArgument,
                "Ngày hoặc thời hạn nằm ngoài phạm vi lịch làm việc (" + std::to_string(first_year) +
                    "–" + std::to_string(last_year) + ").",
                std::string("working calendar: ") + what + " outside the covered range");
}

bool entryBefore(const CalendarDay& a, const CalendarDay& b) { return a.day < b.day; }

// One flag per day from `first_day`: Monday–Friday work, weekends rest, then the schedules'
// special days override (holidays, swapped and compensatory days off, make-up Saturdays).
std::vector<bool> workingFlags(date::local_days first_day, std::size_t day_count,
                               const std::vector<DayOffSchedule>& schedules) {
    std::vector<bool> working(day_count);
    for (std::size_t i = 0; i < day_count; ++i) {
        working[i] = !isWeekend(first_day + date::days{static_cast<int>(i)});
    }
    for (const DayOffSchedule& schedule : schedules) {
        for (const CalendarDay& entry : schedule.days) {
            working[static_cast<std::size_t>((entry.day - first_day).count())] = !isNonWorkingKind(entry.kind);
        }
    }
    return working;
}

}  // namespace

WorkingCalendar::WorkingCalendar(int first_year, int last_year, std::vector<DayOffSchedule> schedules)
    : first_year_(first_year),
      last_year_(last_year),
      first_day_(date::local_days{date::year{first_year} / date::January / 1}) {
    if (first_year > last_year || first_year < kFirstSupportedYear || last_year > kLastSupportedYear) {
        throw Error(ErrorCode::InvalidArgument,
                    "Phạm vi năm của lịch làm việc phải nằm trong khoảng 1900–2100.",
                    "invalid working calendar year range " + std::to_string(first_year) + ".." +
                        std::to_string(last_year));
    }
    const auto year_count = static_cast<std::size_t>(last_year - first_year + 1);
    schedules_.resize(year_count);
    official_.assign(year_count, false);

    for (DayOffSchedule& schedule : schedules) {
        if (schedule.year < first_year || schedule.year > last_year) continue;
        validateSchedule(schedule);
        const std::size_t slot = yearSlot(schedule.year);
        if (official_[slot]) {
            throw Error(ErrorCode::InvalidArgument,
                        "Có hai lịch nghỉ cho cùng năm " + std::to_string(schedule.year) + ".",
                        "duplicate day-off schedule for " + std::to_string(schedule.year));
        }
        official_[slot] = true;
        schedules_[slot] = std::move(schedule);
    }
    for (int year = first_year; year <= last_year; ++year) {
        const std::size_t slot = yearSlot(year);
        if (!official_[slot]) schedules_[slot] = statutorySchedule(year);
        std::sort(schedules_[slot].days.begin(), schedules_[slot].days.end(), entryBefore);
    }

    const date::local_days end_day{date::year{last_year + 1} / date::January / 1};
    buildIndex(workingFlags(first_day_, static_cast<std::size_t>((end_day - first_day_).count()), schedules_));
}

void WorkingCalendar::buildIndex(const std::vector<bool>& working) {
    constexpr std::size_t kBlock = std::size_t{1} << kBlockShift;
    day_rank_.resize(working.size());
    block_base_.reserve(working.size() / kBlock + 1);
    std::int32_t working_count = 0;
    for (std::size_t i = 0; i < working.size(); ++i) {
        if (i % kBlock == 0) block_base_.push_back(working_count);
        const auto rank_in_block = static_cast<std::uint8_t>(working_count - block_base_.back());
        day_rank_[i] = static_cast<std::uint8_t>(rank_in_block | (working[i] ? kWorkingFlag : 0));
        if (!working[i]) continue;
        if (static_cast<std::size_t>(working_count) % kBlock == 0) select_base_.push_back(static_cast<std::int32_t>(i));
        const auto offset = static_cast<std::int64_t>(i) - select_base_.back();
        // 64 working days never span more than 255 days (about 90 plus the longest break).
        if (offset > 0xFF) {
            throw Error(ErrorCode::Internal, "Lỗi dựng lịch làm việc.", "working-day gap too long to index");
        }
        select_offset_.push_back(static_cast<std::uint8_t>(offset));
        ++working_count;
    }
}

void WorkingCalendar::throwOutOfRange(const char* what) const {
    throwRangeError(first_year_, last_year_, what);
}

std::size_t WorkingCalendar::yearSlot(int year) const {
    if (year < first_year_ || year > last_year_) throwOutOfRange("year");
    return static_cast<std::size_t>(year - first_year_);
}

const std::vector<CalendarDay>& WorkingCalendar::daysOfYear(int year) const {
    return schedules_[yearSlot(year)].days;
}

bool WorkingCalendar::hasOfficialSchedule(int year) const { return official_[yearSlot(year)]; }

}  // namespace motcua::domain
