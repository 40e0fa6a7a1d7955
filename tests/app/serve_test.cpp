// Contract (issue 2, STYLE.md 9.5–9.6): `motcua serve` refuses to start while migrations are
// pending (exit 78), exits 78 on invalid configuration, and on SIGTERM stops cleanly (exit 0)
// after serving /healthz.

#include "store/migrator.h"
#include "support/http_client.h"
#include "support/motcua_process.h"
#include "support/test_database.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace motcua {
namespace {

/// Runs the motcua binary with extra environment; returns its exit code.
int runMotcua(const std::string& env, const std::string& args) {
    const std::string command = "env " + env + " " + MOTCUA_BINARY + " " + args + " > /dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ServeCommand, RefusesToStartWhileMigrationsArePending) {
    test::TestDatabase db(false);
    EXPECT_EQ(runMotcua("MOTCUA_DB_URL='" + db.url().toString() + "'", "serve"), 78);
}

TEST(ServeCommand, RejectsInvalidConfigurationWithExit78) {
    test::TestDatabase db(true);
    EXPECT_EQ(runMotcua("MOTCUA_DB_URL='not-a-url'", "serve"), 78);
    EXPECT_EQ(runMotcua("MOTCUA_DB_URL='" + db.url().toString() + "' MOTCUA_HTTP_PORT=99999", "serve"), 78);
    EXPECT_EQ(runMotcua("MOTCUA_DB_URL= MOTCUA_HOME=/nonexistent", "migrate"), 78);
}

TEST(MigrateCommand, AppliesPendingMigrationsThenReportsNoneLeft) {
    test::TestDatabase db(false);
    const std::string env = "MOTCUA_DB_URL='" + db.url().toString() + "'";
    EXPECT_EQ(runMotcua(env, "migrate status"), 65);
    EXPECT_EQ(runMotcua(env, "migrate"), 0);
    EXPECT_EQ(runMotcua(env, "migrate status"), 0);
}

TEST(ServeCommand, ServesHealthzAndStopsCleanlyOnSigterm) {
    test::TestDatabase db(true);
    const int port = test::freeLoopbackPort();
    const pid_t child = test::startMotcuaServe(db.url().toString(), port);
    EXPECT_TRUE(test::waitHealthy(port));
    ::kill(child, SIGTERM);
    int wstatus = 0;
    ASSERT_EQ(::waitpid(child, &wstatus, 0), child);
    ASSERT_TRUE(WIFEXITED(wstatus));
    EXPECT_EQ(WEXITSTATUS(wstatus), 0);
}

}  // namespace
}  // namespace motcua
