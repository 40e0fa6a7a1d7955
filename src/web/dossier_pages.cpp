// kainjow::mustache's data variant trips GCC 12's -Wnull-dereference inside libstdc++ (see template_set.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/dossier_pages.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/dossier/dossier_state.h"
#include "domain/dossier/intake.h"
#include "http/dossier_api.h"
#include "http/json.h"
#include "service/catalog_service.h"
#include "service/local_time.h"
#include "service/password.h"
#include "service/procedure_search.h"
#include "web/dossier_format.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

namespace motcua::web {
namespace {

using domain::Role;

constexpr int kDocumentRows = 6;
constexpr std::size_t kProcedureMatches = 12;

const std::vector<Role> kDesk{Role::DeskOfficer, Role::Head};
const std::vector<Role> kReaders{Role::DeskOfficer, Role::ProcessingOfficer, Role::Head, Role::Admin};

/// A select's options with the submitted value selected.
template <class E, std::size_t N>
Data options(const std::array<E, N>& values, const std::string& selected) {
    Data list{Data::type::list};
    for (const E value : values) {
        Data o;
        o.set("value", std::string(domain::toName(value)));
        o.set("label", std::string(domain::labelVi(value)));
        if (domain::toName(value) == selected) o.set("selected", true);
        list.push_back(o);
    }
    return list;
}

Data outcomeOptions(const std::string& selected) {
    Data list{Data::type::list};
    for (const auto& [value, label] : std::vector<std::pair<std::string, std::string>>{
             {"accepted", "Tiếp nhận — in Giấy tiếp nhận và hẹn trả kết quả"},
             {"incomplete", "Hướng dẫn bổ sung, hoàn thiện — in Phiếu yêu cầu bổ sung"},
             {"refused", "Từ chối tiếp nhận — in Phiếu từ chối"}}) {
        Data o;
        o.set("value", value);
        o.set("label", label);
        if (value == selected) o.set("selected", true);
        list.push_back(o);
    }
    return list;
}

std::string valueOr(const std::map<std::string, std::string>& form, const std::string& key, const std::string& fallback) {
    const auto found = form.find(key);
    return found == form.end() || found->second.empty() ? fallback : found->second;
}

std::string documentKey(int row, const std::string& member) {
    return "documents[" + std::to_string(row) + "]." + member;
}

/// The intake form filled from a dossier the desk sent back to be completed (BM.02): the citizen
/// is back with the missing papers, and the officer adds them instead of typing everything
/// again. The receipt time is left to now; the reason and the list of missing papers are not
/// carried over. Returns the form and how many documents did not fit its rows.
std::pair<std::map<std::string, std::string>, std::size_t> formFromIncomplete(const domain::Dossier& d) {
    std::map<std::string, std::string> form{
        {"procedure", d.procedure_code.str()},
        {"channel", std::string(domain::toName(d.channel))},
        {"result_delivery", std::string(domain::toName(d.result_delivery))},
        {"applicant.kind", std::string(domain::toName(d.applicant.kind))},
        {"applicant.name", d.applicant.name},
        {"applicant.id_number", d.applicant.identity_number},
        {"applicant.phone", d.applicant.phone},
        {"applicant.email", d.applicant.email},
        {"applicant.address", d.applicant.address},
    };
    if (d.applicant.representative) {
        form["applicant.representative.name"] = d.applicant.representative->name;
        form["applicant.representative.id_number"] = d.applicant.representative->identity_number;
    }
    std::size_t row = 0;
    for (; row < d.documents.size() && row < static_cast<std::size_t>(kDocumentRows); ++row) {
        const auto i = static_cast<int>(row);
        form[documentKey(i, "name")] = d.documents[row].name;
        form[documentKey(i, "kind")] = std::string(domain::toName(d.documents[row].kind));
        form[documentKey(i, "count")] = std::to_string(d.documents[row].count);
    }
    return {form, d.documents.size() - row};
}

/// The intake form with what was entered, the problems found and the procedure choices.
Data intakeData(const std::map<std::string, std::string>& form, const std::vector<FieldError>& errors,
                const std::vector<domain::ProcedureEntry>& choices) {
    Data d;
    for (const char* key : {"procedure", "applicant.name", "applicant.id_number", "applicant.phone", "applicant.email",
                            "applicant.address", "applicant.representative.name", "applicant.representative.id_number",
                            "reason", "items", "received_at", "handover_at"}) {
        d.set(errorKey(key).substr(4), valueOr(form, key, ""));  // "applicant_name", …
    }
    d.set("intake_key", valueOr(form, "intake_key", service::randomToken(16)));
    d.set("channels", options(std::array{domain::Channel::Direct, domain::Channel::Postal, domain::Channel::OnlinePartial,
                                         domain::Channel::OnlineFull},
                              valueOr(form, "channel", "direct")));
    d.set("deliveries", options(std::array{domain::ResultDelivery::Desk, domain::ResultDelivery::Postal,
                                           domain::ResultDelivery::Online},
                                valueOr(form, "result_delivery", "desk")));
    d.set("kinds", options(std::array{domain::ApplicantKind::Individual, domain::ApplicantKind::Organisation},
                           valueOr(form, "applicant.kind", "individual")));
    d.set("outcomes", outcomeOptions(valueOr(form, "outcome", "accepted")));
    // The request lists the named rows only, so its documents[j] is the j-th row with a name.
    std::map<std::string, std::string> messages;
    for (const auto& e : errors) messages.emplace(e.field, e.message_vi);
    int listed = 0;
    Data rows{Data::type::list};
    for (int i = 0; i < kDocumentRows; ++i) {
        Data row;
        row.set("i", std::to_string(i));
        row.set("n", std::to_string(i + 1));
        const std::string name = valueOr(form, documentKey(i, "name"), "");
        row.set("name", name);
        row.set("count", valueOr(form, documentKey(i, "count"), "1"));
        if (!name.empty()) {
            for (const char* member : {"name", "count"}) {
                const auto found = messages.find(documentKey(listed, member));
                if (found != messages.end()) row.set(std::string("error_") + member, found->second);
            }
            ++listed;
        }
        row.set("kinds", options(std::array{domain::DocumentKind::Original, domain::DocumentKind::CertifiedCopy,
                                            domain::DocumentKind::Photocopy},
                                 valueOr(form, documentKey(i, "kind"), "original")));
        rows.push_back(row);
    }
    d.set("documents", rows);
    Data list{Data::type::list};
    for (const auto& e : errors) {
        Data item;
        item.set("message", e.message_vi);
        list.push_back(item);
        d.set(errorKey(e.field), e.message_vi);
    }
    if (!errors.empty()) d.set("errors", list);
    if (!choices.empty()) {
        Data c{Data::type::list};
        for (const auto& p : choices) {
            Data item;
            item.set("code", p.procedure.code.str());
            item.set("name", p.procedure.name);
            c.push_back(item);
        }
        d.set("choices", c);
    }
    return d;
}

/// Finds the procedure the desk meant: a chosen code, a typed code, or a unique search match.
/// Returns the code, or adds a field error (and the choices when several match).
std::string resolveProcedure(const DossierPagesContext& ctx, const domain::Principal& user,
                             const std::map<std::string, std::string>& form, std::vector<FieldError>& errors,
                             std::vector<domain::ProcedureEntry>& choices) {
    if (auto chosen = valueOr(form, "procedure_choice", ""); !chosen.empty()) return chosen;
    const std::string typed = valueOr(form, "procedure", "");
    if (typed.empty()) {
        errors.push_back({"procedure", "Chọn thủ tục hành chính (gõ mã hoặc tên thủ tục)."});
        return "";
    }
    const std::string first_word = typed.substr(0, typed.find(' '));
    const auto all = ctx.catalog.procedures();
    for (const auto& p : all) {
        if (p.procedure.code.str() == first_word) return first_word;
    }
    choices = service::searchProcedures(all, typed, user.agency_code, kProcedureMatches);
    if (choices.size() == 1) {
        const std::string code = choices.front().procedure.code.str();
        choices.clear();
        return code;
    }
    errors.push_back({"procedure", choices.empty() ? "Không tìm thấy thủ tục nào khớp với \"" + typed + "\"."
                                                   : "Có nhiều thủ tục khớp; chọn một thủ tục trong danh sách."});
    return "";
}

/// The intake as the JSON API receives it, built from the form (field names are the JSON paths).
Poco::JSON::Object::Ptr intakeObject(const std::map<std::string, std::string>& form, const std::string& procedure_code) {
    auto body = http::newObject();
    body->set("procedure_code", procedure_code);
    const std::string channel = valueOr(form, "channel", "direct");
    body->set("channel", channel);
    body->set("result_delivery", valueOr(form, "result_delivery", "desk"));
    const std::string outcome = valueOr(form, "outcome", "accepted");
    body->set("outcome", outcome);
    if (outcome != "accepted") body->set("reason", valueOr(form, "reason", ""));
    if (outcome == "incomplete") {
        Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
        for (const auto& line : textLines(valueOr(form, "items", ""))) items->add(line);
        body->set("items", items);
    }
    if (channel == "postal") {
        // The post office's and the handover record's times (QĐ 45/2016 Đ7.4).
        for (const char* key : {"received_at", "handover_at"}) {
            if (const auto text = valueOr(form, key, ""); !text.empty()) body->set(key, text);
        }
    }
    auto applicant = http::newObject();
    for (const char* member : {"kind", "name", "id_number", "phone", "email", "address"}) {
        applicant->set(member, valueOr(form, std::string("applicant.") + member, ""));
    }
    if (const auto rep = valueOr(form, "applicant.representative.name", ""); !rep.empty()) {
        auto r = http::newObject();
        r->set("name", rep);
        r->set("id_number", valueOr(form, "applicant.representative.id_number", ""));
        applicant->set("representative", r);
    }
    body->set("applicant", applicant);
    Poco::JSON::Array::Ptr documents = new Poco::JSON::Array;
    for (int i = 0; i < kDocumentRows; ++i) {
        const std::string name = valueOr(form, documentKey(i, "name"), "");
        if (name.empty()) continue;
        auto doc = http::newObject();
        doc->set("name", name);
        doc->set("kind", valueOr(form, documentKey(i, "kind"), "original"));
        // Not a number: reported as out of range.
        doc->set("count", domain::wholeNumber<long long>(valueOr(form, documentKey(i, "count"), "1")).value_or(0));
        documents->add(doc);
    }
    body->set("documents", documents);
    return body;
}

http::Response listPage(const DossierPagesContext& ctx, const http::Request& request, const domain::Principal& user,
                        const std::string& title, std::vector<std::pair<std::string, service::DossierQuery>> sections) {
    Data d;
    d.set("title", title);
    Data list{Data::type::list};
    for (auto& [heading, query] : sections) {
        const auto page = ctx.dossiers.list(user, query, request.remote_address);
        Data s;
        s.set("heading", heading);
        s.set("total", std::to_string(page.total));
        s.set("rows", dossierRows(page.items, ctx.local_time, user));
        list.push_back(s);
    }
    d.set("sections", list);
    return ctx.web.page(request, user, title, "pages/dossier_lists", d);
}

}  // namespace

std::map<std::string, std::string> formMap(const http::Request& request) {
    std::map<std::string, std::string> out;
    for (auto& [key, value] : http::parseQuery(request.body)) out[key] = value;
    return out;
}

std::vector<std::string> textLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        out.push_back(line.substr(first, last - first + 1));
    }
    return out;
}

