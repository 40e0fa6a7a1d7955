// Contract (issue 6): `motcua report` prints Biểu 06a as JSON or CSV and writes XLSX to a file;
// `motcua report --verify` exits 0 while the statistics records equal a recomputation from the
// audit trail, and 65 naming the dossier when one does not; `--rebuild` repairs it.

#include "support/dossier_fixture.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

namespace motcua {
namespace {

struct Run {
    int exit_code = -1;
    std::string output;
};

Run runMotcua(const std::string& db_url, const std::string& args) {
    const std::string command = "env MOTCUA_DB_URL='" + db_url + "' " + MOTCUA_BINARY + " " + args + " 2>/dev/null";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return run;
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.output.append(buffer.data(), n);
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

class ReportCommand : public test::DossierFixture {};

TEST_F(ReportCommand, PrintsExportsVerifiesAndRebuilds) {
    const auto created = app.as(desk, "POST", "/api/v1/dossiers", intakeBody());
    ASSERT_EQ(created.status, 201);
    const std::string code = test::jsonString(created.body, "code");
    const std::string url = app.db.url().toString();

    const auto json = runMotcua(url, "report --period 2026-M12 --agency 000.00.06.H56");
    EXPECT_EQ(json.exit_code, 0);
    EXPECT_NE(json.output.find("\"received\":{\"total\":1,\"online\":0,\"direct_and_postal\":1"), std::string::npos)
        << json.output;
    const auto csv = runMotcua(url, "report --period 2026-M12 --agency 000.00.06.H56 --format csv");
    EXPECT_EQ(csv.exit_code, 0);
    EXPECT_EQ(csv.output.rfind("\xEF\xBB\xBF", 0), 0u);
    const auto file = std::filesystem::temp_directory_path() / ("motcua-06a-" + std::to_string(::getpid()) + ".xlsx");
    EXPECT_EQ(runMotcua(url, "report --period 2026-M12 --format xlsx --output " + file.string()).exit_code, 0);
    std::ifstream in(file, std::ios::binary);
    std::string magic(2, '\0');
    in.read(magic.data(), 2);
    EXPECT_EQ(magic, "PK");
    std::filesystem::remove(file);
    EXPECT_EQ(runMotcua(url, "report --period 2026-Q9").exit_code, 64) << "a bad period is a usage error";

    EXPECT_EQ(runMotcua(url, "report --verify").exit_code, 0);
    app.db.database().run([&](store::Session& s) {
        s.execute("UPDATE dossier_stats SET supplement_count = 7");
    });
    const auto broken = runMotcua(url, "report --verify");
    EXPECT_EQ(broken.exit_code, 65);
    EXPECT_NE(broken.output.find(code), std::string::npos) << broken.output;
    EXPECT_EQ(runMotcua(url, "report --rebuild").exit_code, 0);
    EXPECT_EQ(runMotcua(url, "report --verify").exit_code, 0);

    // The day counters are checked too.
    app.db.database().run([&](store::Session& s) {
        s.execute("UPDATE stats_day_counters SET received_total = received_total + 1 WHERE grain = 'D' LIMIT 1");
    });
    const auto counters = runMotcua(url, "report --verify");
    EXPECT_EQ(counters.exit_code, 65);
    EXPECT_NE(counters.output.find("Bộ đếm theo ngày"), std::string::npos) << counters.output;
    EXPECT_EQ(runMotcua(url, "report --rebuild").exit_code, 0);
    EXPECT_EQ(runMotcua(url, "report --verify").exit_code, 0);
}

}  // namespace
}  // namespace motcua
