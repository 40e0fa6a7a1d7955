#include "http/authenticator.h"

#include "domain/core/error.h"

namespace motcua::http {

domain::Principal requirePrincipal(Authenticator& authenticator, const Request& request) {
    auto principal = authenticator.authenticate(request);
    if (!principal) {
        throw Error(ErrorCode::Unauthenticated, "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
                    "no valid session");
    }
    return *principal;
}

}  // namespace motcua::http
