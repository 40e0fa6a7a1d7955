#pragma once
/// Reading a whole number that a person or a stored field wrote: the whole text must be the
/// number, in decimal digits (a leading '-' for a signed type), and fit the type. "12 ", "1x",
/// "+3", "" and "99999999999999999999" are no number. Every parse of a number from a query
/// parameter, a form field or a stored setting goes through here, so all of them refuse the same
/// texts.

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace motcua::domain {

template <class T>
std::optional<T> wholeNumber(std::string_view text) {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    T value{};
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace motcua::domain
