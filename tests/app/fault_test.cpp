// Contract (issue 7): motcua does not lose or half-write data under faults.
// - kill -9 of the server during a burst of intakes: every intake that got a 201 is in the
//   database with its audit events, and the daily codes have no duplicate and no gap;
// - MariaDB restarted mid-load: requests answer 201 or 503 (never another 5xx), then recover;
// - a read-only database and a full tablespace: 503 with a Vietnamese message saying nothing
//   was written, and indeed nothing was written;
// - two officers changing one dossier at once: exactly one wins, the other gets 409, and the
//   audit trail holds exactly one event for the change.
// The server under test is the real `motcua serve` (for kill -9) or the real wiring in-process,
// on databases loaded with `motcua migrate` and `motcua demo load`.

#include "app/config.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "http/server.h"
#include "service/stats_records.h"
#include "store/database.h"
#include "store/db_url.h"
#include "support/fixed_clock.h"
#include "support/dossier_checks.h"
#include "support/http_client.h"
#include "support/motcua_process.h"
#include "support/private_mariadb.h"
#include "support/test_database.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <map>
#include <mutex>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace motcua {
namespace {

using namespace std::chrono_literals;

constexpr const char* kDemoPassword = "motcua2026";

/// A direct intake of the demo procedure 2.000488 (Sở Tư pháp) at the desk.
std::string intakeBody(int n) {
    return R"({"procedure_code":"2.000488","channel":"direct","result_delivery":"desk",)"
           R"("applicant":{"kind":"individual","name":"Người nộp số )" +
           std::to_string(n) +
           R"(","id_number":"038090001234","phone":"0912345678","address":"12 Lê Lợi"},)"
           R"("documents":[{"name":"Tờ khai","kind":"original","count":1}]})";
}

std::string jsonValue(const std::string& json, const std::string& key) {
    const std::string needle = "\"" + key + "\":";
    auto at = json.find(needle);
    if (at == std::string::npos) return "";
    at += needle.size();
    if (json[at] == '"') return json.substr(at + 1, json.find('"', at + 1) - at - 1);
    return json.substr(at, json.find_first_of(",}", at) - at);
}

/// Runs the motcua binary against `db_url`; fails the test on a non-zero exit.
void runMotcua(const std::string& db_url, const std::string& args) {
    const std::string command =
        "env MOTCUA_DB_URL='" + db_url + "' " + MOTCUA_BINARY + " " + args + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

/// A session on a server: cookie and CSRF token.
struct Session {
    int port = 0;
    std::string cookie;
    std::string csrf;

    test::HttpResult send(const std::string& method, const std::string& path, const std::string& body = "") const {
        return test::httpRequest(port, method, path, body, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
    }
};

Session signIn(int port, const std::string& username) {
    const auto r = test::httpRequest(port, "POST", "/api/v1/auth/login",
                                     R"({"username":")" + username + R"(","password":")" + kDemoPassword + "\"}");
    Session session{port, "", jsonValue(r.body, "csrf_token")};
    for (const auto& c : r.set_cookies) {
        if (c.rfind("motcua_session=", 0) == 0) session.cookie = c.substr(0, c.find(';'));
    }
    if (r.status != 200 || session.cookie.empty()) throw std::runtime_error("login failed: " + r.body);
    return session;
}

long long scalar(store::Database& db, const std::string& sql) {
    return db.run([&](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare(sql).executeQuery());
        return rs->next() ? static_cast<long long>(rs->getInt64(1)) : -1LL;
    });
}

/// The counts that must not move when a write is refused.
std::map<std::string, long long> writeCounts(store::Database& db) {
    std::map<std::string, long long> counts;
    for (const char* table : {"dossiers", "dossier_events", "dossier_documents", "dossier_code_sequences",
                              "idempotency_keys"}) {
        counts[table] = scalar(db, std::string("SELECT COUNT(*) FROM ") + table);
    }
    counts["sequence_total"] = scalar(db, "SELECT COALESCE(SUM(last_seq), 0) FROM dossier_code_sequences");
    return counts;
}

