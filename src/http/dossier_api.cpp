#include "http/dossier_api.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/dossier/dossier_state.h"
#include "http/error_mapping.h"
#include "http/json.h"
#include "http/json_writer.h"
#include "service/local_time.h"
#include "service/password.h"

#include <algorithm>

namespace motcua::http {

/// Writes the JSON object of a dossier as the API shows it.
void writeDossier(JsonWriter& w, const service::DossierView& v, const service::LocalTime& lt);

namespace {

template <class E>
Poco::Dynamic::Var name(const std::optional<E>& value) {
    if (!value) return Poco::Dynamic::Var();
    return std::string(domain::toName(*value));
}

int intParam(const Request& request, const std::string& key, int fallback) {
    const auto text = request.queryParam(key);
    if (!text || text->empty()) return fallback;
    const auto value = domain::wholeNumber<int>(*text);
    if (!value) throw Error::invalidFields({{key, "Tham số " + key + " phải là số nguyên."}});
    return *value;
}

std::int64_t requireVersion(const std::optional<long long>& version) {
    if (!version) {
        throw Error::invalidFields({{"version", "Thiếu số phiên bản hồ sơ (version) để tránh ghi đè thay đổi của người khác."}});
    }
    return *version;
}

std::int64_t requireVersion(const Poco::JSON::Object::Ptr& body) { return requireVersion(optInt(body, "version")); }

std::string pageJson(const service::DossierPage& page, const service::LocalTime& lt) {
    JsonWriter w;
    w.beginObject().key("items").beginArray();
    for (const auto& v : page.items) writeDossier(w, v, lt);
    w.endArray();
    w.member("total", page.total).member("page", page.page).member("page_size", page.page_size);
    w.endObject();
    return w.take();
}

service::DossierQuery queryFrom(const Request& request) {
    service::DossierQuery q;
    q.agency_code = request.queryParam("agency");
    q.status = request.queryParam("status");
    q.procedure_code = request.queryParam("procedure");
    q.due = request.queryParam("due");
    q.from = request.queryParam("from");
    q.to = request.queryParam("to");
    q.text = request.queryParam("q");
    q.mine = request.queryParam("mine").value_or("") == "1";
    q.page = intParam(request, "page", 1);
    q.page_size = intParam(request, "page_size", 50);
    return q;
}

}  // namespace

void writeDossier(JsonWriter& w, const service::DossierView& v, const service::LocalTime& lt) {
    const auto& d = v.dossier;
    const auto iso = [&](const std::optional<date::sys_seconds>& t) {
        return t ? std::optional<std::string>(lt.formatIso(*t)) : std::nullopt;
    };
    const auto nameOf = [](const auto& value) {
        return value ? std::optional<std::string_view>(domain::toName(*value)) : std::nullopt;
    };
    w.beginObject();
    w.member("id", d.id.value);
    w.member("code", d.code ? std::optional<std::string>(d.code->str()) : std::nullopt);
    w.member("version", d.version);
    w.member("status", domain::toName(d.status));
    w.member("status_label", domain::labelVi(d.status));
    w.member("channel", domain::toName(d.channel));
    w.member("result_delivery", domain::toName(d.result_delivery));
    w.key("procedure").beginObject();
    w.member("code", d.procedure_code.str()).member("name", v.procedure_name).member("duration_text", v.duration_text);
    w.endObject();
    w.key("receiving_agency").beginObject();
    w.member("code", v.receiving_agency_code).member("name", v.receiving_agency_name).endObject();
    w.key("handling_agency").beginObject();
    w.member("code", v.handling_agency_code).member("name", v.handling_agency_name).endObject();
    w.key("applicant").beginObject();
    w.member("kind", domain::toName(d.applicant.kind));
    w.member("name", d.applicant.name);
    w.member("id_number", d.applicant.identity_number);
    w.member("phone", d.applicant.phone);
    w.member("email", d.applicant.email);
    w.member("address", d.applicant.address);
    if (d.applicant.representative) {
        w.key("representative").beginObject();
        w.member("name", d.applicant.representative->name);
        w.member("id_number", d.applicant.representative->identity_number);
        w.endObject();
    }
    w.endObject();
    w.key("documents").beginArray();
    for (const auto& doc : d.documents) {
        w.beginObject().member("name", doc.name).member("kind", domain::toName(doc.kind)).member("count", doc.count);
        w.endObject();
    }
    w.endArray();
    w.member("submitted_at", lt.formatIso(d.submitted_at));
    w.member("received_at", iso(d.received_at));
    w.member("due_at", iso(v.due_at));
    w.member("legal_due_at", iso(domain::legalDueAt(d)));
    w.member("original_due_at", iso(d.timing.original_due_at));
    w.member("restarted_due_at", iso(d.timing.restarted_due_at));
    w.member("extended_due_at", iso(d.timing.extended_due_at));
    w.member("resolved_at", iso(d.timing.resolved_at));
    w.member("returned_at", iso(d.timing.returned_at));
    w.member("verdict", nameOf(d.timing.verdict));
    w.member("outcome", nameOf(d.outcome));
    w.member("supplement_count", d.supplement_count);
    w.member("assigned_officer", v.assigned_officer);
    w.key("apology");
    if (d.apology) {
        w.beginObject();
        w.member("reason", d.apology->reason);
        w.member("new_due_at", lt.formatIso(d.apology->new_due_at));
        w.member("signed_by", d.apology->signed_by);
        w.member("issued_at", lt.formatIso(d.apology->issued_at));
        w.member("timely", d.apology->isTimely());
        w.endObject();
    } else {
        w.null();
    }
    w.member("remaining_working_minutes", v.remaining_working_minutes);
    w.member("remaining_text", v.remaining_text);
    w.member("due_soon", v.due_soon);
    w.member("overdue", v.overdue);
    w.member("appointment_missed", v.appointment_missed);
    w.member("apology_missing", v.apology_missing);
    w.member("may_act", v.may_act);
    w.member("closing_note", d.closing_note);
    w.endObject();
}

std::string dossierJson(const service::DossierView& view, const service::LocalTime& local_time) {
    JsonWriter w;
    writeDossier(w, view, local_time);
    return w.take();
}

service::IntakeInput intakeFromJson(const std::string& text, const service::LocalTime& lt, date::sys_seconds now) {
    return intakeFromObject(parseObject(text), lt, now);
}

service::IntakeInput intakeFromObject(const Poco::JSON::Object::Ptr& body, const service::LocalTime& lt,
                                      date::sys_seconds now) {
    rejectUnknownKeys(body, {"procedure_code", "channel", "result_delivery", "outcome", "reason", "items", "received_at",
                             "handover_at", "applicant", "documents"});
    service::IntakeInput in;
    std::vector<FieldError> problems;
    auto attempt = [&](const std::string& field, auto&& read) {
        try {
            read();
        } catch (const BadRequest&) {
            throw;
        } catch (const Error& e) {
            if (e.code() != ErrorCode::InvalidArgument) throw;
            problems.push_back({field, e.userMessage()});
        }
    };
    auto& r = in.request;
    r.procedure_code = optString(body, "procedure_code").value_or("");
    attempt("channel", [&] { r.channel = domain::parseChannel(optString(body, "channel").value_or("direct")); });
    attempt("result_delivery",
            [&] { r.result_delivery = domain::parseResultDelivery(optString(body, "result_delivery").value_or("desk")); });
    attempt("outcome", [&] { in.outcome = service::parseIntakeOutcome(optString(body, "outcome").value_or("accepted")); });
    in.reason = optString(body, "reason").value_or("");
    in.items = optStringList(body, "items");
    r.received_at = now;
    attempt("received_at", [&] {
        if (auto t = optString(body, "received_at")) r.received_at = lt.parseIso(*t, "received_at");
    });
    attempt("handover_at", [&] {
        if (auto t = optString(body, "handover_at")) r.handover_at = lt.parseIso(*t, "handover_at");
    });
    const auto applicant = optObject(body, "applicant");
    if (applicant.isNull()) {
        problems.push_back({"applicant", "Thiếu thông tin người nộp hồ sơ (applicant)."});
    } else {
        rejectUnknownKeys(applicant, {"kind", "name", "id_number", "phone", "email", "address", "representative"});
        attempt("applicant.kind",
                [&] { r.applicant.kind = domain::parseApplicantKind(optString(applicant, "kind").value_or("individual")); });
        r.applicant.name = optString(applicant, "name").value_or("");
        r.applicant.identity_number = optString(applicant, "id_number").value_or("");
        r.applicant.phone = optString(applicant, "phone").value_or("");
        r.applicant.email = optString(applicant, "email").value_or("");
        r.applicant.address = optString(applicant, "address").value_or("");
        if (const auto rep = optObject(applicant, "representative"); !rep.isNull()) {
            rejectUnknownKeys(rep, {"name", "id_number"});
            r.applicant.representative =
                domain::Representative{optString(rep, "name").value_or(""), optString(rep, "id_number").value_or("")};
        }
    }
    if (body->has("documents") && !body->isNull("documents")) {
        const auto docs = body->getArray("documents");
        if (docs.isNull()) throw BadRequest("Trường \"documents\" phải là danh sách giấy tờ.", "documents", "documents");
        for (std::size_t i = 0; i < docs->size(); ++i) {
            const auto item = docs->getObject(static_cast<unsigned>(i));
            const std::string field = "documents[" + std::to_string(i) + "]";
            if (item.isNull()) throw BadRequest("Mỗi giấy tờ phải là {name, kind, count}.", field, field);
            rejectUnknownKeys(item, {"name", "kind", "count"});
            domain::DossierDocument doc;
            doc.name = optString(item, "name").value_or("");
            attempt(field + ".kind", [&] { doc.kind = domain::parseDocumentKind(optString(item, "kind").value_or("original")); });
            const auto count = optInt(item, "count").value_or(1);
            if (count < 1 || count > 1000) problems.push_back({field + ".count", "Số lượng bản phải từ 1 đến 1000."});
            doc.count = static_cast<std::int32_t>(std::clamp<long long>(count, 1, 1000));
            r.documents.push_back(std::move(doc));
        }
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    return in;
}

service::TransitionInput transitionInput(std::string command, std::optional<long long> version,
                                         std::map<std::string, std::string> fields, std::vector<std::string> items) {
    if (command.empty()) throw Error::invalidFields({{"command", "Thiếu thao tác (command)."}});
    service::TransitionInput in;
    in.command = std::move(command);
    in.version = requireVersion(version);
    in.fields = std::move(fields);
    in.items = std::move(items);
    return in;
}

void registerDossierRoutes(Router& router, Authenticator& auth, service::DossierService& dossiers,
                           const service::LocalTime& lt, const service::Clock& clock) {
    router.add("POST", "/api/v1/dossiers", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        auto key = request.header("Idempotency-Key");
        // Visible ASCII only: the key is stored in an ASCII column and compared byte for byte.
        if (key && (key->empty() || key->size() > 100 ||
                    !std::all_of(key->begin(), key->end(), [](char c) { return c > ' ' && c < 0x7F; }))) {
            throw BadRequest("Idempotency-Key phải gồm 1–100 ký tự ASCII in được (chữ không dấu, chữ số, dấu câu).",
                             "bad idempotency key", "Idempotency-Key");
        }
        const auto input = intakeFromJson(request.body, lt, clock.now());
        const auto result = dossiers.intake(p, input, key, service::sha256Hex(request.body), request.remote_address);
        Response r = Response::json((dossierJson(result.view, lt)), result.replayed ? 200 : 201);
        if (result.view.dossier.code) r.headers.emplace_back("Location", "/api/v1/dossiers/" + result.view.dossier.code->str());
        return r;
    });
    router.add("GET", "/api/v1/dossiers", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        return Response::json((pageJson(dossiers.list(p, queryFrom(request), request.remote_address), lt)));
    });
    router.add("GET", "/api/v1/dossiers/{code}", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        return Response::json((dossierJson(dossiers.get(p, request.param("code"), request.remote_address), lt)));
    });
    router.add("POST", "/api/v1/dossiers/{code}/transitions", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        const auto body = parseObject(request.body);
        if (const auto command = optString(body, "command"); command && !command->empty()) {
            auto known = service::transitionFields(*command);
            known.insert({"command", "version"});
            rejectUnknownKeys(body, known);
        }
        std::map<std::string, std::string> fields;
        for (const auto& key : body->getNames()) {
            if (key == "command" || key == "version" || key == "items") continue;
            const auto value = optString(body, key);
            if (value) fields[key] = *value;
        }
        const auto in = transitionInput(optString(body, "command").value_or(""), optInt(body, "version"),
                                        std::move(fields), optStringList(body, "items"));
        return Response::json((dossierJson(dossiers.transition(p, request.param("code"), in), lt)));
    });
    router.add("POST", "/api/v1/dossiers/{code}/apology", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        const auto body = parseObject(request.body);
        rejectUnknownKeys(body, {"version", "reason", "new_due_at", "signed_by"});
        service::ApologyInput in{requireVersion(body), optString(body, "reason").value_or(""),
                                 optString(body, "new_due_at").value_or(""), optString(body, "signed_by").value_or("")};
        return Response::json((dossierJson(dossiers.issueApology(p, request.param("code"), in), lt)));
    });
    router.add("GET", "/api/v1/dossiers/{code}/events", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& e : dossiers.events(p, request.param("code"))) {
            auto o = newObject();
            o->set("sequence", e.sequence());
            o->set("kind", std::string(domain::toName(e.kind())));
            o->set("label", std::string(domain::labelVi(e.kind())));
            o->set("from", name(e.fromStatus()));
            o->set("to", std::string(domain::toName(e.toStatus())));
            o->set("actor", dossiers.username(e.actorUser().value));
            o->set("at", lt.formatIso(e.at()));
            o->set("note", e.note());
            auto payload = newObject();
            for (const auto& [k, value] : e.payload()) payload->set(k, value);
            o->set("details", payload);
            out->add(o);
        }
        return Response::json(stringify(out));
    });
    router.add("GET", "/api/v1/compliance/overdue-without-apology", [&](Request& request) {
        const auto p = requirePrincipal(auth, request);
        auto q = queryFrom(request);
        q.due = "overdue";
        q.without_apology = true;
        return Response::json((pageJson(dossiers.list(p, q, request.remote_address), lt)));
    });
}

}  // namespace motcua::http
