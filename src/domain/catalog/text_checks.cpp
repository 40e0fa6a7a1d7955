#include "domain/catalog/text_checks.h"

#include <cstdint>
#include <string>

namespace motcua::domain {

namespace {

constexpr std::uint32_t kMaxCodePoint = 0x10FFFF;

/// Decodes the code point starting at `pos` and advances `pos`; std::nullopt if ill-formed.
std::optional<std::uint32_t> decodeNext(std::string_view text, std::size_t& pos) noexcept {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    std::uint32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        code_point = lead & 0x1FU;
        minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        code_point = lead & 0x0FU;
        minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        code_point = lead & 0x07U;
        minimum = 0x10000;
    } else {
        return std::nullopt;
    }
    if (text.size() - pos < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[pos + k]);
        if ((next & 0xC0U) != 0x80U) return std::nullopt;
        code_point = (code_point << 6U) | (next & 0x3FU);
    }
    if (code_point < minimum || code_point > kMaxCodePoint) return std::nullopt;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return std::nullopt;
    pos += length;
    return code_point;
}

bool isControl(std::uint32_t code_point) noexcept {
    return code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point <= 0x9F);
}

}  // namespace

std::optional<std::size_t> countCodePoints(std::string_view text) noexcept {
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (!decodeNext(text, pos)) return std::nullopt;
        ++count;
    }
    return count;
}

bool isValidUtf8(std::string_view text) noexcept { return countCodePoints(text).has_value(); }

bool isBlank(std::string_view text) noexcept {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool checkText(std::vector<FieldError>& errors, const TextRule& rule, std::string_view value) {
    const std::string label{rule.label_vi};
    const std::string field{rule.field};
    if (isBlank(value)) {
        if (rule.presence == Presence::Optional) return true;
        errors.push_back({field, label + " không được để trống"});
        return false;
    }
    std::size_t count = 0;
    std::size_t pos = 0;
    bool has_control = false;
    while (pos < value.size()) {
        const auto code_point = decodeNext(value, pos);
        if (!code_point) {
            errors.push_back({field, label + " chứa dữ liệu không phải văn bản UTF-8 hợp lệ"});
            return false;
        }
        has_control = has_control || isControl(*code_point);
        ++count;
    }
    if (has_control) {
        errors.push_back({field, label + " chứa ký tự điều khiển (xuống dòng, tab…) không được phép"});
        return false;
    }
    if (count > rule.max_code_points) {
        errors.push_back({field, label + " không được dài quá " + std::to_string(rule.max_code_points) +
                                     " ký tự (hiện có " + std::to_string(count) + ")"});
        return false;
    }
    return true;
}

std::string_view printableEcho(std::string_view text, std::size_t max_bytes) noexcept {
    if (text.size() > max_bytes || !isValidUtf8(text)) return {};
    return text;
}

}  // namespace motcua::domain
