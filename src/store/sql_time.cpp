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
    // "YYYY-MM-DD HH:MM:SS[.fff]", read digit by digit: reports read millions of these.
    if (text.size() < 19 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':') {
        throw badValue(text);
    }
    auto digits = [&](std::size_t at, std::size_t count) {
        int value = 0;
        for (std::size_t i = at; i < at + count; ++i) {
            const char c = text[i];
            if (c < '0' || c > '9') throw badValue(text);
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const date::year_month_day day{date::year{digits(0, 4)}, date::month{static_cast<unsigned>(digits(5, 2))},
                                   date::day{static_cast<unsigned>(digits(8, 2))}};
    const int hours = digits(11, 2), minutes = digits(14, 2), seconds = digits(17, 2);
    if (!day.ok() || hours > 23 || minutes > 59 || seconds > 59) throw badValue(text);
    return date::sys_days{day} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
           std::chrono::seconds{seconds};
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
