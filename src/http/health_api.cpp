#include "http/health_api.h"

#include "http/json.h"
#include "domain/core/error.h"
#include "service/health_service.h"

#include <fstream>
#include <sstream>

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

void registerOpenApiRoute(Router& router, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    router.add("GET", "/api/v1/openapi.yaml", [document = text.str()](Request&) {
        if (document.empty()) throw Error(ErrorCode::NotFound, "Không có tệp mô tả API.", "openapi.yaml missing");
        Response r = Response::json(document);
        r.content_type = "application/yaml; charset=utf-8";
        return r;
    });
}

}  // namespace motcua::http
