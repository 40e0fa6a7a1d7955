#include "http/health_api.h"

#include "http/json.h"
#include "service/health_service.h"

namespace motcua::http {

void registerHealthRoutes(Router& router, service::HealthService& health) {
    router.add("GET", "/healthz", [&health](Request&) {
        const bool up = health.databaseUp();
        auto body = newObject();
        body->set("status", up ? "ok" : "unavailable");
        body->set("database", up ? "up" : "down");
        if (!up) body->set("message", "Cơ sở dữ liệu không phản hồi; hệ thống tạm ngừng phục vụ.");
        Response response = Response::json(stringify(body), up ? 200 : 503);
        response.headers.emplace_back("Cache-Control", "no-store");
        return response;
    });
}

}  // namespace motcua::http
