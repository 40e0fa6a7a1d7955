#include "http/server.h"

#include "common/log.h"
#include "domain/core/error.h"
#include "http/error_mapping.h"
#include "http/session_authenticator.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <istream>
#include <optional>
#include <string>

namespace motcua::http {
namespace {

std::atomic<std::uint64_t> g_request_counter{0};

std::string newRequestId() {
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%06llx-%llu", static_cast<unsigned long long>(now) & 0xffffffULL,
                  static_cast<unsigned long long>(++g_request_counter));
    return buf;
}

Response renderError(const Router::Match& match, const Request& request, int status, const std::string& code,
                     const std::string& message) {
    if (match.on_error != nullptr) return (*match.on_error)(status, code, message, request);
    return jsonError(status, code, message, request.request_id);
}

/// A body sent to the API must say what it is: JSON, or CSV for the catalog imports. A form
/// or a file sent by mistake is turned away before it is read as something else.
std::optional<Response> refuseMediaType(const Request& request) {
    if (request.body.empty() || !isUnsafeMethod(request.method) || request.path.rfind("/api/", 0) != 0) {
        return std::nullopt;
    }
    std::string type = request.header("Content-Type").value_or("");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (auto& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool csv = request.path.size() > 4 && request.path.compare(request.path.size() - 4, 4, "/csv") == 0;
    const bool fits = csv ? type == "text/csv" || type == "text/plain" : type == "application/json";
    if (fits) return std::nullopt;
    const std::string want = csv ? "text/csv" : "application/json";
    return jsonError(415, "unsupported_media_type",
                     "Dữ liệu gửi lên phải có Content-Type: " + want + (type.empty() ? " (yêu cầu không ghi Content-Type)." :
                                                                    " (yêu cầu ghi “" + type.substr(0, 60) + "”)."),
                     request.request_id);
}

/// Reads at most `limit` bytes of body; returns false if the body is larger. An oversized body
/// is still read and discarded up to 16 × limit, so the client, still sending, gets the 413
/// instead of a reset connection.
bool readBody(Poco::Net::HTTPServerRequest& raw, std::size_t limit, std::string& out) {
    std::istream& in = raw.stream();
    char buf[8192];
    std::size_t total = 0;
    bool too_large = raw.hasContentLength() && raw.getContentLength64() > static_cast<Poco::Int64>(limit);
    while (in && total <= 16 * limit) {
        in.read(buf, sizeof buf);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        total += got;
        if (total > limit) too_large = true;
        if (!too_large) out.append(buf, got);
    }
    if (too_large) out.clear();
    return !too_large;
}

class DispatchHandler : public Poco::Net::HTTPRequestHandler {
public:
    DispatchHandler(const Router& router, std::size_t max_body) : router_(router), max_body_(max_body) {}

    void handleRequest(Poco::Net::HTTPServerRequest& raw, Poco::Net::HTTPServerResponse& out) override {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        request.raw = &raw;
        request.method = raw.getMethod();
        const std::string& uri = raw.getURI();
        const auto q = uri.find('?');
        request.path = uri.substr(0, q);
        if (q != std::string::npos) request.query = uri.substr(q + 1);
        request.query_params = parseQuery(request.query);
        request.request_id = newRequestId();
        request.remote_address = raw.clientAddress().host().toString();

        Response response;
        if (!readBody(raw, max_body_, request.body)) {
            response = jsonError(413, "payload_too_large",
                                 "Dữ liệu gửi lên quá lớn (tối đa " + std::to_string(max_body_ / 1024) + " KB).",
                                 request.request_id);
            response.headers.emplace_back("Connection", "close");
        } else {
            response = dispatch(router_, request);
        }
        send(out, request, response);
        const auto micros =
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
        log::info("http.request", {{"id", request.request_id},
                                   {"method", request.method},
                                   {"path", request.path},
                                   {"status", std::to_string(response.status)},
                                   {"ms", std::to_string(static_cast<double>(micros) / 1000.0)}});
    }

private:
    static void send(Poco::Net::HTTPServerResponse& out, const Request& request, const Response& response) {
        if (out.sent()) return;
        out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
        out.setContentType(response.content_type);
        out.set("X-Request-Id", request.request_id);
        out.set("X-Content-Type-Options", "nosniff");
        for (const auto& [name, value] : response.headers) {
            if (name == "Set-Cookie") {
                out.add(name, value);
            } else {
                out.set(name, value);
            }
        }
        out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
        std::ostream& stream = out.send();
        if (request.method != "HEAD") stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    }

    const Router& router_;
    std::size_t max_body_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Factory(const Router& router, std::size_t max_body) : router_(router), max_body_(max_body) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new DispatchHandler(router_, max_body_);  // Poco takes ownership.
    }

private:
    const Router& router_;
    std::size_t max_body_;
};

}  // namespace

