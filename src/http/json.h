#pragma once
/// JSON helpers for handlers: strict body parsing (valid UTF-8, an object at the top)
/// and compact serialisation that keeps key order and writes raw UTF-8.

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

/// Returns true when `text` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Parses a request body that must be a JSON object; throws BadRequest (400) with a
/// Vietnamese message on invalid UTF-8, malformed JSON or a non-object.
Poco::JSON::Object::Ptr parseObject(const std::string& body);

/// Returns a new empty object that keeps insertion order.
Poco::JSON::Object::Ptr newObject();

/// Serialises compactly.
std::string stringify(const Poco::JSON::Object::Ptr& object);
std::string stringify(const Poco::JSON::Array::Ptr& array);

/// Reads an optional string member; throws BadRequest naming `key` when it is not a string.
std::optional<std::string> optString(const Poco::JSON::Object::Ptr& object, const std::string& key);
/// Reads an optional integer member; throws BadRequest naming `key` when it is not an integer.
std::optional<long long> optInt(const Poco::JSON::Object::Ptr& object, const std::string& key);
/// Reads an optional boolean member; throws BadRequest naming `key` when it is not a boolean.
std::optional<bool> optBool(const Poco::JSON::Object::Ptr& object, const std::string& key);

/// Refuses members the endpoint does not know (422 naming each), so a typo is reported, not ignored.
void rejectUnknownKeys(const Poco::JSON::Object::Ptr& object, const std::set<std::string>& known);

/// Refuses a replacement (PUT) that leaves out any of `keys` (422 naming each; null counts as
/// given), so that a field left out is not silently emptied.
void requireAllKeys(const Poco::JSON::Object::Ptr& object, const std::set<std::string>& keys);

/// Reads an optional array of strings; throws BadRequest naming `key` for anything else.
std::vector<std::string> optStringList(const Poco::JSON::Object::Ptr& object, const std::string& key);

/// Reads an optional nested object; throws BadRequest naming `key` when it is not an object.
Poco::JSON::Object::Ptr optObject(const Poco::JSON::Object::Ptr& object, const std::string& key);

}  // namespace motcua::http
