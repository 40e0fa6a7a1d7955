// kainjow::mustache's data variant trips GCC 12's -Wnull-dereference inside libstdc++ (see template_set.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/dossier_pages.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/dossier/dossier_state.h"
#include "http/dossier_api.h"
#include "http/error_mapping.h"
#include "service/auth_service.h"
#include "service/catalog_service.h"
#include "service/local_time.h"
#include "web/dossier_format.h"


#include <algorithm>

namespace motcua::web {
namespace {

using domain::CommandKind;

/// One input of a command form.
struct InputSpec {
    const char* name;
    const char* label;
    const char* kind;  ///< text | textarea | datetime | number | delivery | officer
    bool required;
};

/// A command the detail page offers when the state machine and the user's role allow it.
struct ActionSpec {
    CommandKind kind;  ///< offered to the roles service::commandRight names
    const char* button;
    std::vector<InputSpec> inputs;
};

const std::vector<ActionSpec>& actionSpecs() {
    static const std::vector<ActionSpec> specs{
        {CommandKind::StartProcessing, "Chuyển xử lý", {}},
        {CommandKind::Assign, "Phân công cán bộ xử lý",
         {{"officer", "Cán bộ xử lý", "officer", true}}},
        {CommandKind::Transfer, "Chuyển liên thông",
         {{"to_agency", "Mã định danh cơ quan nhận", "text", true},
          {"hop_due_at", "Hạn của cơ quan nhận (nếu có)", "datetime", false},
          {"note", "Ghi chú", "textarea", false}}},
        {CommandKind::RequestSupplement, "Yêu cầu bổ sung và in phiếu",
         {{"reason", "Lý do", "text", true}, {"items", "Nội dung cần bổ sung, hoàn thiện (mỗi dòng một mục)", "textarea", true}}},
        {CommandKind::ReceiveSupplement, "Nhận hồ sơ bổ sung",
         {{"received_at", "Thời điểm nhận đủ hồ sơ (bỏ trống: bây giờ)", "datetime", false}}},
        {CommandKind::RequestFinancialObligation, "Yêu cầu thực hiện nghĩa vụ tài chính",
         {{"description", "Khoản phải nộp", "text", true}, {"amount_vnd", "Số tiền (đồng)", "number", false}}},
        {CommandKind::ConfirmPayment, "Xác nhận đã nộp phí, thuế", {}},
        {CommandKind::Resolve, "Ghi nhận kết quả giải quyết",
         {{"result_note", "Tóm tắt kết quả", "textarea", false}}},
        {CommandKind::RejectAfterAppraisal, "Từ chối giải quyết",
         {{"reason", "Lý do từ chối", "textarea", true}}},
        {CommandKind::Stop, "Dừng xử lý", {{"reason", "Căn cứ dừng xử lý", "textarea", true}}},
        {CommandKind::Withdraw, "Công dân rút hồ sơ",
         {{"reason", "Lý do công dân nêu", "textarea", true}}},
        {CommandKind::Return, "Trả kết quả",
         {{"delivery", "Hình thức trả", "delivery", true}}},
    };
    return specs;
}

/// What the user last submitted in a command form that failed, shown again with the error.
struct Failed {
    std::string command;
    std::string message;
    std::map<std::string, std::string> values;
};

/// An officer the user may assign: (username, "Full name (username)").
using OfficerChoice = std::pair<std::string, std::string>;

/// The active processing officers and heads of the user's agency and those below it, by name.
std::vector<OfficerChoice> assignableOfficers(const DossierPagesContext& ctx, const domain::Principal& user) {
    std::vector<std::pair<std::string, OfficerChoice>> found;  // sorted by full name
    for (const auto& u : ctx.auth.listUsers()) {
        if (!u.active || (u.role != domain::Role::ProcessingOfficer && u.role != domain::Role::Head)) continue;
        if (!ctx.catalog.inScope(user, ctx.catalog.agency(u.agency_code).agency.id)) continue;
        found.emplace_back(u.full_name, OfficerChoice{u.username, u.full_name + " (" + u.username + ")"});
    }
    std::sort(found.begin(), found.end());
    std::vector<OfficerChoice> out;
    for (auto& entry : found) out.push_back(std::move(entry.second));
    return out;
}

/// The command forms the user may submit; sets `shown_failed` when the failed command is one.
Data actionsData(const DossierPagesContext& ctx, const domain::Principal& user, const domain::Dossier& d,
                 const std::optional<Failed>& failed, bool& shown_failed) {
    Data list{Data::type::list};
    for (const auto& spec : actionSpecs()) {
        if (!domain::isAllowed(d.status, spec.kind) ||
            !domain::hasPermission(user.role, service::commandRight(spec.kind).permission)) {
            continue;
        }
        const std::string command(domain::toName(spec.kind));
        const bool again = failed && failed->command == command;
        shown_failed = shown_failed || again;
        Data a;
        a.set("command", command);
        a.set("button", spec.button);
        if (again) a.set("error", failed->message);
        Data inputs{Data::type::list};
        for (const auto& in : spec.inputs) {
            Data i;
            i.set("name", in.name);
            i.set("label", in.label);
            i.set(in.kind, true);
            if (in.required) i.set("required", true);
            std::string value;
            if (again) {
                if (const auto found = failed->values.find(in.name); found != failed->values.end()) value = found->second;
            }
            i.set("value", value);
            if (std::string(in.kind) == "delivery") {
                Data options{Data::type::list};
                for (auto delivery : {domain::ResultDelivery::Desk, domain::ResultDelivery::Postal, domain::ResultDelivery::Online}) {
                    Data o;
                    o.set("value", std::string(domain::toName(delivery)));
                    o.set("label", std::string(domain::labelVi(delivery)));
                    if (value.empty() ? delivery == d.result_delivery : value == domain::toName(delivery)) o.set("selected", true);
                    options.push_back(o);
                }
                i.set("options", options);
            }
            if (std::string(in.kind) == "officer") {
                Data options{Data::type::list};
                for (const auto& [username, label] : assignableOfficers(ctx, user)) {
                    Data o;
                    o.set("value", username);
                    o.set("label", label);
                    if (username == value) o.set("selected", true);
                    options.push_back(o);
                }
                i.set("options", options);
            }
            inputs.push_back(i);
        }
        a.set("inputs", inputs);
        list.push_back(a);
    }
    return list;
}

http::Response detailPage(const DossierPagesContext& ctx, const http::Request& request, const domain::Principal& user,
                          const std::string& code, const std::optional<Failed>& failed, int status) {
    const auto view = ctx.dossiers.get(user, code, request.remote_address);
    const auto& d = view.dossier;
    Data data = dossierData(view, ctx.local_time);
    data.set("csrf", ctx.web.csrf(request));
    Data events{Data::type::list};
    bool supplement = false;
    bool rejected = false;
    const auto trail = ctx.dossiers.events(user, code);
    for (const auto& e : trail) {
        Data item;
        item.set("sequence", std::to_string(e.sequence()));
        item.set("label", std::string(domain::labelVi(e.kind())));
        item.set("at", eventTime(e, ctx.local_time));
        item.set("actor", ctx.dossiers.fullName(e.actorUser().value));
        setIf(item, "note", e.note());
        events.push_back(item);
        supplement = supplement || e.kind() == domain::DossierEventKind::SupplementRequested;
        rejected = rejected || e.kind() == domain::DossierEventKind::RejectedAfterAppraisal;
    }
    data.set("events", events);
    data.set("has_supplement", supplement);
    data.set("rejected", rejected);
    // One slip per liên thông hop the reader may print; with a single hop the link needs no number.
    Data hops{Data::type::list};
    for (std::size_t i = 0; i < d.transfers.size(); ++i) {
        if (!mayPrintHop(ctx, user, view, d.transfers[i])) continue;
        Data h;
        h.set("hop", std::to_string(i + 1));
        hops.push_back(h);
    }
    if (d.transfers.size() == 1) data.set("transferred", true);
    if (d.transfers.size() > 1) data.set("hops", hops);
    bool shown_failed = false;
    if (view.may_act) {
        data.set("actions", actionsData(ctx, user, d, failed, shown_failed));
    } else {
        data.set("actions", Data{Data::type::list});
        data.set("read_only", true);
    }
    const auto apology_right = service::commandRight(CommandKind::IssueApology).permission;
    if (view.may_act && domain::hasPermission(user.role, apology_right) && !d.apology &&
        domain::isAllowed(d.status, CommandKind::IssueApology)) {
        Data a;
        const bool again = failed && failed->command == "apology";
        const auto value = [&](const std::string& key, const std::string& fallback) {
            if (!again) return fallback;
            const auto found = failed->values.find(key);
            return found == failed->values.end() ? fallback : found->second;
        };
        if (again) a.set("error", failed->message);
        a.set("reason", value("reason", ""));
        a.set("new_due_at", value("new_due_at", ""));
        a.set("signed_by", value("signed_by", user.full_name));
        data.set("apology_form", a);
        shown_failed = shown_failed || again;
    }
    // A command no longer offered (the dossier moved on meanwhile): its error goes on top.
    if (failed && !shown_failed) data.set("page_error", failed->message);
    // ?ok=<version>, after a step: confirmed only while that step, by this user, is the latest,
    // and told from the trail, so a link cannot make the page confirm anything else.
    std::string confirmation;
    if (!trail.empty() && !failed && request.queryParam("ok") == std::to_string(d.version) &&
        trail.back().actorUser().value == user.user_id) {
        confirmation = "Đã ghi vào hồ sơ: " + std::string(domain::labelVi(trail.back().kind())) + " (" +
                       shortTime(trail.back().at(), ctx.local_time) + ").";
    }
    return ctx.web.page(request, user, "Hồ sơ " + code, "pages/dossier_detail", data, status, confirmation);
}

std::optional<long long> versionField(const std::map<std::string, std::string>& form) {
    const auto found = form.find("version");
    if (found == form.end()) return std::nullopt;
    return domain::wholeNumber<long long>(found->second);
}

/// Errors a signed-in user can fix on the same page: bad fields, an illegal step, a stale version.
bool showOnPage(const Error& e) {
    return e.code() == ErrorCode::InvalidArgument || e.code() == ErrorCode::FailedPrecondition ||
           e.code() == ErrorCode::Conflict;
}

std::string describe(const Error& e) {
    std::string message = e.userMessage();
    for (const auto& f : e.fieldErrors()) {
        if (message.find(f.message_vi) == std::string::npos) message += " " + f.message_vi;
    }
    return message;
}

}  // namespace

void registerDossierDetail(http::Router& router, const DossierPagesContext& context) {
    const auto on_error = context.web.errorRenderer();
    const DossierPagesContext ctx = context;

    router.add("GET", "/ho-so/{code}", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        return detailPage(ctx, request, user, request.param("code"), std::nullopt, 200);
    }, on_error);

