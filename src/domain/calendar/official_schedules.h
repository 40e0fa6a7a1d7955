#pragma once
/// The official day-off schedules for công chức, viên chức announced by VPCP for 2024–2026, as
/// data: the storage layer seeds its calendar table from them and tests compare against them.

#include "domain/calendar/calendar_day.h"

#include <vector>

namespace motcua::domain {

/// Returns the official schedules of 2024, 2025 and 2026 (domain rules §5.4), in year order:
/// each lists the non-working Mondays–Fridays (holidays, swapped days off, compensatory days)
/// and the make-up working Saturdays of its year.
std::vector<DayOffSchedule> officialSchedules2024To2026();

}  // namespace motcua::domain
