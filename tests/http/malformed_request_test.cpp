// Contract (issue 7): a bounded HTTP fuzz run against a live server. Malformed request lines,
// headers, bodies and JSON, hand-written and randomly mutated from valid requests, never crash
// motcua and never get a 5xx: a client's mistake is a 4xx (or the connection is closed), and the
// server keeps answering afterwards. The seed is fixed so a failure replays; MOTCUA_FUZZ_SEED
// and MOTCUA_FUZZ_REQUESTS widen the run.

#include "support/dossier_fixture.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace motcua {
namespace {

/// Sends raw bytes, half-closes, and returns the status code of the answer (0: closed or
/// timed out without one).
int sendRaw(int port, const std::string& bytes) {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)), Poco::Timespan(2, 0));
    socket.setReceiveTimeout(Poco::Timespan(3, 0));
    std::size_t sent = 0;
    try {
        while (sent < bytes.size()) {
            const int n = socket.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
            if (n <= 0) break;
            sent += static_cast<std::size_t>(n);
        }
        socket.shutdownSend();
    } catch (const Poco::Exception&) {
        return 0;  // the server closed early (e.g. refused an oversized header): not a crash
    }
    std::string answer;
    char buffer[4096];
    try {
        while (answer.size() < 12) {
            const int n = socket.receiveBytes(buffer, sizeof buffer);
            if (n <= 0) break;
            answer.append(buffer, static_cast<std::size_t>(n));
        }
    } catch (const Poco::Exception&) {
    }
    if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
    return std::atoi(answer.substr(9, 3).c_str());
}

std::string request(const std::string& method, const std::string& path, const std::string& body,
                    const std::string& extra_headers) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extra_headers +
           "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

class MalformedRequests : public test::DossierFixture {
protected:
    std::string auth(const test::ServedApp::Login& who) {
        return "Cookie: " + who.cookie + "\r\nX-CSRF-Token: " + who.csrf + "\r\n";
    }
    int port() { return app.server->port(); }
    void expectNo5xx(const std::string& bytes) {
        const int status = sendRaw(port(), bytes);
        EXPECT_TRUE(status == 0 || (status >= 400 && status < 500) || (status >= 200 && status < 400))
            << "status " << status << " for:\n" << bytes.substr(0, 400);
        EXPECT_LT(status, 500) << bytes.substr(0, 400);
    }
    void expectAlive() {
        const auto health = app.request("GET", "/healthz");
        ASSERT_EQ(health.status, 200) << "the server stopped answering";
    }
};

