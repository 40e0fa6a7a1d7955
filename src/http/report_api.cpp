#include "http/report_api.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "http/json.h"
#include "service/report_export.h"

#include <Poco/JSON/Array.h>

namespace motcua::http {
namespace {

namespace stats = domain::stats;

Poco::JSON::Object::Ptr rateJson(const stats::Rate& rate) {
    auto o = newObject();
    o->set("numerator", rate.numerator);
    o->set("denominator", rate.denominator);
    if (rate.defined()) {
        o->set("value", rate.value);
    } else {
        o->set("value", Poco::Dynamic::Var());
    }
    return o;
}

Poco::JSON::Object::Ptr rowJson(const service::ReportResult& result, const stats::Row06a& row) {
    auto o = newObject();
    o->set("key", row.key);
    if (result.report.grouping == stats::Grouping::Agency) {
        o->set("name", row.name);
        o->set("depth", row.depth);
    } else {
        const auto found = result.names.find(row.key);
        o->set("name", row.key.empty() ? std::string("Tổng cộng") : found == result.names.end() ? row.key : found->second);
    }
    const auto& c = row.counts;
    auto received = newObject();
    received->set("total", c.received_total);
    received->set("online", c.received_online);
    received->set("direct_and_postal", c.received_direct_and_postal);
    received->set("carried_over", c.carried_over);
    received->set("direct", c.received_direct);
    received->set("postal", c.received_postal);
    received->set("online_full", c.received_online_full);
    received->set("online_partial", c.received_online_partial);
    o->set("received", received);
    auto resolved = newObject();
    resolved->set("total", c.resolved_total);
    resolved->set("early", c.resolved_early);
    resolved->set("on_time", c.resolved_on_time);
    resolved->set("late", c.resolved_late);
    o->set("resolved", resolved);
    auto in_progress = newObject();
    in_progress->set("total", c.in_progress_total);
    in_progress->set("within_time", c.in_progress_within_time);
    in_progress->set("overdue", c.in_progress_overdue);
    o->set("in_progress", in_progress);
    auto returned = newObject();
    returned->set("total", c.returned_total);
    returned->set("postal", c.returned_postal);
    o->set("returned", returned);
    const auto& r = row.rates;
    auto rates = newObject();
    rates->set("on_time", rateJson(r.on_time));
    rates->set("apology_coverage", rateJson(r.apology_coverage));
    rates->set("timely_apology_coverage", rateJson(r.timely_apology_coverage));
    rates->set("online_full_share", rateJson(r.online_full_share));
    rates->set("online_partial_share", rateJson(r.online_partial_share));
    rates->set("postal_receipt_share", rateJson(r.postal_receipt_share));
    rates->set("postal_return_share", rateJson(r.postal_return_share));
    rates->set("progress_766", rateJson(r.progress_766));
    o->set("rates", rates);
    return o;
}

Poco::JSON::Object::Ptr periodJson(const stats::ReportingPeriod& period, const std::string& as_of) {
    auto o = newObject();
    o->set("label", period.label());
    o->set("first_day", date::format("%F", date::sys_days{period.firstDay()}));
    o->set("last_day", date::format("%F", date::sys_days{period.lastDay()}));
    o->set("mode", std::string(stats::toName(period.mode())));
    // A period still running is counted up to now: open dossiers are judged at this instant.
    if (!as_of.empty()) {
        o->set("as_of", as_of);
    } else {
        o->set("as_of", Poco::Dynamic::Var());
    }
    return o;
}

Poco::JSON::Array::Ptr codesJson(const std::vector<std::string>& codes, std::size_t limit) {
    Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
    for (std::size_t i = 0; i < codes.size() && i < limit; ++i) out->add(codes[i]);
    return out;
}

std::size_t limitParam(const Request& request) {
    const auto text = request.queryParam("limit").value_or("1000");
    const auto value = domain::wholeNumber<std::size_t>(text);
    if (!value || *value > 100000) throw Error::invalidFields({{"limit", "limit phải là số nguyên từ 0 đến 100000."}});
    return *value;
}

Response download(std::string body, const std::string& content_type, const std::string& filename) {
    Response r = Response::json(std::move(body));
    r.content_type = content_type;
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return r;
}

}  // namespace

Poco::JSON::Object::Ptr report06aJson(const service::ReportResult& result) {
    auto o = newObject();
    o->set("form", "06a/VPCP/KSTT");
    o->set("period", periodJson(result.report.period, result.as_of));
    o->set("agency", result.agency_code);
    o->set("agency_name", result.agency_name);
    o->set("grouping", std::string(stats::toName(result.report.grouping)));
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& row : result.report.rows) rows->add(rowJson(result, row));
    o->set("rows", rows);
    o->set("total", rowJson(result, result.report.total));
    return o;
}