/// Sends intakes from `threads` clients until `stop`; collects the codes answered with 201 and
/// every status seen.
struct IntakeBurst {
    std::atomic<bool> stop{false};
    std::atomic<int> created{0};
    std::mutex mutex;
    std::set<std::string> codes;
    std::map<int, int> statuses;
    std::vector<std::thread> clients;

    void start(const Session& session, int threads) {
        for (int t = 0; t < threads; ++t) {
            clients.emplace_back([this, session, t] {
                for (int n = 0; !stop.load(); ++n) {
                    test::HttpResult r;
                    try {
                        r = session.send("POST", "/api/v1/dossiers", intakeBody(t * 100000 + n));
                    } catch (const std::exception&) {
                        std::this_thread::sleep_for(20ms);  // connection refused or reset
                        continue;
                    }
                    std::lock_guard lock(mutex);
                    ++statuses[r.status];
                    if (r.status == 201) {
                        codes.insert(jsonValue(r.body, "code"));
                        ++created;
                    }
                }
            });
        }
    }
    void join() {
        stop = true;
        for (auto& c : clients) c.join();
        clients.clear();
    }
    bool waitForCreated(int target) {
        for (int i = 0; i < 600 && created.load() < target; ++i) std::this_thread::sleep_for(50ms);
        return created.load() >= target;
    }
};

