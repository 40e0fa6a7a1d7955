#pragma once
/// The whole motcua wiring (router, services, database pool) on a fresh test database,
/// served on a free loopback port: what API and page tests talk to.

#include "app/config.h"
#include "app/wiring.h"
#include "http/server.h"
#include "support/fixed_clock.h"
#include "support/http_client.h"
#include "support/test_database.h"

#include <memory>

namespace motcua::test {

class ServedApp {
public:
    /// Builds the wiring at `now`; `prepare` runs on the database before the wiring is built.
    explicit ServedApp(date::sys_seconds now, const std::function<void(TestDatabase&)>& prepare = {}) : clock(now) {
        if (prepare) prepare(db);
        config.db_url = db.url().toString();
        config.home = sourceDir();
        wiring = std::make_unique<app::Wiring>(config, clock);
        server = std::make_unique<http::Server>(wiring->router(), http::ServerSettings{"127.0.0.1", 0});
    }

    /// Sends a request to the served app.
    HttpResult request(const std::string& method, const std::string& path, const std::string& body = "",
                       const std::vector<std::pair<std::string, std::string>>& headers = {}) {
        return httpRequest(server->port(), method, path, body, headers);
    }

    TestDatabase db;
    FixedClock clock;
    app::Config config;
    std::unique_ptr<app::Wiring> wiring;
    std::unique_ptr<http::Server> server;
};

}  // namespace motcua::test
