#pragma once
/// Text of multi-row statements (bulk loads): one head, `rows` copies of a "(?, ?, …)" group
/// separated by commas, then a tail such as an ON DUPLICATE KEY UPDATE clause.

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::store {

/// Returns head + group × rows (comma-separated) + tail.
inline std::string multiRowStatement(std::string_view head, std::string_view group, std::size_t rows,
                                     std::string_view tail) {
    std::string text(head);
    text.reserve(head.size() + rows * (group.size() + 1) + tail.size());
    for (std::size_t r = 0; r < rows; ++r) {
        if (r > 0) text += ',';
        text += group;
    }
    text += tail;
    return text;
}

}  // namespace motcua::store
