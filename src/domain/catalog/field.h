#pragma once
/// Fields (lĩnh vực) of the catalog: the sector a procedure belongs to, used to group
/// procedures and to break reports down (Biểu 06a, rules.md §9.1).

#include <cstddef>
#include <string>
#include <string_view>

namespace motcua::domain {

/// One field (lĩnh vực), e.g. {"G09-TP01", "Hộ tịch"}.
struct Field {
    std::string code;  ///< Opaque code, see isValidFieldCode.
    std::string name;  ///< Vietnamese name, e.g. "Hộ tịch".
};

/// Maximum length of a field code, in characters.
inline constexpr std::size_t kMaxFieldCodeLength = 32;
/// Maximum length of a field name, in code points.
inline constexpr std::size_t kMaxFieldNameLength = 255;

/// Returns true when `code` is 1–32 characters of [A-Za-z0-9._-] (TT 01/2018 Đ20 codes such as
/// "G09-TP01" and provincial variants are treated as opaque within that alphabet).
bool isValidFieldCode(std::string_view code) noexcept;

/// Checks every field of `field` and throws Error::invalidFields listing all problems.
void validateField(const Field& field);

}  // namespace motcua::domain
