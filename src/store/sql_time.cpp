#include "store/sql_time.h"

#include "domain/core/error.h"

#include <sstream>

namespace motcua::store {
namespace {

Error badValue(std::string_view text) {
    return Error(ErrorCode::Internal, "Dữ liệu thời gian trong CSDL không hợp lệ.",
                 "bad date/time from database: " + std::string(text));
}

}  // namespace

std::string toSqlDateTime(date::sys_seconds t) { return date::format("%F %T", t); }

date::sys_seconds fromSqlDateTime(std::string_view text) {
    std::istringstream in{std::string(text.substr(0, 19))};
    date::sys_seconds t;
    in >> date::parse("%F %T", t);
    if (in.fail()) throw badValue(text);
    return t;
}

std::string toSqlDate(date::year_month_day d) { return date::format("%F", date::sys_days{d}); }

date::year_month_day fromSqlDate(std::string_view text) {
    std::istringstream in{std::string(text)};
    date::sys_days d;
    in >> date::parse("%F", d);
    if (in.fail()) throw badValue(text);
    return date::year_month_day{d};
}

}  // namespace motcua::store
