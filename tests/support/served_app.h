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
#include <stdexcept>

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

    /// A signed-in API client: the session cookie and the CSRF token.
    struct Login {
        std::string cookie;  ///< "motcua_session=…"
        std::string csrf;
    };

    /// Signs in through POST /api/v1/auth/login; fails the test when it does not succeed.
    Login login(const std::string& username, const std::string& password) {
        const auto r = request("POST", "/api/v1/auth/login",
                               "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        Login out;
        for (const auto& c : r.set_cookies) {
            if (c.rfind("motcua_session=", 0) == 0) out.cookie = c.substr(0, c.find(';'));
        }
        const auto at = r.body.find("\"csrf_token\":\"");
        if (at != std::string::npos) out.csrf = r.body.substr(at + 14, r.body.find('"', at + 14) - at - 14);
        if (r.status != 200 || out.cookie.empty() || out.csrf.empty()) {
            throw std::runtime_error("login of " + username + " failed: " + std::to_string(r.status) + " " + r.body);
        }
        return out;
    }

    /// Sends a request as the signed-in user `who`.
    HttpResult as(const Login& who, const std::string& method, const std::string& path, const std::string& body = "",
                  std::vector<std::pair<std::string, std::string>> headers = {}) {
        headers.emplace_back("Cookie", who.cookie);
        headers.emplace_back("X-CSRF-Token", who.csrf);
        return request(method, path, body, headers);
    }

    TestDatabase db;
    FixedClock clock;
    app::Config config;
    std::unique_ptr<app::Wiring> wiring;
    std::unique_ptr<http::Server> server;
};

}  // namespace motcua::test
