#pragma once
/// Conversions between date types and the text MariaDB exchanges for DATETIME and DATE
/// (the connection's time_zone is '+00:00', so DATETIME holds UTC).

#include <date/date.h>

#include <string>
#include <string_view>

namespace motcua::store {

/// Returns "YYYY-MM-DD HH:MM:SS" (UTC) for `t`.
std::string toSqlDateTime(date::sys_seconds t);
/// Parses "YYYY-MM-DD HH:MM:SS[.fff]" (UTC); throws Error(Internal) on junk from the database.
date::sys_seconds fromSqlDateTime(std::string_view text);
/// Returns "YYYY-MM-DD".
std::string toSqlDate(date::year_month_day d);
/// Parses "YYYY-MM-DD"; throws Error(Internal) on junk.
date::year_month_day fromSqlDate(std::string_view text);

}  // namespace motcua::store
