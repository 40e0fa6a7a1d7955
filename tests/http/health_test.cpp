// Contract (issue 2): GET /healthz answers 200 while the database answers and 503 while it
// does not; when the database comes back, motcua recovers by itself (new connection,
// re-prepared statements, one retry) without a restart and without crashing.

#include "app/config.h"
#include "domain/core/error.h"
#include "app/wiring.h"
#include "http/server.h"
#include "store/database.h"
#include "store/migrator.h"
#include "support/fixed_clock.h"
#include "support/http_client.h"
#include "support/private_mariadb.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

namespace motcua {
namespace {

const date::sys_seconds kNow{std::chrono::seconds{1'790'000'000}};

app::Config configFor(const std::string& url) {
    app::Config config;
    config.db_url = url;
    config.home = test::sourceDir();
    config.db_pool_size = 4;
    return config;
}

int agencyCount(store::Database& db) {
    return db.run([](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare("SELECT COUNT(*) FROM agencies").executeQuery());
        rs->next();
        return rs->getInt(1);
    });
}

TEST(Healthz, AnswersOkWhileTheDatabaseIsUp) {
    test::TestDatabase db;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(db.url().toString());
    app::Wiring wiring(config, clock);
    http::Server server(wiring.router(), http::ServerSettings{"127.0.0.1", 0});
    const auto result = test::httpRequest(server.port(), "GET", "/healthz");
    EXPECT_EQ(result.status, 200);
    EXPECT_NE(result.body.find("\"database\":\"up\""), std::string::npos) << result.body;
}

TEST(Healthz, AnswersServiceUnavailableWhileDatabaseIsDownThenRecovers) {
    test::PrivateMariaDb mariadb;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(mariadb.appUrl());
    app::Wiring wiring(config, clock);
    store::Migrator(wiring.database(), config.migrationsDir()).applyPending(kNow);
    http::Server server(wiring.router(), http::ServerSettings{"127.0.0.1", 0});

    ASSERT_EQ(test::httpRequest(server.port(), "GET", "/healthz").status, 200);
    EXPECT_EQ(agencyCount(wiring.database()), 0);  // prepares a statement on a pooled connection

    mariadb.stop();
    const auto down = test::httpRequest(server.port(), "GET", "/healthz");
    EXPECT_EQ(down.status, 503);
    EXPECT_NE(down.body.find("\"database\":\"down\""), std::string::npos) << down.body;
    EXPECT_THROW(agencyCount(wiring.database()), Error);

    mariadb.start();
    EXPECT_EQ(test::httpRequest(server.port(), "GET", "/healthz").status, 200);
    EXPECT_EQ(agencyCount(wiring.database()), 0);  // the old statement's connection was rebuilt
}

TEST(Healthz, RecoversAfterTheDatabaseIsKilledWithoutWarning) {
    test::PrivateMariaDb mariadb;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(mariadb.appUrl());
    app::Wiring wiring(config, clock);
    store::Migrator(wiring.database(), config.migrationsDir()).applyPending(kNow);
    http::Server server(wiring.router(), http::ServerSettings{"127.0.0.1", 0});
    EXPECT_EQ(agencyCount(wiring.database()), 0);

    mariadb.kill();
    EXPECT_EQ(test::httpRequest(server.port(), "GET", "/healthz").status, 503);
    mariadb.start();
    // Pooled connections still point at the killed server: the first use must reconnect and retry.
    EXPECT_EQ(agencyCount(wiring.database()), 0);
    EXPECT_EQ(test::httpRequest(server.port(), "GET", "/healthz").status, 200);
}

TEST(Router, UnknownPathIs404AndWrongMethodIs405WithVietnameseMessage) {
    test::TestDatabase db;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(db.url().toString());
    app::Wiring wiring(config, clock);
    http::Server server(wiring.router(), http::ServerSettings{"127.0.0.1", 0});
    // A page nobody has is a page; an API address nobody has stays JSON.
    const auto missing = test::httpRequest(server.port(), "GET", "/khong-co");
    EXPECT_EQ(missing.status, 404);
    EXPECT_NE(missing.body.find("Không tìm thấy"), std::string::npos);
    EXPECT_EQ(missing.headers.at("Content-Type").rfind("text/html", 0), 0u) << missing.headers.at("Content-Type");
    EXPECT_NE(missing.body.find("<title>Lỗi"), std::string::npos) << missing.body;
    const auto api = test::httpRequest(server.port(), "GET", "/api/v1/khong-co");
    EXPECT_EQ(api.status, 404);
    EXPECT_EQ(api.headers.at("Content-Type").rfind("application/json", 0), 0u);
    // A wrong method says which ones the address takes.
    const auto wrongMethod = [&](const std::string& method, const std::string& path, const std::string& allow) {
        const auto r = test::httpRequest(server.port(), method, path);
        EXPECT_EQ(r.status, 405);
        EXPECT_EQ(r.headers.at("Allow"), allow);
        EXPECT_NE(r.body.find("Phương thức " + method + " không dùng được cho địa chỉ này; dùng " + allow + "."),
                  std::string::npos)
            << r.body;
    };
    wrongMethod("DELETE", "/healthz", "GET, HEAD");
    wrongMethod("PATCH", "/api/v1/dossiers", "POST, GET, HEAD");
    // The browser's icon request finds one.
    const auto icon = test::httpRequest(server.port(), "GET", "/favicon.ico");
    EXPECT_EQ(icon.status, 301);
    EXPECT_EQ(icon.headers.at("Location"), "/static/favicon.svg");
    const auto svg = test::httpRequest(server.port(), "GET", "/static/favicon.svg");
    EXPECT_EQ(svg.status, 200);
    EXPECT_EQ(svg.headers.at("Content-Type"), "image/svg+xml");
}

TEST(Server, RefusesOversizedBodiesWith413) {
    test::TestDatabase db;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(db.url().toString());
    app::Wiring wiring(config, clock);
    http::ServerSettings settings{"127.0.0.1", 0};
    settings.max_body_bytes = 1024;
    http::Server server(wiring.router(), settings);
    const auto result = test::httpRequest(server.port(), "POST", "/healthz", std::string(4096, 'x'));
    EXPECT_EQ(result.status, 413);
}

}  // namespace
}  // namespace motcua

namespace motcua {
namespace {

TEST(OpenApi, DocumentsEveryApiRoute) {
    test::TestDatabase db;
    test::FixedClock clock(kNow);
    const app::Config config = configFor(db.url().toString());
    app::Wiring wiring(config, clock);
    http::Server server(wiring.router(), http::ServerSettings{"127.0.0.1", 0});
    const auto doc = test::httpRequest(server.port(), "GET", "/api/v1/openapi.yaml");
    ASSERT_EQ(doc.status, 200);
    EXPECT_EQ(doc.body.rfind("openapi: 3.0.3", 0), 0u);
    for (const auto& [method, pattern] : wiring.router().routes()) {
        if (pattern.rfind("/api/v1/", 0) != 0) continue;
        SCOPED_TRACE(method + " " + pattern);
        const auto at = doc.body.find("\n  " + pattern + ":");
        ASSERT_NE(at, std::string::npos);
        std::string lowered = method;
        for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const auto next_path = doc.body.find("\n  /", at + 1);
        const auto section = doc.body.substr(at, next_path - at);
        EXPECT_NE(section.find(lowered + ":"), std::string::npos);
        EXPECT_NE(section.find("'4XX': {$ref: '#/components/responses/Error'}"), std::string::npos) << "client errors listed";
    }
}

}  // namespace
}  // namespace motcua