    router.add("POST", "/ho-so/{code}/thao-tac", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const std::string& code = request.param("code");
        auto form = formMap(request);
        const std::string command = form["command"];
        std::map<std::string, std::string> fields;
        for (const auto& [key, value] : form) {
            if (key != "_csrf" && key != "command" && key != "version" && key != "items") fields[key] = value;
        }
        std::int64_t version = 0;
        try {
            const auto in = http::transitionInput(command, versionField(form), fields, textLines(form["items"]));
            version = ctx.dossiers.transition(user, code, in).dossier.version;
        } catch (const Error& e) {
            if (!showOnPage(e)) throw;
            return detailPage(ctx, request, user, code, Failed{command, describe(e), form}, http::httpStatus(e));
        }
        // The citizen is handed a form: print it at once.
        if (command == "request_supplement") return WebApp::redirect("/ho-so/" + code + "/in/phieu-bo-sung");
        if (command == "reject_after_appraisal") return WebApp::redirect("/ho-so/" + code + "/in/phieu-tu-choi");
        return WebApp::redirect("/ho-so/" + code + "?ok=" + std::to_string(version));
    }, on_error);

    router.add("POST", "/ho-so/{code}/xin-loi", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const std::string& code = request.param("code");
        auto form = formMap(request);
        try {
            const auto version = versionField(form);
            if (!version) throw Error::invalidFields({{"version", "Thiếu số phiên bản hồ sơ; hãy tải lại trang."}});
            ctx.dossiers.issueApology(user, code, {*version, form["reason"], form["new_due_at"], form["signed_by"]});
        } catch (const Error& e) {
            if (!showOnPage(e)) throw;
            return detailPage(ctx, request, user, code, Failed{"apology", describe(e), form}, http::httpStatus(e));
        }
        return WebApp::redirect("/ho-so/" + code + "/in/phieu-xin-loi");
    }, on_error);
}

}  // namespace motcua::web
