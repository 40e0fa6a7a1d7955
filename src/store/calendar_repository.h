#pragma once
/// Storage of the yearly day-off schedules (versioned) and of agencies' working hours.

#include "store/database.h"

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

namespace motcua::store {

/// One day of a stored schedule.
struct ScheduleDayRow {
    date::year_month_day day;
    std::string kind;  ///< holiday | day_off | compensatory | working_saturday
    std::string name;
};

/// One stored schedule version with its days.
struct ScheduleRow {
    long long id = 0;
    int year = 0;
    int version = 0;
    date::sys_seconds effective_from;
    std::string source;
    std::string created_by;
    date::sys_seconds created_at;
    std::vector<ScheduleDayRow> days;
};

/// An agency's working sessions as stored ('07:00-11:30,13:30-17:00') and its cut-off ('15:00:00').
struct WorkingHoursRow {
    std::string sessions;
    std::string forwarding_cutoff;
};

/// Reads and writes calendar data; every function runs in the caller's session.
class CalendarRepository {
public:
    /// Returns, for each year, the latest version whose effective_from ≤ `at`, with its days.
    std::vector<ScheduleRow> schedulesInForce(Session& session, date::sys_seconds at);

    /// Returns every version of every year, by year then version, with their days.
    std::vector<ScheduleRow> allVersions(Session& session);

    /// Returns every version of `year`, oldest first, with its days.
    std::vector<ScheduleRow> versionsOf(Session& session, int year);

    /// Inserts a new version of `row.year` (version = last + 1) with its days; returns it with id and version.
    /// The caller holds the transaction.
    ScheduleRow insertVersion(Session& session, ScheduleRow row);

    /// Returns a number that changes whenever any schedule version is added (for cache invalidation).
    long long changeStamp(Session& session);

    /// Returns the working hours of the agency with `agency_code`, if it has its own.
    std::optional<WorkingHoursRow> workingHours(Session& session, const std::string& agency_code);

    /// Returns the id of the agency with this code, if it exists.
    std::optional<long long> agencyId(Session& session, const std::string& agency_code);

    /// Sets the working hours of the agency `agency_id`.
    void setWorkingHours(Session& session, long long agency_id, const WorkingHoursRow& hours, const std::string& by,
                         date::sys_seconds at);
};

}  // namespace motcua::store
