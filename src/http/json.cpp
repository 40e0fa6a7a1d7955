#include "http/json.h"

#include "domain/core/error.h"
#include "http/error_mapping.h"

#include <Poco/JSON/JSONException.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace motcua::http {

bool isValidUtf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (i + len > n) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

/// No request of ours nests deeper than a few levels; a deeper body is refused before it can
/// exhaust a server thread's stack.
constexpr int kMaxJsonDepth = 32;

Poco::JSON::Object::Ptr parseObject(const std::string& body) {
    if (body.empty()) throw BadRequest("Thiếu dữ liệu JSON trong yêu cầu.", "empty body");
    if (!isValidUtf8(body)) {
        throw BadRequest("Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ. Hãy kiểm tra bảng mã (dùng Unicode UTF-8).",
                         "invalid utf-8 body");
    }
    Poco::Dynamic::Var parsed;
    try {
        Poco::JSON::Parser parser;
        parser.setDepth(kMaxJsonDepth);  // the parser recurses per level: bound it, not the stack
        parsed = parser.parse(body);
    } catch (const Poco::Exception& e) {
        // The parser's own words are English: they go to the log, the user gets what to check.
        throw BadRequest("Dữ liệu JSON sai cú pháp: kiểm tra các dấu ngoặc { } [ ], dấu phẩy giữa các mục và dấu "
                         "nháy kép quanh tên trường và văn bản.",
                         "malformed json: " + e.displayText());
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) {
        throw BadRequest("Dữ liệu JSON phải là một đối tượng {…}.", "json body is not an object");
    }
    return parsed.extract<Poco::JSON::Object::Ptr>();
}

Poco::JSON::Object::Ptr newObject() { return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER); }

std::string stringify(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
    return out.str();
}

std::string stringify(const Poco::JSON::Array::Ptr& array) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(array, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
    return out.str();
}

std::optional<std::string> optString(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object->has(key) || object->isNull(key)) return std::nullopt;
    const Poco::Dynamic::Var value = object->get(key);
    if (!value.isString()) throw BadRequest("Trường \"" + key + "\" phải là chuỗi ký tự.", "not a string: " + key, key);
    return value.extract<std::string>();
}

std::optional<long long> optInt(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object->has(key) || object->isNull(key)) return std::nullopt;
    const Poco::Dynamic::Var value = object->get(key);
    if (!value.isInteger() || value.isBoolean()) {
        throw BadRequest("Trường \"" + key + "\" phải là số nguyên.", "not an integer: " + key, key);
    }
    return value.convert<long long>();
}

std::optional<bool> optBool(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object->has(key) || object->isNull(key)) return std::nullopt;
    const Poco::Dynamic::Var value = object->get(key);
    if (!value.isBoolean()) throw BadRequest("Trường \"" + key + "\" phải là true/false.", "not a boolean: " + key, key);
    return value.extract<bool>();
}

void rejectUnknownKeys(const Poco::JSON::Object::Ptr& object, const std::set<std::string>& known) {
    std::vector<FieldError> problems;
    for (const auto& name : object->getNames()) {
        if (known.count(name) == 0) problems.push_back({name, "Trường \"" + name.substr(0, 60) + "\" không được hỗ trợ."});
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
}

void requireAllKeys(const Poco::JSON::Object::Ptr& object, const std::set<std::string>& keys) {
    std::vector<FieldError> problems;
    for (const auto& key : keys) {
        if (!object->has(key)) {
            problems.push_back({key, "Thiếu trường \"" + key +
                                         "\": lệnh sửa thay toàn bộ thông tin, hãy gửi đủ mọi trường (như GET trả về)."});
        }
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
}

std::vector<std::string> optStringList(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    std::vector<std::string> out;
    if (!object->has(key) || object->isNull(key)) return out;
    const auto list = object->getArray(key);
    if (list.isNull()) throw BadRequest("Trường \"" + key + "\" phải là danh sách.", "not an array: " + key, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto v = list->get(static_cast<unsigned>(i));
        if (!v.isString()) {
            throw BadRequest("Mỗi phần tử của \"" + key + "\" phải là chuỗi ký tự.", "not a string list: " + key, key);
        }
        out.push_back(v.extract<std::string>());
    }
    return out;
}

Poco::JSON::Object::Ptr optObject(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    if (!object->has(key) || object->isNull(key)) return nullptr;
    const auto nested = object->getObject(key);
    if (nested.isNull()) throw BadRequest("Trường \"" + key + "\" phải là một đối tượng {…}.", "not an object: " + key, key);
    return nested;
}

}  // namespace motcua::http