TEST(Fault, KillNineDuringAnIntakeBurstLosesNoAcknowledgedIntakeAndSkipsNoCode) {
    test::TestDatabase db;
    runMotcua(db.url().toString(), "demo load");
    const int port = test::freeLoopbackPort();
    const pid_t child = test::startMotcuaServe(db.url().toString(), port);
    ASSERT_TRUE(test::waitHealthy(port));
    IntakeBurst burst;
    burst.start(signIn(port, "tiepnhan"), 8);
    const bool enough = burst.waitForCreated(150);  // up to 30 s
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    burst.join();
    ASSERT_TRUE(enough) << "the burst did not reach 150 intakes";

    const auto committed = test::checkCommittedDossiers(db.database());
    for (const auto& code : burst.codes) EXPECT_TRUE(committed.count(code)) << code << " was acknowledged but is lost";
    EXPECT_GE(committed.size(), burst.codes.size());
    for (const auto& [code, count] : burst.statuses) EXPECT_EQ(code, 201) << count << " answers with " << code;

    // The counter steps of every committed intake survived the kill, pending or moved; a new
    // server moves the rest into the day counters, which then equal the records.
    const pid_t again = test::startMotcuaServe(db.url().toString(), port);
    ASSERT_TRUE(test::waitHealthy(port));
    long long pending = -1;
    for (int i = 0; i < 100 && pending != 0; ++i) {
        pending = scalar(db.database(), "SELECT COUNT(*) FROM stats_counter_pending");
        if (pending != 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(again, SIGTERM);
    ::waitpid(again, &status, 0);
    EXPECT_EQ(pending, 0) << "serve moves pending steps into the counters within seconds";
    const auto differences = service::verifyDayCounters(db.database());
    EXPECT_TRUE(differences.empty()) << differences.front();
}

/// The real wiring served in-process on a private MariaDB loaded with the demo data.
struct ServedOnPrivate {
    explicit ServedOnPrivate(test::PrivateMariaDb& mariadb) : clock(std::chrono::sys_seconds{1'794'967'200s}) {
        runMotcua(mariadb.appUrl(), "migrate");
        runMotcua(mariadb.appUrl(), "demo load");
        config.db_url = mariadb.appUrl();
        config.home = test::sourceDir();
        config.db_pool_size = 8;
        wiring = std::make_unique<app::Wiring>(config, clock);
        server = std::make_unique<http::Server>(wiring->router(), http::ServerSettings{"127.0.0.1", 0});
    }
    test::FixedClock clock;
    app::Config config;
    std::unique_ptr<app::Wiring> wiring;
    std::unique_ptr<http::Server> server;
};

TEST(Fault, MariaDbRestartMidLoadGives503sThenRecovers) {
    test::PrivateMariaDb mariadb;
    ServedOnPrivate served(mariadb);
    IntakeBurst burst;
    burst.start(signIn(served.server->port(), "tiepnhan"), 4);
    ASSERT_TRUE(burst.waitForCreated(20));
    mariadb.stop();
    std::this_thread::sleep_for(300ms);
    mariadb.start();
    const int before = burst.created.load();
    ASSERT_TRUE(burst.waitForCreated(before + 20)) << "intakes did not resume after the restart";
    burst.join();
    for (const auto& [code, count] : burst.statuses) {
        EXPECT_TRUE(code == 201 || code == 503) << count << " answers with " << code;
    }
    const auto committed = test::checkCommittedDossiers(served.wiring->database());
    for (const auto& code : burst.codes) EXPECT_TRUE(committed.count(code)) << code << " was acknowledged but is lost";
}

void adminSql(const std::string& admin_url, const std::string& sql) {
    store::DatabaseSettings settings;
    settings.url = store::DbUrl::parse(admin_url);
    settings.max_connections = 1;
    store::Database admin(settings);
    admin.run([&](store::Session& s) { s.execute(sql); });
}

TEST(Fault, ReadOnlyDatabaseRefusesWritesClearlyAndWritesNothing) {
    test::PrivateMariaDb mariadb;
    ServedOnPrivate served(mariadb);
    const Session desk = signIn(served.server->port(), "tiepnhan");
    const auto first = desk.send("POST", "/api/v1/dossiers", intakeBody(1));
    ASSERT_EQ(first.status, 201) << first.body;
    const std::string code = jsonValue(first.body, "code");
    const auto before = writeCounts(served.wiring->database());

    adminSql(mariadb.adminUrl(), "SET GLOBAL read_only = 1");
    const auto refused = desk.send("POST", "/api/v1/dossiers", intakeBody(2));
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_NE(refused.body.find("chỉ đọc"), std::string::npos) << refused.body;
    EXPECT_NE(refused.body.find("chưa được ghi"), std::string::npos) << refused.body;
    const auto change = desk.send("POST", "/api/v1/dossiers/" + code + "/transitions",
                                  R"({"command":"start_processing","version":2})");
    EXPECT_EQ(change.status, 503) << change.body;
    // Reading a dossier writes the personal-data access log; when that log cannot be
    // written the read is refused too, with the same clear message, rather than left unlogged.
    const auto unlogged = desk.send("GET", "/api/v1/dossiers/" + code);
    EXPECT_EQ(unlogged.status, 503) << unlogged.body;
    EXPECT_NE(unlogged.body.find("chỉ đọc"), std::string::npos) << unlogged.body;
    EXPECT_EQ(desk.send("GET", "/api/v1/procedures").status, 200) << "reads without personal data keep working";
    EXPECT_EQ(writeCounts(served.wiring->database()), before);

    adminSql(mariadb.adminUrl(), "SET GLOBAL read_only = 0");
    EXPECT_EQ(desk.send("POST", "/api/v1/dossiers", intakeBody(3)).status, 201);
    test::checkCommittedDossiers(served.wiring->database());
}

TEST(Fault, FullTablespaceRefusesIntakeClearlyAndWritesNothing) {
    // A system tablespace capped at 16 MiB holding every table: it fills up like a full disk.
    test::PrivateMariaDb mariadb({"--innodb-data-file-path=ibdata1:12M:autoextend:max:16M", "--innodb-file-per-table=OFF"});
    ServedOnPrivate served(mariadb);
    const Session desk = signIn(served.server->port(), "tiepnhan");
    ASSERT_EQ(desk.send("POST", "/api/v1/dossiers", intakeBody(1)).status, 201);

    store::DatabaseSettings settings;
    settings.url = store::DbUrl::parse(mariadb.appUrl());
    settings.max_connections = 1;
    store::Database filler(settings);
    filler.run([](store::Session& s) {
        s.execute("CREATE TABLE filler (id INT AUTO_INCREMENT PRIMARY KEY, b LONGBLOB) ENGINE=InnoDB");
    });
    // Rows of 60 000 bytes until one no longer fits, then smaller and smaller ones, so that few
    // pages keep room for an intake's small rows.
    const auto fill = [&filler] {
        for (const int size : {60000, 6000, 600, 60}) {
            bool full = false;
            for (int i = 0; i < 4000 && !full; ++i) {
                try {
                    filler.run([size](store::Session& s) {
                        s.execute("INSERT INTO filler (b) VALUES (REPEAT('x', " + std::to_string(size) + "))");
                    });
                } catch (const Error& e) {
                    full = e.code() == ErrorCode::Unavailable;
                    ASSERT_TRUE(full) << e.what();
                }
            }
            ASSERT_TRUE(full) << "the tablespace never filled up with rows of " << size << " bytes";
        }
    };
    fill();
    // An intake whose rows all fit in pages that still had room is stored (rightly); the space it
    // used is filled again. Three in a row must then be refused, each writing nothing.
    int refusals = 0;
    for (int n = 2; n < 30 && refusals < 3; ++n) {
        const auto before = writeCounts(served.wiring->database());
        const auto r = desk.send("POST", "/api/v1/dossiers", intakeBody(n));
        if (r.status == 201) {
            refusals = 0;
            fill();
            continue;
        }
        ++refusals;
        EXPECT_EQ(r.status, 503) << r.body;
        EXPECT_NE(r.body.find("hết dung lượng"), std::string::npos) << r.body;
        EXPECT_EQ(writeCounts(served.wiring->database()), before) << "a refused intake wrote something";
    }
    EXPECT_EQ(refusals, 3) << "the full tablespace kept taking intakes";
    EXPECT_EQ(test::httpRequest(served.server->port(), "GET", "/healthz").status, 200) << "reads keep working";
    test::checkCommittedDossiers(served.wiring->database());
}

TEST(Fault, TwoOfficersChangingOneDossierAtOnceGetOneSuccessAndOne409) {
    test::PrivateMariaDb mariadb;
    ServedOnPrivate served(mariadb);
    const int port = served.server->port();
    const Session desk = signIn(port, "tiepnhan");
    const Session officer = signIn(port, "xuly");
    const Session head = signIn(port, "lanhdao");
    for (int round = 0; round < 10; ++round) {
        const auto created = desk.send("POST", "/api/v1/dossiers", intakeBody(round));
        ASSERT_EQ(created.status, 201) << created.body;
        const std::string code = jsonValue(created.body, "code");
        const auto events_before =
            scalar(served.wiring->database(),
                   "SELECT COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = '" +
                       code + "'");
        // Both send the same change from version 2, as two people on two screens would.
        std::atomic<int> go{0};
        test::HttpResult a, b;
        std::thread ta([&] {
            ++go;
            while (go.load() < 2) {}
            a = officer.send("POST", "/api/v1/dossiers/" + code + "/transitions",
                             R"({"command":"start_processing","version":2})");
        });
        std::thread tb([&] {
            ++go;
            while (go.load() < 2) {}
            b = head.send("POST", "/api/v1/dossiers/" + code + "/transitions",
                          R"({"command":"start_processing","version":2})");
        });
        ta.join();
        tb.join();
        std::multiset<int> statuses{a.status, b.status};
        EXPECT_EQ(statuses, (std::multiset<int>{200, 409})) << a.body << " | " << b.body;
        const auto events_after =
            scalar(served.wiring->database(),
                   "SELECT COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = '" +
                       code + "'");
        EXPECT_EQ(events_after, events_before + 1);
        EXPECT_EQ(jsonValue(desk.send("GET", "/api/v1/dossiers/" + code).body, "version"), "3");
    }
}

}  // namespace
}  // namespace motcua
