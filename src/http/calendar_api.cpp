#include "http/calendar_api.h"

#include "domain/core/error.h"
#include "http/json.h"

#include <charconv>

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
    int year = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.size() != 4) {
        throw Error(ErrorCode::InvalidArgument, "Năm \"" + text.substr(0, 10) + "\" không hợp lệ; dùng 4 chữ số, ví dụ 2026.",
                    "bad year", "year");
    }
    return year;
}

void registerCalendarRoutes(Router& router, service::CalendarService& calendar) {
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
}

}  // namespace motcua::http
