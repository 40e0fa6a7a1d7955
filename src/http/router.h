#pragma once
/// Routing of (method, path pattern) to handlers, and the request/response values
/// handlers see. Patterns are literal segments and `{name}` placeholders.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Poco::Net {
class HTTPServerRequest;
}

namespace motcua::http {

/// What a handler receives: the parsed request, already read in full.
struct Request {
    std::string method;
    std::string path;
    std::string query;
    std::map<std::string, std::string> path_params;
    std::vector<std::pair<std::string, std::string>> query_params;
    std::string body;
    std::string request_id;
    std::string remote_address;
    const Poco::Net::HTTPServerRequest* raw = nullptr;

    /// Returns the header value, if present (case-insensitive name).
    std::optional<std::string> header(std::string_view name) const;
    /// Returns the first query parameter of that name, if present.
    std::optional<std::string> queryParam(std::string_view name) const;
    /// Returns the path parameter; throws Error(Internal) if the route has none of that name.
    const std::string& param(std::string_view name) const;
};

/// What a handler returns.
struct Response {
    int status = 200;
    std::string content_type = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    /// Returns a JSON response with `status`.
    static Response json(std::string body, int status = 200);
    /// Returns an HTML response with `status`.
    static Response html(std::string body, int status = 200);
};

using Handler = std::function<Response(Request&)>;

/// How errors thrown by a route's handler are rendered (JSON for the API, HTML for pages).
using ErrorRenderer = std::function<Response(int status, const std::string& code, const std::string& message_vi,
                                             const Request& request)>;

/// A route table; built once at start-up, then read-only (safe from many threads).
class Router {
public:
    /// Adds a route; `pattern` like "/api/v1/dossiers/{code}". Later routes never shadow earlier ones.
    void add(std::string method, std::string pattern, Handler handler, ErrorRenderer on_error = nullptr);

    /// Result of matching a request line.
    struct Match {
        const Handler* handler = nullptr;
        const ErrorRenderer* on_error = nullptr;
        std::map<std::string, std::string> params;
        bool path_known = false;  ///< some route has this path, maybe with another method (405)
        std::vector<std::string> allowed;  ///< the methods the path has, for a 405's Allow header
    };

    /// Sets the renderer of errors on a path no route has, outside `api_prefix` (a page a
    /// browser asked for gets an HTML page, not JSON).
    void setPageFallback(ErrorRenderer on_error, std::string api_prefix);

    /// Returns every (method, pattern) registered, in order (for documentation checks).
    std::vector<std::pair<std::string, std::string>> routes() const;

    /// Finds the route for `method` and `path`.
    Match match(std::string_view method, std::string_view path) const;

private:
    struct Route {
        std::string method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        ErrorRenderer on_error;
    };
    std::vector<Route> routes_;
    ErrorRenderer page_fallback_;
    std::string api_prefix_;
};

/// Splits "/a/b/c" into {"a","b","c"}, percent-decoding each segment.
std::vector<std::string> splitPath(std::string_view path);

/// Parses an application/x-www-form-urlencoded or query string into pairs (order kept).
std::vector<std::pair<std::string, std::string>> parseQuery(std::string_view query);

}  // namespace motcua::http