Poco::JSON::Object::Ptr indexJson(const service::IndexResult& result, std::size_t limit) {
    auto o = newObject();
    o->set("period", periodJson(result.period, result.as_of));
    o->set("agency", result.agency_code);
    o->set("agency_name", result.agency_name);
    o->set("table", result.table_code);
    o->set("table_name", result.table_name);
    o->set("points", result.points);
    o->set("max_points", result.max_points);
    Poco::JSON::Array::Ptr criteria = new Poco::JSON::Array;
    for (const auto& c : result.criteria) {
        auto item = newObject();
        item->set("code", c.score.code);
        item->set("name", c.score.name);
        item->set("indicator", std::string(stats::toName(c.score.indicator)));
        item->set("indicator_label", std::string(stats::labelVi(c.score.indicator)));
        item->set("measured", rateJson(c.score.measured));
        if (c.score.points) {
            item->set("points", *c.score.points);
        } else {
            item->set("points", Poco::Dynamic::Var());
        }
        item->set("max_points", c.score.max_points);
        item->set("counted", codesJson(c.counted_codes, limit));
        item->set("shortfall", codesJson(c.shortfall_codes, limit));
        item->set("lists_truncated", c.counted_codes.size() > limit || c.shortfall_codes.size() > limit);
        criteria->add(item);
    }
    o->set("criteria", criteria);
    return o;
}

service::ReportQuery reportQuery(const Request& request) {
    service::ReportQuery q;
    q.period = request.queryParam("period").value_or("");
    if (q.period.empty()) throw Error::invalidFields({{"period", "Chọn kỳ báo cáo (period), ví dụ 2026-Q3."}});
    q.agency_code = request.queryParam("agency");
    q.grouping = request.queryParam("group").value_or("agency");
    q.attribution = request.queryParam("attribution").value_or("receiving");
    return q;
}

void registerReportRoutes(Router& router, Authenticator& authenticator, service::ReportService& reports) {
    router.add("GET", "/api/v1/reports/06a", [&](Request& request) {
        const auto p = requirePrincipal(authenticator, request);
        const auto result = reports.report06a(p, reportQuery(request));
        const auto format = request.queryParam("format").value_or("json");
        const std::string base = "bieu-06a-" + result.report.period.label() + "-" + result.agency_code;
        if (format == "csv") return download(service::report06aCsv(result), "text/csv; charset=utf-8", base + ".csv");
        if (format == "xlsx") {
            return download(service::report06aXlsx(result),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx");
        }
        if (format != "json") throw Error::invalidFields({{"format", "Định dạng phải là json, csv hoặc xlsx."}});
        return Response::json(stringify(report06aJson(result)));
    });
    router.add("GET", "/api/v1/reports/index", [&](Request& request) {
        const auto p = requirePrincipal(authenticator, request);
        const auto result = reports.index(p, reportQuery(request), request.queryParam("table").value_or("qd766"));
        return Response::json(stringify(indexJson(result, limitParam(request))));
    });
    router.add("GET", "/api/v1/reports/trend", [&](Request& request) {
        const auto p = requirePrincipal(authenticator, request);
        const auto text = request.queryParam("year").value_or("");
        const auto parsed = domain::wholeNumber<int>(text);
        if (!parsed) throw Error::invalidFields({{"year", "Chọn năm (year), ví dụ 2026."}});
        const int year = *parsed;
        Poco::JSON::Array::Ptr months = new Poco::JSON::Array;
        for (const auto& m : reports.monthlyTrend(p, request.queryParam("agency"), year)) {
            auto o = newObject();
            o->set("period", m.label);
            o->set("received", m.received);
            o->set("on_time", rateJson(m.on_time));
            months->add(o);
        }
        auto o = newObject();
        o->set("year", year);
        o->set("months", months);
        return Response::json(stringify(o));
    });
    router.add("GET", "/api/v1/reports/scoring-tables", [&](Request& request) {
        const auto p = requirePrincipal(authenticator, request);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& t : reports.scoringTables(p)) {
            auto o = newObject();
            o->set("code", t.code);
            o->set("name", t.name);
            o->set("built_in", t.built_in);
            o->set("body", t.body);
            out->add(o);
        }
        return Response::json(stringify(out));
    });
    router.add("PUT", "/api/v1/reports/scoring-tables/{code}", [&](Request& request) {
        const auto p = requirePrincipal(authenticator, request);
        const auto body = parseObject(request.body);
        const auto saved = reports.saveScoringTable(p, request.param("code"), optString(body, "name").value_or(""),
                                                    optString(body, "body").value_or(""));
        auto o = newObject();
        o->set("code", saved.code);
        o->set("name", saved.name);
        o->set("built_in", saved.built_in);
        o->set("body", saved.body);
        return Response::json(stringify(o));
    });
}

}  // namespace motcua::http
