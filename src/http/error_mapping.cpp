#include "http/error_mapping.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace motcua::http {
namespace {

std::string stringify(const Poco::JSON::Object::Ptr& object) {
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(object, out, 0, -1, Poco::JSON_PRESERVE_KEY_ORDER);
    return out.str();
}

}  // namespace

int httpStatus(const Error& error) {
    switch (error.code()) {
        case ErrorCode::InvalidArgument:
            return dynamic_cast<const BadRequest*>(&error) != nullptr ? 400 : 422;
        case ErrorCode::NotFound: return 404;
        case ErrorCode::AlreadyExists: return 409;
        case ErrorCode::FailedPrecondition: return 409;
        case ErrorCode::Conflict: return 409;
        case ErrorCode::PermissionDenied: return 403;
        case ErrorCode::Unauthenticated: return 401;
        case ErrorCode::Unavailable: return 503;
        case ErrorCode::Internal: return 500;
    }
    return 500;
}

std::string errorJson(const Error& error, const std::string& request_id) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    inner->set("code", std::string(errorCodeName(error.code())));
    inner->set("message", error.code() == ErrorCode::Internal
                              ? std::string("Lỗi hệ thống. Vui lòng thử lại; nếu còn lỗi, báo quản trị kèm mã yêu cầu.")
                              : error.userMessage());
    if (error.field()) inner->set("field", *error.field());
    if (!error.fieldErrors().empty()) {
        Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
        for (const auto& f : error.fieldErrors()) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            item->set("field", f.field);
            item->set("message", f.message_vi);
            fields->add(item);
        }
        inner->set("fields", fields);
    }
    inner->set("request_id", request_id);
    body->set("error", inner);
    return stringify(body);
}

Response jsonError(int status, const std::string& code, const std::string& message_vi, const std::string& request_id) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Object::Ptr inner = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    inner->set("code", code);
    inner->set("message", message_vi);
    inner->set("request_id", request_id);
    body->set("error", inner);
    return Response::json(stringify(body), status);
}

}  // namespace motcua::http
