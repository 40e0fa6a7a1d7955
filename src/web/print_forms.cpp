// kainjow::mustache's data variant trips GCC 12's -Wnull-dereference inside libstdc++ (see template_set.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/dossier_pages.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/dossier/dossier_state.h"
#include "service/auth_service.h"
#include "service/catalog_service.h"
#include "service/local_time.h"
#include "web/dossier_format.h"

namespace motcua::web {
namespace {

/// The data every printed dossier form starts from: the dossier and the header of `agency_code`.
Data formData(const DossierPagesContext& ctx, const service::DossierView& view, const std::string& agency_code,
              const std::string& paper) {
    Data d = dossierData(view, ctx.local_time);
    addFormHeader(d, ctx.catalog, agency_code, ctx.clock.now(), ctx.local_time);
    const auto& received = view.dossier.received_at;
    d.set("received_date_text", received ? date::format("%d/%m/%Y", ctx.local_time.toLocal(*received)) : "");
    d.set("paper", paper);
    d.set("back_href", view.dossier.code ? "/ho-so/" + view.dossier.code->str() : std::string("/tiep-nhan"));
    return d;
}

/// The name to print for the user who did something: their full name, as forms are signed.
std::string actorName(const DossierPagesContext& ctx, const domain::Principal& user, std::int64_t actor) {
    return actor == user.user_id ? user.full_name : ctx.dossiers.fullName(actor);
}

std::optional<domain::DossierEvent> lastEvent(const std::vector<domain::DossierEvent>& events,
                                              domain::DossierEventKind kind) {
    std::optional<domain::DossierEvent> out;
    for (const auto& e : events) {
        if (e.kind() == kind) out = e;
    }
    return out;
}

Error noSuchForm(const std::string& what) {
    return Error(ErrorCode::NotFound, "Hồ sơ này không có " + what + " để in.", "no form to print");
}

Error unknownForm(const std::string& form) {
    return Error(ErrorCode::NotFound, "Không có mẫu in này.", "unknown form " + form);
}

/// The items to supply that an event lists (payload item_1, item_2, …).
std::vector<std::string> itemsOf(const domain::DossierEvent& event) {
    std::vector<std::string> items;
    for (const auto& [key, value] : event.payload()) {
        if (key.rfind("item_", 0) == 0) items.push_back(value);
    }
    return items;
}

Data listOf(const std::vector<std::string>& items) {
    Data list{Data::type::list};
    for (const auto& item : items) list.push_back(Data(item));
    return list;
}

http::Response receipt(const DossierPagesContext& ctx, const http::Request& request, const domain::Principal& user,
                       const service::DossierView& view, const std::vector<domain::DossierEvent>& events) {
    const auto& d = view.dossier;
    Data data = formData(ctx, view, view.receiving_agency_code, "A5");
    const auto accepted = lastEvent(events, domain::DossierEventKind::Accepted);
    data.set("officer_name", accepted ? actorName(ctx, user, accepted->actorUser().value) : user.full_name);
    data.set("dossier_count", "01");
    // A long list of documents is set a size smaller, then smaller again, so that the receipt
    // stays on one A5 sheet (the six rows of the desk's form do; a longer list filed online
    // goes on, with the table's header repeated, rather than being cut).
    std::size_t letters = 0;
    for (const auto& doc : d.documents) letters += domain::countCodePoints(doc.name).value_or(doc.name.size());
    const bool denser = d.documents.size() > 8 || letters > 600;
    data.set("dense", !denser && (d.documents.size() >= 4 || letters > 160));
    data.set("denser", denser);
    std::string place(domain::labelVi(d.result_delivery));
    if (d.result_delivery == domain::ResultDelivery::Postal && !d.applicant.address.empty()) {
        place += " — " + d.applicant.address;
    }
    data.set("result_place", place);
    const auto host = request.header("Host");
    data.set("lookup_url", host ? "http://" + *host + "/tra-cuu" : std::string("/tra-cuu"));
    if (request.queryParam("in").value_or("") == "1") data.set("autoprint", true);
    return ctx.web.printable("forms/receipt", data);
}

http::Response supplementForm(const DossierPagesContext& ctx, const service::DossierView& view,
                              const std::string& officer_name, const std::string& reason,
                              const std::vector<std::string>& items) {
    Data data = formData(ctx, view, view.handling_agency_code, "A5");
    data.set("officer_name", officer_name);
    data.set("contact_name", officer_name);
    data.set("contact_phone", ctx.catalog.agency(view.handling_agency_code).phone);
    data.set("reason", reason);
    data.set("items", listOf(items));
    return ctx.web.printable("forms/supplement_request", data);
}

http::Response refusalForm(const DossierPagesContext& ctx, const service::DossierView& view,
                           const std::string& officer_name, const std::string& reason) {
    Data data = formData(ctx, view, view.receiving_agency_code, "A5");
    data.set("officer_name", officer_name);
    data.set("reason", reason);
    return ctx.web.printable("forms/refusal", data);
}

http::Response apology(const DossierPagesContext& ctx, const service::DossierView& view) {
    const auto& d = view.dossier;
    if (!d.apology) throw noSuchForm("Phiếu xin lỗi và hẹn lại ngày trả kết quả");
    Data data = formData(ctx, view, view.handling_agency_code, "A5");
    data.set("original_due_text", formTime(domain::legalDueAt(d), ctx.local_time));
    data.set("reason", d.apology->reason);
    data.set("new_due_text", formTime(d.apology->new_due_at, ctx.local_time));
    data.set("signed_by", d.apology->signed_by);
    return ctx.web.printable("forms/apology", data);
}

http::Response controlSheet(const DossierPagesContext& ctx, const service::DossierView& view,
                            const std::vector<domain::DossierEvent>& events) {
    Data data = formData(ctx, view, view.handling_agency_code, "A5");
    Data steps{Data::type::list};
    for (const auto& e : events) {
        Data step;
        step.set("step", std::to_string(e.sequence()) + ". " + std::string(domain::labelVi(e.kind())));
        step.set("at_text", eventTime(e, ctx.local_time));
        step.set("actor", ctx.dossiers.fullName(e.actorUser().value));
        const auto verdict = e.payloadValue("verdict");
        step.set("verdict", verdict ? std::string(domain::labelVi(domain::parseVerdict(*verdict))) : "");
        step.set("note", e.note());
        steps.push_back(step);
    }
    data.set("steps", steps);
    return ctx.web.printable("forms/control_sheet", data);
}

/// The Phiếu từ chối giải quyết hồ sơ of a dossier rejected after appraisal (NĐ 61/2018 Đ19.8):
/// the same form as a refusal at the desk, issued by the handling agency, with the reasons the
/// officer recorded.
http::Response rejection(const DossierPagesContext& ctx, const domain::Principal& user, const service::DossierView& view,
                         const std::vector<domain::DossierEvent>& events) {
    const auto rejected = lastEvent(events, domain::DossierEventKind::RejectedAfterAppraisal);
    if (!rejected) throw noSuchForm("Phiếu từ chối giải quyết hồ sơ");
    Data data = formData(ctx, view, view.handling_agency_code, "A5");
    data.set("after_appraisal", true);
    data.set("officer_name", actorName(ctx, user, rejected->actorUser().value));
    data.set("reason", rejected->note());
    data.set("rejected_text", formTime(rejected->at(), ctx.local_time));
    return ctx.web.printable("forms/refusal", data);
}

/// The Phiếu chuyển xử lý of one liên thông hop (NĐ 61/2018 Đ19.6): which agency sends the
/// dossier to which, with what task and by when, and the documents that go with it. `lan` is
/// the hop's number (1 = the first transfer); without it, the latest hop the reader's agency
/// sent, or else the last one the reader may print (mayPrintHop). The dossier's hops and its
/// Transferred events are written together, one for one, in order.
http::Response transferSlip(const DossierPagesContext& ctx, const domain::Principal& user,
                            const service::DossierView& view, const std::vector<domain::DossierEvent>& events,
                            const std::optional<std::string>& lan) {
    std::vector<const domain::DossierEvent*> sent_events;
    for (const auto& e : events) {
        if (e.kind() == domain::DossierEventKind::Transferred) sent_events.push_back(&e);
    }
    const auto& hops = view.dossier.transfers;
    if (hops.empty() || hops.size() != sent_events.size()) throw noSuchForm("Phiếu chuyển xử lý hồ sơ");
    std::size_t k = hops.size();  // the hop printed, 0-based
    if (lan) {
        const auto number = domain::wholeNumber<long long>(*lan).value_or(0);
        if (number < 1 || static_cast<std::size_t>(number) > hops.size()) {
            throw Error(ErrorCode::NotFound,
                        "Hồ sơ này được chuyển liên thông " + std::to_string(hops.size()) + " lần; không có lần chuyển «" +
                            lan->substr(0, 20) + "».",
                        "no such transfer hop", "lan");
        }
        k = static_cast<std::size_t>(number) - 1;
        if (!mayPrintHop(ctx, user, view, hops[k])) {
            throw Error(ErrorCode::PermissionDenied,
                        "Lần chuyển thứ " + std::to_string(number) +
                            " không do cơ quan của bạn gửi hay nhận; cơ quan của bạn chỉ in được phiếu chuyển của mình.",
                        "transfer hop outside scope", "lan");
        }
    } else {
        for (std::size_t i = 0; i < hops.size(); ++i) {
            if (mayPrintHop(ctx, user, view, hops[i])) k = i;
        }
        for (std::size_t i = 0; i < hops.size(); ++i) {
            if (ctx.catalog.inScope(user, hops[i].from_agency)) k = i;
        }
        if (k == hops.size()) throw noSuchForm("Phiếu chuyển xử lý hồ sơ");
    }
    const domain::TransferHop& hop = hops[k];
    const domain::DossierEvent& sent = *sent_events[k];
    const auto tree = ctx.catalog.tree();
    const auto& from_agency = tree->get(hop.from_agency);
    const auto& to_agency = tree->get(hop.to_agency);
    Data data = formData(ctx, view, from_agency.code, "A5");
    data.set("from_agency_name", from_agency.name);
    data.set("to_agency_name", to_agency.name);
    data.set("officer_name", actorName(ctx, user, sent.actorUser().value));
    data.set("transferred_text", formTime(hop.at, ctx.local_time));
    setIf(data, "task", sent.note());
    if (hop.due_at) data.set("hop_due_text", formTime(*hop.due_at, ctx.local_time));
    return ctx.web.printable("forms/transfer", data);
}

std::string dayText(const std::string& iso) {
    const auto ymd = service::parseIsoDate(iso, "from");
    return date::format("%d/%m/%Y", ymd);
}

}  // namespace

bool mayPrintHop(const DossierPagesContext& ctx, const domain::Principal& user, const service::DossierView& view,
                 const domain::TransferHop& hop) {
    return view.may_act || ctx.dossiers.onHop(user, hop);
}

http::Response printRefusal(const DossierPagesContext& ctx, const domain::Principal& user,
                            const service::DossierView& view, const std::string& reason) {
    return refusalForm(ctx, view, user.full_name, reason);
}

http::Response printSupplementRequest(const DossierPagesContext& ctx, const domain::Principal& user,
                                      const service::DossierView& view, const std::string& reason,
                                      const std::vector<std::string>& items) {
    return supplementForm(ctx, view, user.full_name, reason, items);
}

void registerPrintForms(http::Router& router, const DossierPagesContext& context) {
    const auto on_error = context.web.errorRenderer();
    const DossierPagesContext ctx = context;

    router.add("GET", "/ho-so/{code}/in/{form}", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const std::string& code = request.param("code");
        const std::string& form = request.param("form");
        const auto view = ctx.dossiers.get(user, code, request.remote_address);
        if (!view.may_act && form != "phieu-chuyen") {
            throw Error(ErrorCode::PermissionDenied,
                        "Hồ sơ đang do " + view.handling_agency_name +
                            " giải quyết; cơ quan của bạn chỉ in được Phiếu chuyển xử lý của lần chuyển do mình gửi hay nhận.",
                        "form of a passed-through dossier");
        }
        const auto events = ctx.dossiers.events(user, code);
        if (form == "giay-tiep-nhan") return receipt(ctx, request, user, view, events);
        if (form == "phieu-bo-sung") {
            const auto asked = lastEvent(events, domain::DossierEventKind::SupplementRequested);
            if (!asked) throw noSuchForm("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
            return supplementForm(ctx, view, actorName(ctx, user, asked->actorUser().value), asked->note(),
                                  itemsOf(*asked));
        }
        if (form == "phieu-xin-loi") return apology(ctx, view);
        if (form == "phieu-tu-choi") return rejection(ctx, user, view, events);
        if (form == "phieu-chuyen") return transferSlip(ctx, user, view, events, request.queryParam("lan"));
        if (form == "phieu-kiem-soat") return controlSheet(ctx, view, events);
        throw unknownForm(form);
    }, on_error);

    // The slip of an intake that got no code (refused, or sent back to be completed), printed again.
    router.add("GET", "/tiep-nhan/{id}/in/{form}", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const auto id = dossierNumber(request.param("id"));
        const std::string& form = request.param("form");
        if (form != "phieu-tu-choi" && form != "phieu-bo-sung") {
            throw unknownForm(form);
        }
        const auto view = ctx.dossiers.getById(user, id, request.remote_address);
        const auto events = ctx.dossiers.eventsById(user, id);
        if (form == "phieu-tu-choi") {
            const auto refused = lastEvent(events, domain::DossierEventKind::RefusedAtIntake);
            if (!refused) throw noSuchForm("Phiếu từ chối tiếp nhận giải quyết hồ sơ");
            return refusalForm(ctx, view, actorName(ctx, user, refused->actorUser().value), refused->note());
        }
        const auto asked = lastEvent(events, domain::DossierEventKind::CompletionRequestedAtIntake);
        if (!asked) throw noSuchForm("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ");
        return supplementForm(ctx, view, actorName(ctx, user, asked->actorUser().value), asked->note(), itemsOf(*asked));
    }, on_error);

