// Fuzzes the decoding of JSON request bodies: invalid UTF-8, malformed JSON and non-objects are
// a BadRequest (HTTP 400); typed field reads refuse wrong types with a BadRequest too.
#include "domain/core/error.h"
#include "http/error_mapping.h"
#include "http/json.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        const auto object = motcua::http::parseObject(body);
        if (!motcua::http::isValidUtf8(body)) std::abort();
        for (const char* key : {"applicant", "name", "version", "duration", "days", "outcome"}) {
            try {
                motcua::http::optString(object, key);
            } catch (const motcua::http::BadRequest&) {
            }
            try {
                motcua::http::optInt(object, key);
            } catch (const motcua::http::BadRequest&) {
            }
            try {
                motcua::http::optBool(object, key);
            } catch (const motcua::http::BadRequest&) {
            }
        }
        motcua::http::stringify(object);
    } catch (const motcua::http::BadRequest& e) {
        if (motcua::http::httpStatus(e) != 400) std::abort();
    }
    return 0;
}
