#pragma once
/// The one table from ErrorCode to HTTP status, and the JSON error body.

#include "domain/core/error.h"
#include "http/router.h"

#include <string>

namespace motcua::http {

/// Malformed request syntax (bad JSON, invalid UTF-8, wrong types): answered 400, not 422.
class BadRequest : public Error {
public:
    explicit BadRequest(std::string message_vi, std::string log = {}, std::optional<std::string> field = std::nullopt)
        : Error(ErrorCode::InvalidArgument, std::move(message_vi), std::move(log), std::move(field)) {}
};

/// Returns the HTTP status for `error` (422 for validation, 400 for BadRequest, 409 for conflicts …).
int httpStatus(const Error& error);

/// Returns `{"error":{"code","message","field","fields":[…],"request_id"}}`.
std::string errorJson(const Error& error, const std::string& request_id);

/// Returns a JSON error response for a plain status, code and Vietnamese message.
Response jsonError(int status, const std::string& code, const std::string& message_vi, const std::string& request_id);

}  // namespace motcua::http
