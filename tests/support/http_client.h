#pragma once
/// A thin HTTP client over Poco for API tests against a server on loopback.

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace motcua::test {

/// One response as the client saw it.
struct HttpResult {
    int status = 0;
    std::string body;
    std::map<std::string, std::string> headers;
    std::vector<std::string> set_cookies;
};

/// Sends one request to 127.0.0.1:`port`; `headers` are added as given. Throws on network errors.
HttpResult httpRequest(int port, const std::string& method, const std::string& path, const std::string& body = "",
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       const std::string& content_type = "application/json");

}  // namespace motcua::test
