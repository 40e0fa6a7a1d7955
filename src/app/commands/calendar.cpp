#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "domain/deadline/duration.h"
#include "http/calendar_api.h"
#include "service/calendar_service.h"
#include "service/local_time.h"
#include "store/database.h"

#include <iostream>

namespace motcua::app {

// motcua calendar holidays --year Y
// motcua calendar deadline --received ISO --duration D [--agency CODE] [--channel C]
int runCalendar(CommandContext& context) {
    validateConfig(context.config, true);
    const std::string action = context.args.empty() ? "" : context.args.front();
    if (action != "holidays" && action != "deadline") {
        throw Error(ErrorCode::InvalidArgument,
                    "Dùng: motcua calendar holidays --year 2026 | motcua calendar deadline --received "
                    "2026-02-13T16:30:00+07:00 --duration 5d [--agency MÃ] [--channel direct]",
                    "bad calendar usage");
    }
    SystemClock clock;
    auto database = makeDatabase(context.config);
    service::LocalTime local_time(context.config.timezone);
    service::CalendarService calendar(*database, clock, local_time);
    if (action == "holidays") {
        std::cout << http::calendarDaysJson(calendar.daysOfYear(http::parseYear(context.requireOption("year")))) << "\n";
        return kExitOk;
    }
    const auto received = local_time.parseIso(context.requireOption("received"), "received");
    const auto duration = domain::parseDuration(context.requireOption("duration"));
    const auto rule = http::receiptRuleForChannel(context.option("channel").value_or("direct"));
    std::cout << http::deadlineJson(calendar.deadline(received, duration, context.option("agency"), rule), local_time)
              << "\n";
    return kExitOk;
}

}  // namespace motcua::app