std::int64_t dossierNumber(const std::string& text) {
    const auto id = domain::wholeNumber<long long>(text).value_or(0);
    if (id <= 0) throw Error(ErrorCode::NotFound, "Không tìm thấy hồ sơ số " + text.substr(0, 20) + ".", "bad dossier id");
    return id;
}

std::string errorKey(const std::string& field) {
    std::string key = "err_";
    for (char c : field) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (word) {
            key.push_back(c);
        } else if (key.back() != '_') {
            key.push_back('_');
        }
    }
    while (key.size() > 4 && key.back() == '_') key.pop_back();
    return key;
}

Data dossierRows(const std::vector<service::DossierView>& views, const service::LocalTime& lt,
                 const domain::Principal& reader) {
    const bool desk = domain::hasPermission(reader.role, domain::Permission::IntakeDossier);
    Data rows{Data::type::list};
    for (const auto& v : views) {
        Data row = dossierData(v, lt);
        // The citizen back with the missing papers: a new intake, filled from this one.
        if (desk && v.may_act && v.dossier.status == domain::DossierStatus::IncompleteAtIntake) {
            row.set("reintake_href", "/tiep-nhan?tu=" + std::to_string(v.dossier.id.value));
        }
        std::string css = v.overdue ? "overdue" : v.due_soon ? "due-soon" : "";
        if (v.apology_missing) css += " breach";
        row.set("row_class", css);
        rows.push_back(row);
    }
    return rows;
}

