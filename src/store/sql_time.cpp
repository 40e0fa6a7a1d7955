#include "store/sql_time.h"

#include "domain/core/error.h"

#include <sstream>

namespace motcua::store {
namespace {

Error badValue(std::string_view text) {
    return Error(ErrorCode::Internal, "Dữ liệu thời gian trong CSDL không hợp lệ.",
                 "bad date/time from database: " + std::string(text));
}

/// Writes `value` as `width` digits at `out` (value fits).
void putDigits(char* out, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

/// Writes "YYYY-MM-DD" at `out` (10 chars); false when the year has not four digits.
bool putDate(char* out, date::year_month_day d) {
    const int y = static_cast<int>(d.year());
    if (y < 0 || y > 9999) return false;
    putDigits(out, y, 4);
    out[4] = '-';
    putDigits(out + 5, static_cast<int>(static_cast<unsigned>(d.month())), 2);
    out[7] = '-';
    putDigits(out + 8, static_cast<int>(static_cast<unsigned>(d.day())), 2);
    return true;
}

}  // namespace

// Written by hand, not with date::format: every row an intake writes carries a few of these.
std::string toSqlDateTime(date::sys_seconds t) {
    const auto day = date::floor<date::days>(t);
    const date::hh_mm_ss<std::chrono::seconds> time{t - day};
    std::string out(19, ' ');
    if (!putDate(out.data(), date::year_month_day{day})) return date::format("%F %T", t);
    putDigits(out.data() + 11, static_cast<int>(time.hours().count()), 2);
    out[13] = ':';
    putDigits(out.data() + 14, static_cast<int>(time.minutes().count()), 2);
    out[16] = ':';
    putDigits(out.data() + 17, static_cast<int>(time.seconds().count()), 2);
    return out;
}

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

std::string toSqlDate(date::year_month_day d) {
    std::string out(10, ' ');
    if (!putDate(out.data(), d)) return date::format("%F", date::sys_days{d});
    return out;
}

date::year_month_day fromSqlDate(std::string_view text) {
    std::istringstream in{std::string(text)};
    date::sys_days d;
    in >> date::parse("%F", d);
    if (in.fail()) throw badValue(text);
    return date::year_month_day{d};
}

}  // namespace motcua::store
