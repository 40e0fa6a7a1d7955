#include "store/sql_script.h"

#include <cctype>

namespace motcua::store {
namespace {

bool hasCode(const std::string& statement) {
    for (char c : statement) {
        if (!std::isspace(static_cast<unsigned char>(c))) return true;
    }
    return false;
}

}  // namespace

std::vector<std::string> splitSqlStatements(std::string_view script) {
    std::vector<std::string> out;
    std::string current;
    const std::size_t n = script.size();
    for (std::size_t i = 0; i < n; ++i) {
        const char c = script[i];
        if (c == '\'' || c == '"' || c == '`') {
            current += c;
            for (++i; i < n; ++i) {
                current += script[i];
                if (script[i] == '\\' && c != '`' && i + 1 < n) {
                    current += script[++i];
                } else if (script[i] == c) {
                    break;
                }
            }
            continue;
        }
        const bool dash_comment = c == '-' && i + 1 < n && script[i + 1] == '-' &&
                                  (i + 2 >= n || std::isspace(static_cast<unsigned char>(script[i + 2])));
        if (dash_comment || c == '#') {
            while (i < n && script[i] != '\n') ++i;
            current += '\n';
            continue;
        }
        if (c == '/' && i + 1 < n && script[i + 1] == '*') {
            const auto end = script.find("*/", i + 2);
            i = end == std::string_view::npos ? n : end + 1;
            current += ' ';
            continue;
        }
        if (c == ';') {
            if (hasCode(current)) out.push_back(current);
            current.clear();
            continue;
        }
        current += c;
    }
    if (hasCode(current)) out.push_back(current);
    return out;
}

}  // namespace motcua::store
