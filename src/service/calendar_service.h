#pragma once
/// Use cases around the working calendar: the calendar in force (statutory rules plus the
/// stored yearly schedules), deadlines for the CLI and API, and versioned schedule changes.

#include "domain/calendar/calendar_day.h"
#include "domain/calendar/working_calendar.h"
#include "domain/calendar/working_hours.h"
#include "domain/deadline/deadline.h"
#include "domain/deadline/duration.h"
#include "service/clock.h"
#include "service/local_time.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {
class Database;
class CalendarRepository;
}  // namespace motcua::store

namespace motcua::service {

/// A deadline with its instants in UTC, ready for JSON or storage.
struct DeadlineAnswer {
    date::sys_seconds received_at;
    date::sys_seconds counting_start;
    date::sys_seconds due_at;
    domain::Duration duration;
    domain::ReceiptRule rule = domain::ReceiptRule::ApplyCutOff;
    int working_days_counted = 0;
    std::optional<std::string> agency_code;
};

/// A stored schedule version, as administrators see it.
struct ScheduleVersion {
    long long id = 0;
    int year = 0;
    int version = 0;
    date::sys_seconds effective_from;
    std::string source;
    std::string created_by;
    date::sys_seconds created_at;
    domain::DayOffSchedule schedule;
};

/// Calendar use cases; thread-safe. The built calendar is cached and rebuilt when a schedule
/// version is added (here or, within `kReloadEvery`, by another process).
class CalendarService {
public:
    /// How often the service checks the database for schedule versions added elsewhere.
    static constexpr std::chrono::seconds kReloadEvery{30};

    CalendarService(store::Database& database, const Clock& clock, const LocalTime& local_time);
    ~CalendarService();

    /// Returns the calendar in force now (statutory rules overridden by the stored schedules).
    std::shared_ptr<const domain::WorkingCalendar> calendar();

    /// Returns the working hours of `agency_code` (its own, else the default; cached like the calendar).
    /// Throws Error(NotFound) for an unknown agency.
    domain::WorkingHours hoursFor(const std::optional<std::string>& agency_code);

    /// Sets the working sessions ("07:00-11:30,13:30-17:00") and forwarding cut-off ("15:00") of
    /// an agency; deadlines computed afterwards use them. Throws Error(InvalidArgument) for
    /// malformed or overlapping sessions, Error(NotFound) for an unknown agency.
    domain::WorkingHours setWorkingHours(const std::string& agency_code, const std::string& sessions,
                                         const std::string& forwarding_cutoff, const std::string& by);

    /// Returns every non-working weekday and worked Saturday of `year`.
    /// Throws Error(InvalidArgument) outside 1900–2100.
    std::vector<domain::CalendarDay> daysOfYear(int year);

    /// Computes the due time of a dossier received at `received_at`.
    DeadlineAnswer deadline(date::sys_seconds received_at, const domain::Duration& duration,
                            const std::optional<std::string>& agency_code, domain::ReceiptRule rule);

    /// Records a new version of `schedule.year`, applying to deadlines computed from
    /// `effective_from` on. Deadlines already fixed on dossiers are not changed.
    /// Throws Error(InvalidArgument) for a malformed schedule.
    ScheduleVersion addScheduleVersion(const domain::DayOffSchedule& schedule, date::sys_seconds effective_from,
                                       const std::string& source, const std::string& created_by);

    /// Returns every stored version of `year`, oldest first.
    std::vector<ScheduleVersion> versions(int year);

    /// Returns the time-zone helper.
    const LocalTime& localTime() const { return local_time_; }

private:
    struct Cache;
    std::shared_ptr<const domain::WorkingCalendar> buildIfStale();

    store::Database& database_;
    const Clock& clock_;
    const LocalTime& local_time_;
    std::unique_ptr<store::CalendarRepository> repository_;
    std::mutex mutex_;
    std::unique_ptr<Cache> cache_;
};

/// Years covered by the calendar the service builds.
inline constexpr int kCalendarFirstYear = 1990;
inline constexpr int kCalendarLastYear = 2100;

}  // namespace motcua::service
