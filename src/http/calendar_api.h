#pragma once
/// Calendar endpoints: GET /api/v1/calendar/{year} and GET /api/v1/calendar/deadline,
/// and the JSON shapes shared with `motcua calendar`.

#include "domain/calendar/calendar_day.h"
#include "domain/deadline/deadline.h"
#include "http/authenticator.h"
#include "http/router.h"
#include "service/calendar_service.h"

#include <optional>
#include <string>
#include <vector>

namespace motcua::http {

/// Returns `[{"date","weekday","name","kind"}, …]` for the days of a year.
std::string calendarDaysJson(const std::vector<domain::CalendarDay>& days);

/// Returns the deadline as JSON: received_at, counting_start, due_at (ISO 8601 with offset),
/// duration, duration_text, receipt_rule, working_days_counted, agency.
std::string deadlineJson(const service::DeadlineAnswer& answer, const service::LocalTime& local_time);

/// Returns the receipt rule for an intake channel name (direct|postal → cut-off applies;
/// online_full|online_partial → counted from receipt). Throws Error(InvalidArgument).
domain::ReceiptRule receiptRuleForChannel(const std::string& channel);

/// Returns the calendar year from text; throws Error(InvalidArgument) naming `year`.
int parseYear(const std::string& text);

/// Registers the calendar routes: public reads (year, deadline) and the administrator's
/// schedule versions and agency working hours.
void registerCalendarRoutes(Router& router, Authenticator& authenticator, service::CalendarService& calendar);

}  // namespace motcua::http
