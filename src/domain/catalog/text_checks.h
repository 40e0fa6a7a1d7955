#pragma once
/// Checks on free text shared by catalog and dossier validation: strict UTF-8, single-line
/// text, and length limits counted in Unicode code points (Vietnamese letters are 2–3 bytes).

#include "domain/core/error.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace motcua::domain {

/// Returns the number of code points in `text`, or std::nullopt when `text` is not well-formed
/// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF). Linear time.
std::optional<std::size_t> countCodePoints(std::string_view text) noexcept;

/// Returns true when `text` is well-formed UTF-8 (see countCodePoints).
bool isValidUtf8(std::string_view text) noexcept;

/// Returns true when `text` is empty or holds only ASCII spaces, tabs and line breaks.
bool isBlank(std::string_view text) noexcept;

/// Whether a text field must be filled in.
enum class Presence { Required, Optional };

/// The limits of one single-line text field.
struct TextRule {
    std::string_view field;        ///< Machine name reported in FieldError, e.g. "applicant.name".
    std::string_view label_vi;     ///< Vietnamese label used in the message, e.g. "Họ tên".
    std::size_t max_code_points;   ///< Upper bound, counted in code points, not bytes.
    Presence presence = Presence::Required;  ///< Whether a blank value is an error.
};

/// Appends one FieldError to `errors` when `value` breaks `rule`: blank although required, not
/// UTF-8, holding control characters (C0, DEL, C1), or longer than the limit. Returns true when
/// `value` is acceptable. Text is not normalised: decomposed Vietnamese counts more code points,
/// so the input layer should normalise to NFC first.
bool checkText(std::vector<FieldError>& errors, const TextRule& rule, std::string_view value);

/// Returns `text` when it is valid UTF-8 of at most `max_bytes` bytes, else an empty view; used
/// to echo user input into messages without echoing garbage.
std::string_view printableEcho(std::string_view text, std::size_t max_bytes = 64) noexcept;

}  // namespace motcua::domain
