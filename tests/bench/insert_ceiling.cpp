/// The raw one-insert-per-request ceiling that intake is measured against: a Poco HTTP server
/// with motcua's server settings (thread pool, keep-alive) whose every POST runs one autocommit,
/// prepared single-row INSERT of a dossier row into `bench_raw` (created LIKE dossiers) on a
/// connection of its own thread, and answers 201. Nothing else: no session, no JSON, no deadline.
///
///   insert_ceiling PORT mysql://user:password@host:port/database [THREADS]
///
/// tests/bench/province.sh runs it against the bench database and drives it with wrk exactly as
/// it drives intake. It stops on SIGINT/SIGTERM.

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <regex>
#include <string>
#include <thread>

namespace {

struct Target {
    std::string host, user, password, schema;
};

Target parseUrl(const std::string& url) {
    static const std::regex pattern(R"(mysql://([^:@/]+):([^@/]*)@([^/]+)/(\w+))");
    std::smatch m;
    if (!std::regex_match(url, m, pattern)) throw std::runtime_error("bad database URL: " + url);
    return Target{"tcp://" + m[3].str(), m[1].str(), m[2].str(), m[4].str()};
}

constexpr const char* kInsert =
    "INSERT INTO bench_raw (code, receiving_agency_id, handling_agency_id, procedure_id, status, is_open, channel,"
    " result_delivery, applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_email,"
    " applicant_address, submitted_at, received_at, original_due_at, current_due_at, version, created_at, updated_at)"
    " VALUES (NULL, 2, 2, 1, 'received', 1, 'direct', 'desk', 'individual', ?, ?, ?, '', ?, UTC_TIMESTAMP(3),"
    " UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), UTC_TIMESTAMP(3), 2, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))";

/// One connection and one prepared statement per server thread, as in a tuned application.
struct ThreadDb {
    std::unique_ptr<sql::Connection> connection;
    std::unique_ptr<sql::PreparedStatement> insert;
};

Target g_target;
std::atomic<long> g_failures{0};

ThreadDb& threadDb() {
    thread_local ThreadDb db;
    if (!db.connection) {
        sql::ConnectOptionsMap options;
        options["hostName"] = g_target.host;
        options["userName"] = g_target.user;
        options["password"] = g_target.password;
        options["schema"] = g_target.schema;
        options["OPT_CHARSET_NAME"] = "utf8mb4";
        options["OPT_RECONNECT"] = false;
        db.connection.reset(get_driver_instance()->connect(options));
        db.insert.reset(db.connection->prepareStatement(kInsert));
    }
    return db;
}

class InsertHandler : public Poco::Net::HTTPRequestHandler {
public:
    void handleRequest(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response) override {
        std::string body;
        char buf[8192];
        while (request.stream().read(buf, sizeof buf) || request.stream().gcount() > 0) {
            body.append(buf, static_cast<std::size_t>(request.stream().gcount()));
        }
        std::string answer = "{\"ok\":true}";
        try {
            auto& db = threadDb();
            db.insert->setString(1, "Nguyễn Văn Tải");
            db.insert->setString(2, "038090001234");
            db.insert->setString(3, "0912345678");
            db.insert->setString(4, "12 Lê Lợi");
            db.insert->executeUpdate();
            response.setStatus(Poco::Net::HTTPResponse::HTTP_CREATED);
        } catch (const sql::SQLException& e) {
            ++g_failures;
            answer = "{\"error\":\"database\"}";
            response.setStatus(Poco::Net::HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
        }
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength64(static_cast<Poco::Int64>(answer.size()));
        response.send() << answer;
    }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new InsertHandler;
    }
};

std::atomic<bool> g_stop{false};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: insert_ceiling PORT mysql://user:password@host:port/database [THREADS]\n";
        return 64;
    }
    try {
        g_target = parseUrl(argv[2]);
        get_driver_instance();  // not thread-safe on first use
        const int threads = argc > 3 ? std::stoi(argv[3]) : 64;  // motcua serve's default http.threads
        auto* params = new Poco::Net::HTTPServerParams;
        params->setMaxThreads(threads);
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(5, 0));
        params->setMaxKeepAliveRequests(1000);
        Poco::ThreadPool pool(2, threads);
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(std::stoi(argv[1]))),
                                       128);
        Poco::Net::HTTPServer server(new Factory, pool, socket, params);
        std::signal(SIGINT, [](int) { g_stop = true; });
        std::signal(SIGTERM, [](int) { g_stop = true; });
        server.start();
        std::cout << "insert_ceiling listening on " << argv[1] << std::endl;
        while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        server.stopAll(true);
        pool.joinAll();
        std::cout << "failures " << g_failures.load() << std::endl;
        return g_failures.load() == 0 ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "insert_ceiling: " << e.what() << "\n";
        return 70;
    }
}
