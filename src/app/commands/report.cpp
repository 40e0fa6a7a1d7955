#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "http/json.h"
#include "http/report_api.h"
#include "service/catalog_service.h"
#include "service/report_export.h"
#include "service/report_service.h"

#include <fstream>
#include <iostream>

namespace motcua::app {
namespace {

/// The command line acts for the operator who holds the database URL: an administrator.
domain::Principal operatorPrincipal(service::CatalogService& catalog) {
    domain::Principal p;
    p.username = "motcua-report";
    p.full_name = "Dòng lệnh motcua report";
    p.role = domain::Role::Admin;
    for (const auto& entry : catalog.agencies()) {
        if (!entry.parent_code) {
            p.agency_id = entry.agency.id.value;
            p.agency_code = entry.agency.code;
            break;
        }
    }
    return p;
}

void writeOut(const std::string& bytes, const std::optional<std::string>& output) {
    if (!output) {
        std::cout << bytes;
        return;
    }
    std::ofstream out(*output, std::ios::binary);
    out << bytes;
    if (!out) {
        throw Error(ErrorCode::InvalidArgument, "Không ghi được tệp " + *output + ".", "cannot write " + *output,
                    "output");
    }
}

}  // namespace

// motcua report --period P [--agency CODE] [--group G] [--format json|csv|xlsx] [--output FILE]
// motcua report --verify | --rebuild
int runReport(CommandContext& context) {
    SystemClock clock;
    Wiring wiring(context.config, clock);
    auto& reports = wiring.reports();
    auto progress = [](std::int64_t done) {
        if (done % 100'000 < 2'000) std::cerr << "motcua report: " << done << " hồ sơ\n";
    };
    if (context.option("verify")) {
        const auto result = reports.verify(progress);
        for (const auto& line : result.differences) std::cout << line << "\n";
        std::cout << "motcua report --verify: " << result.dossiers << " hồ sơ, " << result.differences.size()
                  << " khác biệt giữa số liệu thống kê và nhật ký hồ sơ.\n";
        return result.differences.empty() ? kExitOk : kExitDataError;
    }
    if (context.option("rebuild")) {
        const auto written = reports.rebuild(progress);
        std::cout << "motcua report --rebuild: đã dựng lại " << written << " bản ghi thống kê từ nhật ký hồ sơ.\n";
        return kExitOk;
    }
    service::ReportQuery query;
    query.period = context.requireOption("period");
    query.agency_code = context.option("agency");
    query.grouping = context.option("group").value_or("agency");
    query.attribution = context.option("attribution").value_or("receiving");
    const auto result = reports.report06a(operatorPrincipal(wiring.catalog()), query);
    const auto format = context.option("format").value_or("json");
    if (format == "json") {
        writeOut(http::stringify(http::report06aJson(result)) + "\n", context.option("output"));
    } else if (format == "csv") {
        writeOut(service::report06aCsv(result), context.option("output"));
    } else if (format == "xlsx") {
        if (!context.option("output")) {
            throw Error(ErrorCode::InvalidArgument, "Tệp Excel cần --output TỆP.xlsx.", "xlsx without --output",
                        "output");
        }
        writeOut(service::report06aXlsx(result), context.option("output"));
    } else {
        throw Error(ErrorCode::InvalidArgument, "--format phải là json, csv hoặc xlsx.", "bad --format", "format");
    }
    return kExitOk;
}

}  // namespace motcua::app
