#include "service/local_time.h"

#include "domain/core/error.h"

#include <date/tz.h>

#include <cstdio>
#include <optional>

namespace motcua::service {
namespace {

Error badInstant(const std::string& field, std::string_view text) {
    return Error(ErrorCode::InvalidArgument,
                 "Thời điểm \"" + std::string(text.substr(0, 40)) +
                     "\" không hợp lệ; dùng dạng 2026-02-13T16:30:00+07:00.",
                 "bad instant in " + field, field);
}

constexpr std::chrono::minutes kBadOffset{100000};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Parses "+07:00", "+0700" or "+07"; returns kBadOffset on anything else.
std::chrono::minutes parseOffset(std::string_view text) {
    if (text.size() < 3 || (text[0] != '+' && text[0] != '-') || !isDigit(text[1]) || !isDigit(text[2])) {
        return kBadOffset;
    }
    int hours = (text[1] - '0') * 10 + (text[2] - '0');
    int minutes = 0;
    std::string_view rest = text.substr(3);
    if (!rest.empty() && rest[0] == ':') rest = rest.substr(1);
    if (rest.size() == 2 && isDigit(rest[0]) && isDigit(rest[1])) {
        minutes = (rest[0] - '0') * 10 + (rest[1] - '0');
    } else if (!rest.empty()) {
        return kBadOffset;
    }
    if (hours > 14 || minutes > 59) return kBadOffset;
    const std::chrono::minutes total{hours * 60 + minutes};
    return text[0] == '-' ? -total : total;
}

/// Returns the two-digit number at `pos`, or -1.
int twoDigits(std::string_view text, std::size_t pos) {
    if (pos + 2 > text.size() || !isDigit(text[pos]) || !isDigit(text[pos + 1])) return -1;
    return (text[pos] - '0') * 10 + (text[pos + 1] - '0');
}

/// Parses exactly "YYYY-MM-DD" into a valid civil date.
std::optional<date::year_month_day> parseCivilDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const int hi = twoDigits(text, 0);
    const int lo = twoDigits(text, 2);
    const int month = twoDigits(text, 5);
    const int day_of_month = twoDigits(text, 8);
    if (hi < 0 || lo < 0 || month < 1 || day_of_month < 1) return std::nullopt;
    const date::year_month_day day{date::year{hi * 100 + lo}, date::month{static_cast<unsigned>(month)},
                                   date::day{static_cast<unsigned>(day_of_month)}};
    if (!day.ok()) return std::nullopt;
    return day;
}

}  // namespace

LocalTime::LocalTime(const std::string& zone_name) : name_(zone_name) {
    try {
        zone_ = date::locate_zone(zone_name);
    } catch (const std::exception& e) {
        throw Error(ErrorCode::InvalidArgument, "Không có múi giờ " + zone_name + ".",
                    std::string("unknown time zone: ") + e.what());
    }
}

date::local_seconds LocalTime::toLocal(date::sys_seconds t) const { return zone_->to_local(t); }

date::sys_seconds LocalTime::toUtc(date::local_seconds t) const { return zone_->to_sys(t, date::choose::earliest); }

std::string LocalTime::formatIso(date::sys_seconds t) const {
    const auto info = zone_->get_info(t);
    const date::local_seconds local = zone_->to_local(t);
    std::string out = date::format("%FT%T", local);
    auto offset = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
    out += offset < 0 ? '-' : '+';
    if (offset < 0) offset = -offset;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(offset / 60), static_cast<int>(offset % 60));
    return out + buf;
}

date::sys_seconds LocalTime::parseIso(std::string_view text, const std::string& field) const {
    // "YYYY-MM-DDTHH:MM[:SS]" then "Z", an offset, or nothing. Parsed by hand at fixed positions:
    // untrusted text never reaches a general-purpose parser.
    if (text.size() < 16 || text.size() > 40) throw badInstant(field, text);
    const auto day = parseCivilDate(text.substr(0, 10));
    if (!day || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) throw badInstant(field, text);
    const int hour = twoDigits(text, 11);
    const int minute = text[13] == ':' ? twoDigits(text, 14) : -1;
    std::size_t pos = 16;
    int second = 0;
    if (pos < text.size() && text[pos] == ':') {
        second = twoDigits(text, pos + 1);
        pos += 3;
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) throw badInstant(field, text);
    // Dossier instants lie in 2000–2100; this also keeps the zone's historical offsets (LMT
    // +07:06:40, the +08:00 of 1943–1975) away from any instant motcua handles.
    if (day->year() < date::year{2000} || day->year() > date::year{2100}) throw badInstant(field, text);
    const date::local_seconds local{date::local_days{date::sys_days{*day}.time_since_epoch()}.time_since_epoch() +
                                    std::chrono::hours{hour} + std::chrono::minutes{minute} +
                                    std::chrono::seconds{second}};
    const std::string_view rest = text.substr(pos);
    if (rest.empty()) return toUtc(local);
    if (rest == "Z" || rest == "z") return date::sys_seconds{local.time_since_epoch()};
    const std::chrono::minutes offset = parseOffset(rest);
    if (offset == kBadOffset) throw badInstant(field, text);
    return date::sys_seconds{local.time_since_epoch()} - offset;
}

date::year_month_day parseIsoDate(std::string_view text, const std::string& field) {
    const auto day = text.size() == 10 ? parseCivilDate(text) : std::nullopt;
    if (!day) {
        throw Error(ErrorCode::InvalidArgument,
                    "Ngày \"" + std::string(text.substr(0, 20)) + "\" không hợp lệ; dùng dạng 2026-02-13.",
                    "bad date in " + field, field);
    }
    return *day;
}

std::string formatIsoDate(date::year_month_day day) { return date::format("%F", date::sys_days{day}); }

}  // namespace motcua::service
