#include "service/local_time.h"

#include "domain/core/error.h"

#include <date/tz.h>

#include <cstdio>
#include <sstream>

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
    if (text.size() < 16 || text.size() > 40) throw badInstant(field, text);
    std::string s(text);
    if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
    const bool zulu = s.back() == 'Z' || s.back() == 'z';
    const auto tpos = s.find('T');
    const auto offset_pos = s.find_first_of("+-", tpos == std::string::npos ? 0 : tpos);
    const bool has_offset = offset_pos != std::string::npos;
    std::string body = s.substr(0, zulu ? s.size() - 1 : (has_offset ? offset_pos : s.size()));
    if (body.size() == 16) body += ":00";
    std::istringstream in(body);
    date::local_seconds local;
    in >> date::parse("%FT%T", local);
    if (in.fail() || in.peek() != std::char_traits<char>::eof()) throw badInstant(field, text);
    if (zulu) return date::sys_seconds{local.time_since_epoch()};
    if (has_offset) {
        const std::chrono::minutes minutes = parseOffset(std::string_view(s).substr(offset_pos));
        if (minutes == kBadOffset) throw badInstant(field, text);
        return date::sys_seconds{local.time_since_epoch()} - minutes;
    }
    return toUtc(local);
}

date::year_month_day parseIsoDate(std::string_view text, const std::string& field) {
    std::istringstream in{std::string(text.substr(0, 20))};
    date::sys_days day;
    in >> date::parse("%F", day);
    if (text.size() != 10 || in.fail()) {
        throw Error(ErrorCode::InvalidArgument,
                    "Ngày \"" + std::string(text.substr(0, 20)) + "\" không hợp lệ; dùng dạng 2026-02-13.",
                    "bad date in " + field, field);
    }
    return date::year_month_day{day};
}

std::string formatIsoDate(date::year_month_day day) { return date::format("%F", date::sys_days{day}); }

}  // namespace motcua::service