void registerDossierPages(http::Router& router, const DossierPagesContext& context) {
    auto& web = context.web;
    web.addNav(kDesk, {"/tiep-nhan", "Tiếp nhận hồ sơ", "n"});
    web.addNav({Role::ProcessingOfficer, Role::Head}, {"/ho-so-cua-toi", "Hồ sơ của tôi", "q"});
    web.addNav({Role::Head}, {"/lanh-dao/han-xu-ly", "Quá hạn, sắp đến hạn", "h"});
    web.addNav(kReaders, {"/ho-so", "Tìm hồ sơ", "t"});
    web.addNav(kReaders, {"/so-theo-doi", "Sổ theo dõi", "o"});
    const auto on_error = web.errorRenderer();
    const DossierPagesContext ctx = context;

    router.add("GET", "/tiep-nhan", [ctx](http::Request& request) {
        const auto user = ctx.web.requireRole(request, kDesk, "tiếp nhận hồ sơ");
        Data d = intakeData({}, {}, {});
        if (const auto from = request.queryParam("tu"); from && !from->empty()) {
            // ?tu=<id>: the citizen is back with the papers a BM.02 slip asked for.
            const auto earlier = ctx.dossiers.getById(user, dossierNumber(*from), request.remote_address);  // scope, log
            const auto& old = earlier.dossier;
            if (old.status != domain::DossierStatus::IncompleteAtIntake) {
                throw Error(ErrorCode::FailedPrecondition,
                            "Chỉ điền sẵn được từ hồ sơ đã được hướng dẫn bổ sung, hoàn thiện tại Bộ phận Một cửa.",
                            "prefill from a dossier not sent back at intake");
            }
            if (const auto later = ctx.dossiers.laterIntakeOf(user, old)) {
                // Taken already when the citizen came back: say so rather than take it twice.
                d.set("prefill_notice", "Hồ sơ của " + old.applicant.name + " đã được tiếp nhận lại, mã " + *later +
                                            ". Không cần tiếp nhận lần nữa.");
                d.set("csrf", ctx.web.csrf(request));
                return ctx.web.page(request, user, "Tiếp nhận hồ sơ", "pages/intake", d, 409);
            }
            const auto [form, left_out] = formFromIncomplete(old);
            d = intakeData(form, {}, {});
            std::string notice = "Điền sẵn từ hồ sơ của " + old.applicant.name + " nộp lúc " +
                                 shortTime(old.submitted_at, ctx.local_time) +
                                 ", đã được hướng dẫn bổ sung, hoàn thiện. Thêm các giấy tờ công dân mang bổ sung, "
                                 "kiểm tra lại rồi lưu.";
            if (left_out > 0) {
                notice += " Còn " + std::to_string(left_out) + " giấy tờ không vừa các dòng của mẫu: nhập gộp hoặc tiếp nhận qua API.";
            }
            d.set("prefill_notice", notice);
        }
        d.set("csrf", ctx.web.csrf(request));
        return ctx.web.page(request, user, "Tiếp nhận hồ sơ", "pages/intake", d);
    }, on_error);

    router.add("GET", "/tiep-nhan/thu-tuc", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const auto matches = service::searchProcedures(ctx.catalog.procedures(), request.queryParam("q").value_or(""),
                                                       user.agency_code, kProcedureMatches);
        Poco::JSON::Array::Ptr out = new Poco::JSON::Array;
        for (const auto& p : matches) {
            auto o = http::newObject();
            o->set("code", p.procedure.code.str());
            o->set("name", p.procedure.name);
            out->add(o);
        }
        return http::Response::json(http::stringify(out));
    }, on_error);

    router.add("POST", "/tiep-nhan", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const auto form = formMap(request);
        std::vector<FieldError> errors;
        std::vector<domain::ProcedureEntry> choices;
        const std::string procedure_code = resolveProcedure(ctx, user, form, errors, choices);
        const auto body = intakeObject(form, procedure_code);
        // `procedure_told`: resolveProcedure already said why the procedure is not settled.
        const auto merge = [&errors](const Error& e, bool procedure_told = false) {
            if (e.code() != ErrorCode::InvalidArgument) throw;  // called inside a handler: rethrows as is
            for (const auto& f : e.fieldErrors()) {
                // The procedure is reported under the search box.
                if (f.field != "procedure_code") {
                    errors.push_back(f);
                } else if (!procedure_told) {
                    errors.push_back({"procedure", f.message_vi});
                }
            }
            if (e.fieldErrors().empty()) errors.push_back({e.field().value_or("request"), e.userMessage()});
        };
        std::optional<service::IntakeInput> input;
        try {
            input = http::intakeFromObject(body, ctx.local_time, ctx.clock.now());
        } catch (const Error& e) {
            merge(e);
        }
        if (input && !errors.empty()) {
            // Only the procedure is not settled (resolveProcedure told why): the other fields'
            // problems are told now too, not on the next submission.
            try {
                domain::validateIntake(input->request, ctx.clock.now());
            } catch (const Error& e) {
                merge(e, true);
            }
        } else if (input) {
            try {
                // The form's one-time key makes a double submission print the first dossier again;
                // hashed, so whatever the hidden field holds is a well-formed key.
                const std::string key = valueOr(form, "intake_key", "");
                const auto result = ctx.dossiers.intake(user, *input,
                                                        key.empty() ? std::nullopt : std::optional(service::sha256Hex(key)),
                                                        service::sha256Hex(http::stringify(body)), request.remote_address);
                const auto& d = result.view.dossier;
                if (d.code) return WebApp::redirect("/ho-so/" + d.code->str() + "/in/giay-tiep-nhan?in=1");
                if (d.status == domain::DossierStatus::RefusedAtIntake) {
                    return printRefusal(ctx, user, result.view, input->reason);
                }
                return printSupplementRequest(ctx, user, result.view, input->reason, input->items);
            } catch (const Error& e) {
                merge(e);
            }
        }
        // A procedure settled (typed, or chosen among several) stays settled on the form shown again.
        auto shown = form;
        if (!procedure_code.empty()) shown["procedure"] = procedure_code;
        Data d = intakeData(shown, errors, choices);
        d.set("csrf", ctx.web.csrf(request));
        return ctx.web.page(request, user, "Tiếp nhận hồ sơ", "pages/intake", d, 422);
    }, on_error);

    router.add("GET", "/ho-so", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        service::DossierQuery q;
        q.text = request.queryParam("q");
        q.page_size = 50;
        const auto page = ctx.dossiers.list(user, q, request.remote_address);
        Data d;
        d.set("q", q.text.value_or(""));
        d.set("total", std::to_string(page.total));
        d.set("rows", dossierRows(page.items, ctx.local_time, user));
        return ctx.web.page(request, user, "Tìm hồ sơ", "pages/dossier_search", d);
    }, on_error);

    router.add("GET", "/ho-so-cua-toi", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        service::DossierQuery mine;
        mine.mine = true;
        mine.page_size = 200;
        service::DossierQuery waiting;
        waiting.status = "received";
        waiting.page_size = 200;
        return listPage(ctx, request, user, "Hồ sơ của tôi",
                        {{"Hồ sơ được giao cho tôi (hạn gần nhất trước)", mine},
                         {"Hồ sơ đã tiếp nhận, chờ chuyển xử lý", waiting}});
    }, on_error);

    router.add("GET", "/lanh-dao/han-xu-ly", [ctx](http::Request& request) {
        const auto user = ctx.web.requireRole(request, {Role::Head}, "hồ sơ quá hạn, sắp đến hạn");
        service::DossierQuery overdue;
        overdue.due = "overdue";
        overdue.page_size = 200;
        service::DossierQuery soon;
        soon.due = "soon";
        soon.page_size = 200;
        return listPage(ctx, request, user, "Hồ sơ quá hạn và sắp đến hạn",
                        {{"Hồ sơ quá hạn", overdue}, {"Hồ sơ sắp đến hạn", soon}});
    }, on_error);

    registerDossierDetail(router, context);
}

}  // namespace motcua::web
