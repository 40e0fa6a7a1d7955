// kainjow::mustache's data variant trips GCC 12's -Wnull-dereference inside libstdc++ (see template_set.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/dossier_format.h"

#include "domain/dossier/dossier_state.h"
#include "service/catalog_service.h"
#include "service/local_time.h"

namespace motcua::web {

std::string shortTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt) {
    return t ? date::format("%d/%m/%Y %H:%M", lt.toLocal(*t)) : "";
}

std::string eventTime(const domain::DossierEvent& e, const service::LocalTime& lt) {
    // Accepted and SupplementReceived carry received_at (for a postal dossier, the handover);
    // Submitted carries submitted_at (when the post office took it).
    for (const char* key : {"received_at", "submitted_at"}) {
        const auto value = e.payloadValue(key);
        if (!value || value->empty()) continue;
        const auto at = lt.parseIso(*value, key);
        if (at - e.at() < std::chrono::minutes{1} && e.at() - at < std::chrono::minutes{1}) break;
        return shortTime(at, lt) + " (nhập lúc " + shortTime(e.at(), lt) + ")";
    }
    return shortTime(e.at(), lt);
}

std::string formTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt) {
    return t ? date::format("%H giờ %M phút, ngày %d/%m/%Y", lt.toLocal(*t)) : "";
}

std::string inputTime(const std::optional<date::sys_seconds>& t, const service::LocalTime& lt) {
    return t ? date::format("%Y-%m-%dT%H:%M", lt.toLocal(*t)) : "";
}

std::string placeDate(const std::string& place, date::sys_seconds t, const service::LocalTime& lt) {
    return place + date::format(", ngày %d tháng %m năm %Y", lt.toLocal(t));
}

/// Sets `key` only when `value` is not empty: Mustache treats an empty string as true.
void setIf(Data& data, const std::string& key, const std::string& value) {
    if (!value.empty()) data.set(key, value);
}

Data dossierData(const service::DossierView& v, const service::LocalTime& lt) {
    const auto& d = v.dossier;
    Data o;
    if (d.code) o.set("code", d.code->str());
    o.set("has_code", d.code.has_value());  // refused or incomplete at intake: no code, no page
    // …but the slip the citizen was handed can be printed again.
    if (d.status == domain::DossierStatus::RefusedAtIntake) {
        o.set("reprint_href", "/tiep-nhan/" + std::to_string(d.id.value) + "/in/phieu-tu-choi");
    } else if (d.status == domain::DossierStatus::IncompleteAtIntake) {
        o.set("reprint_href", "/tiep-nhan/" + std::to_string(d.id.value) + "/in/phieu-bo-sung");
    }
    o.set("version", std::to_string(d.version));
    o.set("status", std::string(domain::toName(d.status)));
    o.set("status_label", std::string(domain::labelVi(d.status)));
    o.set("channel_label", std::string(domain::labelVi(d.channel)));
    o.set("delivery_label", std::string(domain::labelVi(d.result_delivery)));
    o.set("procedure_code", d.procedure_code.str());
    o.set("procedure_name", v.procedure_name);
    o.set("duration_text", v.duration_text);
    o.set("receiving_agency_name", v.receiving_agency_name);
    o.set("handling_agency_name", v.handling_agency_name);
    o.set("handling_agency_code", v.handling_agency_code);
    setIf(o, "assigned_officer", v.assigned_officer.value_or(""));
    o.set("applicant_kind", std::string(domain::labelVi(d.applicant.kind)));
    o.set("applicant_name", d.applicant.name);
    setIf(o, "applicant_id", d.applicant.identity_number);
    setIf(o, "applicant_phone", d.applicant.phone);
    setIf(o, "applicant_email", d.applicant.email);
    setIf(o, "applicant_address", d.applicant.address);
    o.set("applicant_contact", d.applicant.address + (d.applicant.phone.empty() ? "" : " — " + d.applicant.phone));
    if (d.applicant.representative) {
        setIf(o, "representative_name", d.applicant.representative->name);
        setIf(o, "representative_id", d.applicant.representative->identity_number);
    }
    Data documents{Data::type::list};
    int index = 0;
    for (const auto& doc : d.documents) {
        Data item;
        item.set("index", std::to_string(++index));
        item.set("name", doc.name);
        item.set("kind_label", std::string(domain::labelVi(doc.kind)));
        item.set("count", std::to_string(doc.count));
        documents.push_back(item);
    }
    o.set("documents", documents);
    o.set("submitted_text", shortTime(d.submitted_at, lt));
    o.set("received_text", formTime(d.received_at, lt));
    o.set("received_short", shortTime(d.received_at, lt));
    o.set("due_text", formTime(v.due_at, lt));
    o.set("due_short", shortTime(v.due_at, lt));
    o.set("original_due_text", formTime(d.timing.original_due_at, lt));
    setIf(o, "resolved_short", shortTime(d.timing.resolved_at, lt));
    setIf(o, "returned_text", shortTime(d.timing.returned_at, lt));
    setIf(o, "remaining_text", v.remaining_text);
    setIf(o, "verdict_label", d.timing.verdict ? std::string(domain::labelVi(*d.timing.verdict)) : "");
    setIf(o, "outcome_label", d.outcome ? std::string(domain::labelVi(*d.outcome)) : "");
    setIf(o, "closing_note", d.closing_note);
    o.set("overdue", v.overdue);
    o.set("due_soon", v.due_soon);
    o.set("apology_missing", v.apology_missing);
    o.set("apology_covered", v.overdue && d.apology.has_value());
    o.set("appointment_missed", v.appointment_missed);
    if (d.apology) {
        // The legal due time the apology could not keep, beside the new appointment.
        o.set("legal_due_text", formTime(domain::legalDueAt(d), lt));
        Data a;
        a.set("reason", d.apology->reason);
        a.set("new_due_text", formTime(d.apology->new_due_at, lt));
        a.set("signed_by", d.apology->signed_by);
        a.set("issued_text", shortTime(d.apology->issued_at, lt));
        a.set("timely", d.apology->isTimely());
        o.set("apology", a);
    }
    return o;
}

void addFormHeader(Data& h, service::CatalogService& catalog, const std::string& agency_code, date::sys_seconds at,
                   const service::LocalTime& lt) {
    const auto entry = catalog.agency(agency_code);
    const auto tree = catalog.tree();
    // The place of the header is the province (or city) the root agency governs.
    const auto chain = tree->pathToRoot(entry.agency.id);
    const std::string root_name = tree->get(chain.back()).name;
    std::string place = root_name;
    for (const std::string marker : {"thành phố ", "tỉnh "}) {
        if (const auto at_marker = root_name.find(marker); at_marker != std::string::npos) {
            place = root_name.substr(at_marker + marker.size());
            break;
        }
    }
    h.set("agency_name", entry.agency.name);
    if (entry.parent_code) h.set("agency_parent", catalog.agency(*entry.parent_code).agency.name);
    h.set("head_title", entry.head_title.empty() ? std::string("Thủ trưởng cơ quan") : entry.head_title);
    h.set("agency_address", entry.address);
    h.set("agency_phone", entry.phone);
    h.set("place_date", placeDate(place, at, lt));
}

}  // namespace motcua::web
