#include "store/db_url.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"

#include <cctype>

namespace motcua::store {
namespace {

Error malformed(std::string_view why) {
    return Error(ErrorCode::InvalidArgument,
                 "Địa chỉ CSDL không hợp lệ (" + std::string(why) +
                     "). Dạng đúng: mysql://người_dùng:mật_khẩu@máy:cổng/tên_csdl",
                 "malformed database URL: " + std::string(why));
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size() || hexValue(text[i + 1]) < 0 || hexValue(text[i + 2]) < 0) {
            throw malformed("mã % sai");
        }
        out += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
        i += 2;
    }
    return out;
}

std::string percentEncode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0F];
        }
    }
    return out;
}

}  // namespace

DbUrl DbUrl::parse(std::string_view url) {
    std::string_view rest;
    for (std::string_view scheme : {"mysql://", "mariadb://"}) {
        if (url.substr(0, scheme.size()) == scheme) rest = url.substr(scheme.size());
    }
    if (rest.empty()) throw malformed("thiếu tiền tố mysql://");

    DbUrl out;
    const auto at = rest.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view credentials = rest.substr(0, at);
        const auto colon = credentials.find(':');
        out.user = percentDecode(credentials.substr(0, colon));
        if (colon != std::string_view::npos) out.password = percentDecode(credentials.substr(colon + 1));
        rest = rest.substr(at + 1);
    }
    const auto slash = rest.find('/');
    std::string_view host_port = rest.substr(0, slash);
    if (slash != std::string_view::npos) {
        std::string_view db = rest.substr(slash + 1);
        const auto query = db.find('?');
        out.database = std::string(db.substr(0, query));
    }
    const auto colon = host_port.rfind(':');
    if (colon != std::string_view::npos) {
        const std::string_view port_text = host_port.substr(colon + 1);
        const auto port = domain::wholeNumber<int>(port_text);
        if (!port || *port <= 0 || *port > 65535) throw malformed("cổng sai");
        out.port = *port;
        host_port = host_port.substr(0, colon);
    }
    if (host_port.empty()) throw malformed("thiếu tên máy");
    if (out.user.empty()) throw malformed("thiếu tên người dùng");
    out.host = std::string(host_port);
    return out;
}

std::string DbUrl::toString() const {
    return "mysql://" + percentEncode(user) + ":" + percentEncode(password) + "@" + host + ":" + std::to_string(port) +
           "/" + database;
}

std::string DbUrl::redacted() const {
    return "mysql://" + user + ":***@" + host + ":" + std::to_string(port) + "/" + database;
}

DbUrl DbUrl::withDatabase(std::string name) const {
    DbUrl copy = *this;
    copy.database = std::move(name);
    return copy;
}

}  // namespace motcua::store
