#include "store/multi_statement.h"

#include "domain/core/error.h"

#include <algorithm>

namespace motcua::store {
namespace {

bool isSafeByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
           c == ':' || c == '-' || c == '_' || c == '+' || c == '/';
}

Error badStatement(const std::string& log) { return Error(ErrorCode::Internal, "Lỗi hệ thống khi ghi dữ liệu.", log); }

}  // namespace

TextRow::TextRow(std::string_view text) : text_(text) {
    values_.resize(static_cast<std::size_t>(std::count(text.begin(), text.end(), '?')));
}

void TextRow::set(unsigned index, std::string literal) {
    if (index < 1 || index > values_.size()) {
        throw badStatement("placeholder " + std::to_string(index) + " of " + std::to_string(values_.size()));
    }
    values_[index - 1] = std::move(literal);
}

void TextRow::setInt64(unsigned index, std::int64_t value) { set(index, std::to_string(value)); }
void TextRow::setUInt64(unsigned index, std::uint64_t value) { set(index, std::to_string(value)); }
void TextRow::setInt(unsigned index, int value) { set(index, std::to_string(value)); }
void TextRow::setBoolean(unsigned index, bool value) { set(index, value ? "1" : "0"); }
void TextRow::setString(unsigned index, std::string_view value) { set(index, literal(value)); }
void TextRow::setNull(unsigned index, int /*type*/) { set(index, "NULL"); }

std::string TextRow::literal(std::string_view value) {
    if (std::all_of(value.begin(), value.end(), isSafeByte)) {
        std::string out;
        out.reserve(value.size() + 2);
        out += '\'';
        out += value;
        out += '\'';
        return out;
    }
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out = "_utf8mb4 X'";
    out.reserve(out.size() + 2 * value.size() + 1);
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        out += kHex[byte >> 4];
        out += kHex[byte & 0x0F];
    }
    out += '\'';
    return out;
}

std::string TextRow::render() const {
    std::size_t size = text_.size();
    for (const auto& value : values_) {
        if (value.empty()) throw badStatement("unbound placeholder in " + std::string(text_.substr(0, 60)));
        size += value.size();
    }
    std::string out;
    out.reserve(size);
    std::size_t next = 0;
    for (const char c : text_) {
        if (c == '?') {
            out += values_[next++];
        } else {
            out += c;
        }
    }
    return out;
}

void StatementBatch::add(std::string statement, bool returns_rows) {
    statements_.push_back(std::move(statement));
    returns_rows_.push_back(returns_rows);
}

}  // namespace motcua::store