TEST_F(MalformedRequests, HandWrittenMalformedRequestsGet4xxNever5xx) {
    const std::string desk_auth = auth(desk);
    const std::vector<std::string> cases = {
        "\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GET /api/v1/dossiers/%zz%ff HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/dossiers?page=-1&page_size=999999999999 HTTP/1.1\r\nHost: x\r\n" + desk_auth + "\r\n",
        "GET /api/v1/dossiers?from=2026-02-30&to=x HTTP/1.1\r\nHost: x\r\n" + desk_auth + "\r\n",
        "GET /api/v1/calendar/deadline?received=%00&duration=%ff HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/calendar/99999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nNoColonHeader\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(200000, 'a') + "\r\n\r\n",
        "GET /" + std::string(100000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n" + desk_auth + "\r\n{}",
        "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n" + desk_auth + "\r\n{}",
        "POST /api/v1/dossiers HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" + desk_auth +
            "\r\nzz\r\n{}\r\n0\r\n\r\n",
        request("POST", "/api/v1/dossiers", std::string(100000, '['), desk_auth),
        request("POST", "/api/v1/dossiers", "{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}", desk_auth),
        request("POST", "/api/v1/dossiers", "{\"procedure_code\":1e999999}", desk_auth),
        request("POST", "/api/v1/dossiers", "{\"applicant\":\"\xc3\x28\"}", desk_auth),
        request("POST", "/api/v1/dossiers", std::string("{\"a\":\"\0\"}", 9), desk_auth),
        request("POST", "/api/v1/dossiers", intakeBody().substr(0, 100), desk_auth),
        request("POST", "/api/v1/dossiers", intakeBody("\\ud800"), desk_auth),
        request("POST", "/api/v1/dossiers/%00/transitions", "{\"command\":\"resolve\",\"version\":1}", desk_auth),
        request("POST", "/api/v1/dossiers/X/transitions", "{\"command\":[],\"version\":\"x\"}", desk_auth),
        request("POST", "/api/v1/dossiers/X/apology", "{\"new_due_at\":\"9999-99-99T99:99:99+99:99\"}", auth(head)),
        request("POST", "/api/v1/auth/login", "{\"username\":{},\"password\":[]}", ""),
        request("POST", "/api/v1/procedures", "{\"code\":\"1.1\",\"duration\":\"99999999999d\"}", auth(admin)),
        request("POST", "/api/v1/catalog/procedures/csv", "\xef\xbb\xbf\"unterminated", auth(admin)),
        request("PUT", "/api/v1/agencies/000.00.06.H56/working-hours", "{\"sessions\":[[\"25:00\",\"07:00\"]]}",
                auth(admin)),
        request("POST", "/dang-nhap", "username=%&password=%zz&_csrf=", ""),
    };
    for (const auto& bytes : cases) expectNo5xx(bytes);
    expectAlive();
}

/// Applies one random byte-level mutation.
void mutate(std::string& s, std::mt19937& rng) {
    static const std::vector<std::string> tokens = {"\r\n", "\"", "\\", "{", "}", "[", "]", ":", ",", "%", "%00", "\xff",
                                                    "\xc3", "\xe2\x80", "-1", "1e308", "null", "true", "''", "\0"};
    std::uniform_int_distribution<int> kind(0, 4);
    if (s.empty()) s = "x";
    std::uniform_int_distribution<std::size_t> pos(0, s.size() - 1);
    switch (kind(rng)) {
        case 0: s[pos(rng)] = static_cast<char>(rng() & 0xff); break;
        case 1: s.erase(pos(rng), 1 + rng() % 8); break;
        case 2: s.insert(pos(rng), tokens[rng() % tokens.size()]); break;
        case 3: {
            const auto at = pos(rng);
            s.insert(at, s.substr(at, 1 + rng() % 32));
            break;
        }
        default: s.resize(pos(rng)); break;
    }
}

TEST_F(MalformedRequests, RandomlyMutatedRequestsNeverGet5xx) {
    const char* seed_env = std::getenv("MOTCUA_FUZZ_SEED");
    const char* count_env = std::getenv("MOTCUA_FUZZ_REQUESTS");
    const unsigned seed = seed_env ? static_cast<unsigned>(std::strtoul(seed_env, nullptr, 10)) : 20261122u;
    const int count = count_env ? std::atoi(count_env) : 300;
    SCOPED_TRACE("MOTCUA_FUZZ_SEED=" + std::to_string(seed));
    std::mt19937 rng(seed);
    const std::string code = test::jsonString(app.as(desk, "POST", "/api/v1/dossiers", intakeBody()).body, "code");
    ASSERT_FALSE(code.empty());
    const std::vector<std::string> seeds = {
        request("POST", "/api/v1/dossiers", intakeBody(), auth(desk)),
        request("POST", "/api/v1/dossiers/" + code + "/transitions", R"({"command":"start_processing","version":2})",
                auth(officer)),
        request("POST", "/api/v1/dossiers/" + code + "/apology",
                R"({"version":2,"reason":"Chậm","new_due_at":"2026-12-20T09:00:00+07:00"})", auth(head)),
        request("GET", "/api/v1/dossiers?status=received&due=overdue&from=2026-01-01&text=Ph%E1%BA%A1m&page=2", "",
                auth(desk)),
        request("GET", "/api/v1/calendar/deadline?received=2026-02-13T16:30:00%2B07:00&duration=5d", "", ""),
        request("POST", "/api/v1/auth/login", R"({"username":"tiepnhan","password":"sai"})", ""),
        request("POST", "/api/v1/procedures",
                R"({"code":"1.009999","name":"Thủ tục thử","field_code":"LLTP","duration":"3d","online_level":"partial"})",
                auth(admin)),
    };
    for (int i = 0; i < count; ++i) {
        std::string bytes = seeds[rng() % seeds.size()];
        const int mutations = 1 + static_cast<int>(rng() % 6);
        for (int m = 0; m < mutations; ++m) mutate(bytes, rng);
        SCOPED_TRACE("request " + std::to_string(i));
        expectNo5xx(bytes);
    }
    expectAlive();
    EXPECT_EQ(app.as(desk, "GET", "/api/v1/dossiers/" + code).status, 200);
}

}  // namespace
}  // namespace motcua