Response dispatch(const Router& router, Request& request) {
    Router::Match match = router.match(request.method, request.path);
    if (match.handler == nullptr) {
        if (match.path_known) {
            std::string allow;
            for (const auto& method : match.allowed) allow += (allow.empty() ? "" : ", ") + method;
            Response response = renderError(match, request, 405, "method_not_allowed",
                                            "Phương thức " + request.method.substr(0, 16) +
                                                " không dùng được cho địa chỉ này; dùng " + allow + ".");
            response.headers.emplace_back("Allow", allow);
            return response;
        }
        return renderError(match, request, 404, "not_found", "Không tìm thấy địa chỉ yêu cầu.");
    }
    request.path_params = std::move(match.params);
    if (auto refused = refuseMediaType(request)) return std::move(*refused);
    // The one try/catch per request (STYLE.md 9.3).
    try {
        return (*match.handler)(request);
    } catch (const Error& e) {
        const int status = httpStatus(e);
        if (status >= 500) {
            log::error("http.error", {{"id", request.request_id}, {"code", std::string(errorCodeName(e.code()))},
                                      {"error", e.what()}});
        }
        if (match.on_error != nullptr) {
            const std::string message = e.code() == ErrorCode::Internal ? "Lỗi hệ thống." : e.userMessage();
            return (*match.on_error)(status, std::string(errorCodeName(e.code())), message, request);
        }
        return Response::json(errorJson(e, request.request_id), status);
    } catch (const std::exception& e) {
        log::error("http.exception", {{"id", request.request_id}, {"error", e.what()}});
        return renderError(match, request, 500, "internal",
                           "Lỗi hệ thống. Vui lòng thử lại; nếu còn lỗi, báo quản trị kèm mã yêu cầu " +
                               request.request_id + ".");
    }
}

Server::Server(const Router& router, ServerSettings settings) {
    try {
        Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(settings.host, static_cast<Poco::UInt16>(settings.port)),
                                       128);
        port_ = socket.address().port();
        auto* params = new Poco::Net::HTTPServerParams;  // HTTPServer takes ownership (AutoPtr).
        params->setMaxThreads(settings.max_threads);
        params->setMaxQueued(settings.max_queued);
        params->setKeepAlive(true);
        params->setKeepAliveTimeout(Poco::Timespan(5, 0));
        params->setMaxKeepAliveRequests(1000);
        pool_ = std::make_unique<Poco::ThreadPool>(2, settings.max_threads);
        server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(router, settings.max_body_bytes), *pool_,
                                                          socket, params);
        server_->start();
    } catch (const Poco::Exception& e) {
        throw Error(ErrorCode::Unavailable,
                    "Không mở được cổng " + std::to_string(settings.port) + " (" + e.displayText() + ").",
                    "bind failed: " + e.displayText());
    }
}

Server::~Server() { stop(); }

void Server::stop() {
    if (stopped_ || !server_) return;
    stopped_ = true;
    server_->stopAll(false);
    pool_->joinAll();
}

}  // namespace motcua::http
