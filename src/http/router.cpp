#include "http/router.h"

#include "domain/core/error.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/URI.h>

#include <algorithm>

namespace motcua::http {
namespace {

std::string decode(std::string_view text, bool plus_is_space) {
    std::string raw(text);
    if (plus_is_space) {
        for (char& c : raw) {
            if (c == '+') c = ' ';
        }
    }
    std::string out;
    try {
        Poco::URI::decode(raw, out);
    } catch (const Poco::Exception&) {
        return raw;
    }
    return out;
}

}  // namespace

std::optional<std::string> Request::header(std::string_view name) const {
    if (raw == nullptr) return std::nullopt;
    const std::string key(name);
    if (!raw->has(key)) return std::nullopt;
    return raw->get(key);
}

std::optional<std::string> Request::queryParam(std::string_view name) const {
    for (const auto& [key, value] : query_params) {
        if (key == name) return value;
    }
    return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
    const auto found = path_params.find(std::string(name));
    if (found == path_params.end()) {
        throw Error(ErrorCode::Internal, "Lỗi định tuyến.", "route has no parameter " + std::string(name));
    }
    return found->second;
}

Response Response::json(std::string body, int status) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Response Response::html(std::string body, int status) {
    Response r;
    r.status = status;
    r.content_type = "text/html; charset=utf-8";
    r.body = std::move(body);
    return r;
}

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto end = slash == std::string_view::npos ? path.size() : slash;
        if (end > start) out.push_back(decode(path.substr(start, end - start), false));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parseQuery(std::string_view query) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t start = 0;
    while (start < query.size()) {
        auto amp = query.find('&', start);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view pair = query.substr(start, amp - start);
        if (!pair.empty()) {
            const auto eq = pair.find('=');
            if (eq == std::string_view::npos) {
                out.emplace_back(decode(pair, true), "");
            } else {
                out.emplace_back(decode(pair.substr(0, eq), true), decode(pair.substr(eq + 1), true));
            }
        }
        start = amp + 1;
    }
    return out;
}

void Router::add(std::string method, std::string pattern, Handler handler, ErrorRenderer on_error) {
    auto segments = splitPath(pattern);
    routes_.push_back(Route{std::move(method), std::move(pattern), std::move(segments), std::move(handler), std::move(on_error)});
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
    return out;
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
    Match result;
    const auto segments = splitPath(path);
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i) {
            const std::string& want = route.segments[i];
            if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
                params[want.substr(1, want.size() - 2)] = segments[i];
            } else {
                ok = want == segments[i];
            }
        }
        if (!ok) continue;
        if (!result.path_known && route.on_error) result.on_error = &route.on_error;  // for a 405
        result.path_known = true;
        if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
            if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end()) {
                result.allowed.push_back(route.method);
                if (route.method == "GET") result.allowed.push_back("HEAD");
            }
            continue;
        }
        result.handler = &route.handler;
        result.on_error = route.on_error ? &route.on_error : nullptr;
        result.params = std::move(params);
        return result;
    }
    if (!result.path_known && page_fallback_ && path.substr(0, api_prefix_.size()) != api_prefix_) {
        result.on_error = &page_fallback_;
    }
    return result;
}

void Router::setPageFallback(ErrorRenderer on_error, std::string api_prefix) {
    page_fallback_ = std::move(on_error);
    api_prefix_ = std::move(api_prefix);
}

}  // namespace motcua::http
