#pragma once
/// Internal helper for the catalog and dossier enums: one constexpr table per enum maps each
/// value to its stable snake_case name (JSON, SQL) and its Vietnamese label (UI, forms).

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain::detail {

/// One row of an enum name table.
template <typename E>
struct EnumName {
    E value;  ///< The enumerator.
    std::string_view name;  ///< Stable snake_case name, stored in SQL and JSON.
    std::string_view label_vi;  ///< Vietnamese label for screens and forms.
};

/// Returns the row of `value`; throws Error{Internal} for a value missing from the table (a bug).
template <typename E, std::size_t N>
const EnumName<E>& enumRow(const std::array<EnumName<E>, N>& table, E value) {
    for (const auto& row : table) {
        if (row.value == value) return row;
    }
    throw Error{ErrorCode::Internal, "Lỗi hệ thống: giá trị liệt kê không xác định",
                "enum value missing from its name table"};
}

/// Returns the value whose stable name is `name`, or std::nullopt when no row matches.
template <typename E, std::size_t N>
std::optional<E> findEnumName(const std::array<EnumName<E>, N>& table, std::string_view name) noexcept {
    for (const auto& row : table) {
        if (row.name == name) return row.value;
    }
    return std::nullopt;
}

/// Returns the value whose stable name is `name`; throws Error{InvalidArgument} on `field`,
/// naming `what_vi` in the message, when no row matches (names are case-sensitive).
template <typename E, std::size_t N>
E parseEnumName(const std::array<EnumName<E>, N>& table, std::string_view name,
                std::string_view what_vi, std::string_view field) {
    if (const auto value = findEnumName(table, name)) return *value;
    std::string message{what_vi};
    message += " không hợp lệ";
    const std::string_view echo = printableEcho(name);
    if (!echo.empty()) {
        message += ": “";
        message += echo;
        message += "”";
    }
    throw Error{ErrorCode::InvalidArgument, message, "unknown " + std::string{field} + " name",
                std::string{field}};
}

}  // namespace motcua::domain::detail