    router.add("GET", "/so-theo-doi", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        const auto today = date::floor<date::days>(ctx.local_time.toLocal(ctx.clock.now()));
        Data d;
        d.set("from", date::format("%Y-%m-%d", today - date::days{6}));
        d.set("to", date::format("%Y-%m-%d", today));
        return ctx.web.page(request, user, "Sổ theo dõi hồ sơ", "pages/register", d);
    }, on_error);

    router.add("GET", "/so-theo-doi/in", [ctx](http::Request& request) {
        const auto user = ctx.web.requireUser(request);
        service::DossierQuery q;
        q.from = request.queryParam("from").value_or("");
        q.to = request.queryParam("to").value_or("");
        if (q.from->empty() || q.to->empty()) {
            throw Error::invalidFields({{"from", "Chọn khoảng ngày (từ ngày, đến ngày) để in Sổ theo dõi."}});
        }
        q.page_size = 200;
        Data rows{Data::type::list};
        int index = 0;
        for (q.page = 1; q.page <= 25; ++q.page) {  // at most 5 000 rows in one printout
            const auto page = ctx.dossiers.list(user, q, request.remote_address);
            for (const auto& v : page.items) {
                if (!v.dossier.code) continue;  // refused or sent back at intake: no register entry
                Data row = dossierData(v, ctx.local_time);
                row.set("index", std::to_string(++index));
                row.set("received_text", shortTime(v.dossier.received_at, ctx.local_time));
                row.set("due_text", shortTime(v.due_at, ctx.local_time));
                rows.push_back(row);
            }
            if (static_cast<int>(page.items.size()) < q.page_size) break;
        }
        // The register prints every applicant's name, address and phone of the period.
        ctx.auth.logPersonalDataAccess(user, std::nullopt, *q.from + ".." + *q.to, "print_register",
                                       request.remote_address);
        Data d;
        addFormHeader(d, ctx.catalog, user.agency_code, ctx.clock.now(), ctx.local_time);
        d.set("period_text", "Từ ngày " + dayText(*q.from) + " đến ngày " + dayText(*q.to));
        if (index > 0) d.set("rows", rows);
        d.set("paper", "A4 ngang");
        d.set("back_href", "/so-theo-doi");
        return ctx.web.printable("forms/register", d);
    }, on_error);
}

}  // namespace motcua::web
