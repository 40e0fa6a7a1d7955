#include "http/calendar_api.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "http/json.h"

#include <Poco/JSON/Parser.h>

#include <algorithm>

namespace motcua::http {
namespace {

constexpr const char* kWeekdays[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};

std::string_view ruleCode(domain::ReceiptRule rule) {
    return rule == domain::ReceiptRule::ApplyCutOff ? "apply_cut_off" : "count_from_receipt";
}

}  // namespace

std::string calendarDaysJson(const std::vector<domain::CalendarDay>& days) {
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
    for (const auto& d : days) {
        auto item = newObject();
        item->set("date", date::format("%F", d.day));
        item->set("weekday", kWeekdays[date::weekday{d.day}.c_encoding()]);
        item->set("name", d.name);
        item->set("kind", std::string(domain::dayKindCode(d.kind)));
        out->add(item);
    }
    return stringify(out);
}

std::string deadlineJson(const service::DeadlineAnswer& answer, const service::LocalTime& local_time) {
    auto out = newObject();
    out->set("received_at", local_time.formatIso(answer.received_at));
    out->set("counting_start", local_time.formatIso(answer.counting_start));
    out->set("due_at", local_time.formatIso(answer.due_at));
    out->set("duration", domain::formatDuration(answer.duration));
    out->set("duration_text", domain::describeDuration(answer.duration));
    out->set("receipt_rule", std::string(ruleCode(answer.rule)));
    out->set("working_days_counted", answer.working_days_counted);
    if (answer.agency_code) {
        out->set("agency", *answer.agency_code);
    } else {
        out->set("agency", Poco::Dynamic::Var());
    }
    out->set("time_zone", local_time.name());
    return stringify(out);
}

domain::ReceiptRule receiptRuleForChannel(const std::string& channel) {
    if (channel == "direct" || channel == "postal") return domain::ReceiptRule::ApplyCutOff;
    if (channel == "online_full" || channel == "online_partial") return domain::ReceiptRule::CountFromReceipt;
    throw Error(ErrorCode::InvalidArgument,
                "Kênh tiếp nhận \"" + channel.substr(0, 40) + "\" không hợp lệ; dùng direct, postal, online_full hoặc online_partial.",
                "bad channel", "channel");
}

int parseYear(const std::string& text) {
    const auto year = domain::wholeNumber<int>(text);
    if (!year || text.size() != 4) {
        throw Error(ErrorCode::InvalidArgument, "Năm \"" + text.substr(0, 10) + "\" không hợp lệ; dùng 4 chữ số, ví dụ 2026.",
                    "bad year", "year");
    }
    return *year;
}

namespace {

void requireCalendarAdmin(Authenticator& authenticator, const Request& request, domain::Principal& out) {
    out = requirePrincipal(authenticator, request);
    if (!domain::hasPermission(out.role, domain::Permission::ManageCalendar)) {
        throw Error(ErrorCode::PermissionDenied, "Chỉ quản trị hệ thống được sửa lịch nghỉ và giờ làm việc.",
                    "calendar change by " + out.username);
    }
}

Poco::JSON::Object::Ptr versionJson(const service::ScheduleVersion& v, const service::LocalTime& lt) {
    auto item = newObject();
    item->set("year", v.year);
    item->set("version", v.version);
    item->set("effective_from", lt.formatIso(v.effective_from));
    item->set("source", v.source);
    item->set("created_by", v.created_by);
    item->set("created_at", lt.formatIso(v.created_at));
    Poco::Dynamic::Var days = Poco::JSON::Parser().parse(calendarDaysJson(v.schedule.days));
    item->set("days", days);
    return item;
}

domain::DayOffSchedule scheduleFromJson(int year, const Poco::JSON::Object::Ptr& body) {
    domain::DayOffSchedule schedule{year, {}};
    if (!body->has("days") || body->getArray("days").isNull()) {
        throw Error::invalidFields({{"days", "Thiếu danh sách ngày (days)."}});
    }
    const auto days = body->getArray("days");
    std::vector<FieldError> problems;
    for (std::size_t i = 0; i < days->size(); ++i) {
        const std::string prefix = "days[" + std::to_string(i) + "]";
        const auto item = days->getObject(static_cast<unsigned>(i));
        if (item.isNull()) {
            problems.push_back({prefix, "Mỗi ngày phải là một đối tượng {date, kind, name}."});
            continue;
        }
        try {
            const auto when = service::parseIsoDate(optString(item, "date").value_or(""), prefix + ".date");
            const auto kind = domain::parseDayKind(optString(item, "kind").value_or(""));
            schedule.days.push_back(domain::CalendarDay{date::local_days{date::sys_days{when}.time_since_epoch()}, kind,
                                                        optString(item, "name").value_or("")});
        } catch (const Error& e) {
            problems.push_back({prefix, e.userMessage()});
        }
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    std::sort(schedule.days.begin(), schedule.days.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
    return schedule;
}

}  // namespace

void registerCalendarRoutes(Router& router, Authenticator& authenticator, service::CalendarService& calendar) {
    router.add("GET", "/api/v1/calendar/deadline", [&calendar](Request& request) {
        std::vector<FieldError> problems;
        const auto received = request.queryParam("received");
        const auto duration = request.queryParam("duration");
        if (!received || received->empty()) problems.push_back({"received", "Thiếu thời điểm tiếp nhận (received)."});
        if (!duration || duration->empty()) problems.push_back({"duration", "Thiếu thời hạn giải quyết (duration), ví dụ 5d."});
        if (!problems.empty()) throw Error::invalidFields(std::move(problems));
        const auto& lt = calendar.localTime();
        const date::sys_seconds at = lt.parseIso(*received, "received");
        const domain::Duration d = domain::parseDuration(*duration);
        const auto rule = receiptRuleForChannel(request.queryParam("channel").value_or("direct"));
        auto agency = request.queryParam("agency");
        if (agency && agency->empty()) agency.reset();
        return Response::json(deadlineJson(calendar.deadline(at, d, agency, rule), lt));
    });
    router.add("GET", "/api/v1/calendar/{year}", [&calendar](Request& request) {
        return Response::json(calendarDaysJson(calendar.daysOfYear(parseYear(request.param("year")))));
    });
    router.add("GET", "/api/v1/calendar/{year}/versions", [&calendar, &authenticator](Request& request) {
        requirePrincipal(authenticator, request);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& v : calendar.versions(parseYear(request.param("year")))) out->add(versionJson(v, calendar.localTime()));
        return Response::json(stringify(out));
    });
    router.add("POST", "/api/v1/calendar/{year}/versions", [&calendar, &authenticator](Request& request) {
        domain::Principal admin;
        requireCalendarAdmin(authenticator, request, admin);
        const int year = parseYear(request.param("year"));
        const auto body = parseObject(request.body);
        const auto effective_text = optString(body, "effective_from");
        if (!effective_text) throw Error::invalidFields({{"effective_from", "Thiếu thời điểm áp dụng (effective_from)."}});
        const auto effective = calendar.localTime().parseIso(*effective_text, "effective_from");
        const auto stored = calendar.addScheduleVersion(scheduleFromJson(year, body), effective,
                                                        optString(body, "source").value_or(""), admin.username);
        return Response::json(stringify(versionJson(stored, calendar.localTime())), 201);
    });
    router.add("PUT", "/api/v1/agencies/{code}/working-hours", [&calendar, &authenticator](Request& request) {
        domain::Principal admin;
        requireCalendarAdmin(authenticator, request, admin);
        const auto body = parseObject(request.body);
        // Both are required: a misspelt or missing key must not put the defaults in their place.
        rejectUnknownKeys(body, {"sessions", "forwarding_cutoff"});
        const auto sessions = optString(body, "sessions");
        const auto cutoff = optString(body, "forwarding_cutoff");
        std::vector<FieldError> missing;
        if (!sessions) missing.push_back({"sessions", "Thiếu các buổi làm việc (sessions), ví dụ \"07:00-11:30,13:30-17:00\"."});
        if (!cutoff) missing.push_back({"forwarding_cutoff", "Thiếu giờ chốt chuyển hồ sơ trong ngày (forwarding_cutoff), ví dụ \"15:00\"."});
        if (!missing.empty()) throw Error::invalidFields(std::move(missing));
        calendar.setWorkingHours(request.param("code"), *sessions, *cutoff, admin.username);
        auto out = newObject();
        out->set("agency", request.param("code"));
        out->set("sessions", *sessions);
        out->set("forwarding_cutoff", *cutoff);
        return Response::json(stringify(out));
    });
}

}  // namespace motcua::http
