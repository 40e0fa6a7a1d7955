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

/// Returns `single` (an INSERT … VALUES (?, …) of one row) with its row group repeated `rows`
/// times, then `tail`.
inline std::string multiRowOf(std::string_view single, std::size_t rows, std::string_view tail = "") {
    constexpr std::string_view kValues = " VALUES ";
    const auto at = single.find(kValues) + kValues.size();
    return multiRowStatement(single.substr(0, at), single.substr(at), rows, tail);
}

}  // namespace motcua::store
