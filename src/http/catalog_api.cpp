#include "http/catalog_api.h"

#include "domain/core/error.h"
#include "domain/deadline/duration.h"
#include "http/error_mapping.h"
#include "http/json.h"
#include "service/catalog_service.h"
#include "service/procedure_search.h"

#include <set>

namespace motcua::http {
namespace {

Poco::JSON::Object::Ptr agencyJson(const domain::AgencyEntry& a) {
    auto o = newObject();
    o->set("code", a.agency.code);
    o->set("name", a.agency.name);
    o->set("parent_code", a.parent_code ? Poco::Dynamic::Var(*a.parent_code) : Poco::Dynamic::Var());
    o->set("head_title", a.head_title);
    o->set("address", a.address);
    o->set("phone", a.phone);
    o->set("active", a.active);
    return o;
}

Poco::JSON::Object::Ptr procedureJson(const domain::ProcedureEntry& p) {
    auto o = newObject();
    o->set("code", p.procedure.code.str());
    o->set("name", p.procedure.name);
    o->set("field_code", p.procedure.field_code);
    o->set("duration", domain::formatDuration(p.procedure.duration));
    o->set("duration_text", domain::describeDuration(p.procedure.duration));
    o->set("online_level", std::string(domain::toName(p.procedure.online_level)));
    o->set("fee_vnd", p.procedure.fee_vnd);
    o->set("supplement_mode", p.supplement_mode);
    o->set("active", p.active);
    Poco::JSON::Array::Ptr agencies = new Poco::JSON::Array;
    for (const auto& c : p.agency_codes) agencies->add(c);
    o->set("agency_codes", agencies);
    return o;
}

domain::AgencyEntry agencyFrom(const Poco::JSON::Object::Ptr& body, const std::optional<std::string>& code) {
    rejectUnknownKeys(body, {"code", "name", "parent_code", "head_title", "address", "phone", "active"});
    if (code) requireAllKeys(body, {"name", "parent_code", "head_title", "address", "phone", "active"});  // PUT
    domain::AgencyEntry e;
    e.agency.code = code ? *code : optString(body, "code").value_or("");
    e.agency.name = optString(body, "name").value_or("");
    e.parent_code = optString(body, "parent_code");
    e.head_title = optString(body, "head_title").value_or("");
    e.address = optString(body, "address").value_or("");
    e.phone = optString(body, "phone").value_or("");
    e.active = optBool(body, "active").value_or(true);
    return e;
}

domain::ProcedureEntry procedureFrom(const Poco::JSON::Object::Ptr& body, const std::optional<std::string>& code) {
    rejectUnknownKeys(body, {"code", "name", "field_code", "duration", "online_level", "fee_vnd", "supplement_mode",
                             "agency_codes", "active"});
    if (code) {  // PUT
        requireAllKeys(body, {"name", "field_code", "duration", "online_level", "fee_vnd", "supplement_mode", "agency_codes",
                              "active"});
    }
    std::vector<FieldError> problems;
    domain::Duration duration;
    try {
        duration = domain::parseDuration(optString(body, "duration").value_or(""));
    } catch (const Error& e) {
        problems.push_back({"duration", e.userMessage()});
    }
    domain::ProcedureInput input{code ? *code : optString(body, "code").value_or(""), optString(body, "name").value_or(""),
                                 optString(body, "field_code").value_or(""), duration,
                                 optString(body, "online_level").value_or("none"), optInt(body, "fee_vnd").value_or(0)};
    std::optional<domain::Procedure> procedure;
    try {
        procedure = domain::parseProcedure(input);
    } catch (const Error& e) {
        for (const auto& f : e.fieldErrors()) problems.push_back(f);
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    domain::ProcedureEntry entry{0, *procedure, optString(body, "supplement_mode").value_or("restart"),
                                 optBool(body, "active").value_or(true), {}};
    entry.agency_codes = optStringList(body, "agency_codes");
    return entry;
}

}  // namespace

void registerCatalogRoutes(Router& router, Authenticator& auth, service::CatalogService& catalog) {
    router.add("GET", "/api/v1/agencies", [&](Request& request) {
        requirePrincipal(auth, request);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& a : catalog.agencies()) out->add(agencyJson(a));
        return Response::json(stringify(out));
    });
    router.add("POST", "/api/v1/agencies", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        return Response::json(stringify(agencyJson(catalog.createAgency(p, agencyFrom(parseObject(request.body), std::nullopt)))), 201);
    });
    router.add("GET", "/api/v1/agencies/{code}", [&](Request& request) {
        requirePrincipal(auth, request);
        return Response::json(stringify(agencyJson(catalog.agency(request.param("code")))));
    });
    router.add("PUT", "/api/v1/agencies/{code}", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        catalog.agency(request.param("code"));  // 404 before any change
        return Response::json(stringify(agencyJson(catalog.saveAgency(p, agencyFrom(parseObject(request.body), request.param("code"))))));
    });
    router.add("GET", "/api/v1/fields", [&](Request& request) {
        requirePrincipal(auth, request);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& f : catalog.fields()) {
            auto o = newObject();
            o->set("code", f.code);
            o->set("name", f.name);
            out->add(o);
        }
        return Response::json(stringify(out));
    });
    router.add("POST", "/api/v1/fields", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        const auto body = parseObject(request.body);
        rejectUnknownKeys(body, {"code", "name"});
        const auto f = catalog.saveField(p, domain::Field{optString(body, "code").value_or(""), optString(body, "name").value_or("")});
        auto o = newObject();
        o->set("code", f.code);
        o->set("name", f.name);
        return Response::json(stringify(o), 201);
    });
    router.add("GET", "/api/v1/procedures", [&](Request& request) {
        requirePrincipal(auth, request);
        // Like the desk's search: case and diacritics do not matter ("ly lich" finds "Lý lịch").
        const auto q = service::foldVietnamese(request.queryParam("q").value_or(""));
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& p : catalog.procedures()) {
            if (!q.empty() && service::foldVietnamese(p.procedure.code.str() + " " + p.procedure.name).find(q) == std::string::npos) {
                continue;
            }
            out->add(procedureJson(p));
        }
        return Response::json(stringify(out));
    });
    router.add("POST", "/api/v1/procedures", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        return Response::json(stringify(procedureJson(catalog.saveProcedure(p, procedureFrom(parseObject(request.body), std::nullopt)))), 201);
    });
    router.add("GET", "/api/v1/procedures/{code}", [&](Request& request) {
        requirePrincipal(auth, request);
        return Response::json(stringify(procedureJson(catalog.procedure(request.param("code")))));
    });
    router.add("PUT", "/api/v1/procedures/{code}", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        catalog.procedure(request.param("code"));
        return Response::json(stringify(procedureJson(catalog.saveProcedure(p, procedureFrom(parseObject(request.body), request.param("code"))))));
    });
    router.add("GET", "/api/v1/catalog/{kind}/csv", [&](Request& request) {
        requirePrincipal(auth, request);
        const auto kind = service::parseCatalogKind(request.param("kind"));
        Response r = Response::json(catalog.exportCsv(kind));
        r.content_type = "text/csv; charset=utf-8";
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + request.param("kind") + ".csv\"");
        return r;
    });
    router.add("POST", "/api/v1/catalog/{kind}/csv", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        if (!isValidUtf8(request.body)) throw BadRequest("Tệp CSV phải là văn bản UTF-8.", "csv not utf-8", "csv");
        const auto result = catalog.importCsv(p, service::parseCatalogKind(request.param("kind")), request.body);
        auto o = newObject();
        o->set("imported", result.created_or_updated);
        return Response::json(stringify(o));
    });
}

}  // namespace motcua::http
