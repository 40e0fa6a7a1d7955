#include "web/report_pages.h"

#include "domain/core/error.h"
#include "service/clock.h"
#include "service/report_export.h"
#include "service/report_service.h"

#include <Poco/URI.h>

#include <cstdio>

namespace motcua::web {
namespace {

namespace stats = domain::stats;

std::string percentText(const stats::Rate& rate) {
    if (!rate.defined()) return "–";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", rate.value * 100.0);
    return buffer;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string encode(const std::string& value) {
    std::string out;
    Poco::URI::encode(value, "&=+?#%/;", out);
    return out;
}

/// Bars of the on-time rate: one per agency row directly below the reported agency (or every
/// row for field and procedure grouping), with the geometry the SVG template draws.
Data onTimeBars(const service::ReportResult& result) {
    Data bars{Data::type::list};
    const auto& rows = result.report.rows;
    const int child_depth = rows.empty() ? 0 : rows.front().depth + 1;
    int y = 0;
    for (const auto& row : rows) {
        if (result.report.grouping == stats::Grouping::Agency && row.depth != child_depth) continue;
        if (!row.rates.on_time.defined()) continue;
        Data bar;
        const auto found = result.names.find(row.key);
        bar.set("label", !row.name.empty() ? row.name : found != result.names.end() ? found->second : row.key);
        bar.set("y", std::to_string(y));
        bar.set("text_y", std::to_string(y + 14));
        bar.set("width", number(row.rates.on_time.value * 400.0));
        bar.set("value", percentText(row.rates.on_time));
        bar.set("low", row.rates.on_time.value < 0.95);
        bars.push_back(bar);
        y += 22;
        if (y > 22 * 40) break;  // at most 40 bars
    }
    return bars;
}

Data trendBars(const std::vector<service::MonthPoint>& months) {
    Data bars{Data::type::list};
    int x = 0;
    for (const auto& m : months) {
        Data bar;
        const double value = m.on_time.defined() ? m.on_time.value : 0.0;
        bar.set("x", std::to_string(x));
        bar.set("text_x", std::to_string(x + 18));
        bar.set("height", number(value * 160.0));
        bar.set("top", number(170.0 - value * 160.0));
        bar.set("label", m.label.substr(m.label.size() - 2));
        bar.set("value", percentText(m.on_time));
        bar.set("received", std::to_string(m.received));
        bars.push_back(bar);
        x += 44;
    }
    return bars;
}

Data tableRows(const service::ReportResult& result) {
    Data rows{Data::type::list};
    std::size_t n = 0;
    auto add = [&](const stats::Row06a& row, bool total) {
        Data cells{Data::type::list};
        for (auto& text : service::report06aCells(result, row, total ? 0 : ++n)) cells.push_back(Data(text));
        Data r;
        r.set("cells", cells);
        r.set("total", total);
        rows.push_back(r);
    };
    for (const auto& row : result.report.rows) add(row, false);
    add(result.report.total, true);
    return rows;
}

/// `linked`: the reader may open the dossiers (a compiler reads statistics, not dossiers, so his
/// drill-down lists the codes without links to pages he may not open).
Data criteriaRows(const service::IndexResult& index, bool linked) {
    Data list{Data::type::list};
    for (const auto& c : index.criteria) {
        Data item;
        item.set("code", c.score.code);
        item.set("name", c.score.name);
        item.set("measured", percentText(c.score.measured));
        item.set("fraction", std::to_string(c.score.measured.numerator) + "/" +
                                 std::to_string(c.score.measured.denominator));
        item.set("points", c.score.points ? number(*c.score.points) : std::string("không áp dụng"));
        item.set("max_points", number(c.score.max_points));
        item.set("shortfall_count", std::to_string(c.shortfall_codes.size()));
        Data codes{Data::type::list};
        for (std::size_t i = 0; i < c.shortfall_codes.size() && i < 100; ++i) {
            Data code;
            code.set("code", c.shortfall_codes[i]);
            code.set("link", linked);
            codes.push_back(code);
        }
        item.set("shortfall", codes);
        item.set("has_shortfall", !c.shortfall_codes.empty());
        list.push_back(item);
    }
    return list;
}

Data choices(const std::vector<std::pair<std::string, std::string>>& values, const std::string& selected) {
    Data list{Data::type::list};
    for (const auto& [value, label] : values) {
        Data o;
        o.set("value", value);
        o.set("label", label);
        o.set("selected", value == selected);
        list.push_back(o);
    }
    return list;
}

}  // namespace

void registerReportPages(http::Router& router, WebApp& web, service::ReportService& reports,
                         const service::Clock& clock) {
    using domain::Role;
    web.addNav({Role::Compiler, Role::Head, Role::Admin}, {"/thong-ke", "Thống kê, chỉ số", "k"});
    router.add("GET", "/thong-ke", [&web, &reports, &clock](http::Request& request) {
        const auto user = web.requireUser(request);
        const auto today = date::year_month_day{date::floor<date::days>(clock.now() + std::chrono::hours(7))};
        service::ReportQuery query;
        query.period = request.queryParam("period").value_or("");
        if (query.period.empty()) {
            query.period = stats::ReportingPeriod::containing(today, stats::PeriodKind::Quarter, stats::PeriodMode::Nd09).label();
        }
        query.agency_code = request.queryParam("agency");
        if (query.agency_code && query.agency_code->empty()) query.agency_code.reset();
        query.grouping = request.queryParam("group").value_or("agency");
        const std::string table = request.queryParam("table").value_or("qd766");
        Data d;
        d.set("period", query.period);
        d.set("agency", query.agency_code.value_or(""));
        d.set("groups", choices({{"agency", "Theo cơ quan"}, {"field", "Theo lĩnh vực"}, {"procedure", "Theo thủ tục"}},
                                query.grouping));
        std::vector<std::pair<std::string, std::string>> tables;
        try {
            for (const auto& t : reports.scoringTables(user)) tables.emplace_back(t.code, t.name);
            const auto result = reports.report06a(user, query);
            const auto index = reports.index(user, query, table);
            const auto trend = reports.monthlyTrend(user, result.agency_code, result.report.period.year());
            d.set("ok", true);
            d.set("agency_name", result.agency_name);
            d.set("agency_code", result.agency_code);
            d.set("period_label", result.report.period.label());
            d.set("period_caption", service::periodCaption(result.report.period));
            // Two header rows as on the form: the column groups spanning their columns, then the names.
            Data groups{Data::type::list};
            Data header{Data::type::list};
            const auto& columns = service::report06aColumns();
            for (std::size_t i = 0; i < columns.size();) {
                std::size_t end = i;
                while (end + 1 < columns.size() && columns[end + 1].group == columns[i].group) ++end;
                if (columns[i].group.empty()) {
                    for (std::size_t k = i; k <= end; ++k) {
                        Data g;
                        g.set("name", k == 2 ? std::string("Tên") : columns[k].name);
                        g.set("rowspan", true);
                        groups.push_back(g);
                    }
                } else {
                    Data g;
                    g.set("name", columns[i].group);
                    g.set("span", std::to_string(end - i + 1));
                    groups.push_back(g);
                    for (std::size_t k = i; k <= end; ++k) header.push_back(Data(columns[k].name));
                }
                i = end + 1;
            }
            d.set("groups_header", groups);
            d.set("header", header);
            d.set("rows", tableRows(result));
            const auto bars = onTimeBars(result);
            d.set("bars", bars);
            d.set("bars_height", std::to_string(22 * static_cast<int>(bars.list_value().size()) + 4));
            d.set("trend", trendBars(trend));
            d.set("trend_year", std::to_string(result.report.period.year()));
            d.set("criteria", criteriaRows(index, domain::hasPermission(user.role, domain::Permission::ReadDossiers)));
            d.set("table_name", index.table_name);
            d.set("points", number(index.points));
            d.set("max_points", number(index.max_points));
            const std::string base = "/api/v1/reports/06a?period=" + encode(query.period) + "&agency=" +
                                     encode(result.agency_code) + "&group=" + encode(query.grouping);
            d.set("csv_href", base + "&format=csv");
            d.set("xlsx_href", base + "&format=xlsx");
        } catch (const Error& e) {
            if (e.code() != ErrorCode::InvalidArgument && e.code() != ErrorCode::NotFound) throw;
            d.set("error", e.userMessage());
            for (const auto& f : e.fieldErrors()) d.set("error", f.message_vi);
        }
        d.set("tables", choices(tables, table));
        return web.page(request, user, "Thống kê, chỉ số", "pages/report", d, d.get("error") ? 422 : 200);
    }, web.errorRenderer());
}

}  // namespace motcua::web
