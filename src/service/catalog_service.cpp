#include "service/catalog_service.h"

#include "domain/core/error.h"
#include "domain/core/whole_number.h"
#include "domain/deadline/duration.h"
#include "service/csv.h"
#include "store/catalog_repository.h"
#include "store/database.h"

namespace motcua::service {
namespace {

const CsvRow kAgencyHeader = {"code", "name", "parent_code", "head_title", "address", "phone", "active"};
const CsvRow kFieldHeader = {"code", "name"};
const CsvRow kProcedureHeader = {"code", "name", "field_code", "duration", "online_level", "fee_vnd",
                                 "supplement_mode", "agency_codes", "active"};

std::string joinCodes(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ";") + c;
    return out;
}

std::vector<std::string> splitCodes(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find(';', start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!item.empty()) out.push_back(item);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

bool parseActive(const std::string& text) { return !(text == "0" || text == "false" || text == "no"); }

/// A fee as spreadsheets write it: "200000", or grouped by thousands the Vietnamese way
/// ("200.000", "1.200.000"), with commas or spaces ("200,000", "200 000").
std::int64_t parseFee(const std::string& text) {
    if (text.empty()) return 0;
    std::string digits = text;
    const auto separator = text.find_first_of("., ");
    if (separator != std::string::npos && separator >= 1 && separator <= 3) {
        const char mark = text[separator];
        bool grouped = (text.size() - separator) % 4 == 0;
        for (std::size_t i = separator; grouped && i < text.size(); i += 4) grouped = text[i] == mark;
        if (grouped) std::erase(digits, mark);
    }
    const auto fee = domain::wholeNumber<std::int64_t>(digits);
    if (!fee || *fee < 0) throw Error::invalidFields({{"fee_vnd", "Lệ phí phải là số nguyên không âm (đồng)."}});
    return *fee;
}

/// Re-labels every field error of `e` with the CSV line it came from.
Error atLine(const Error& e, std::size_t line) {
    std::vector<FieldError> fields;
    for (const auto& f : e.fieldErrors()) fields.push_back({"line " + std::to_string(line) + ": " + f.field, "Dòng " + std::to_string(line) + ": " + f.message_vi});
    if (fields.empty()) fields.push_back({"line " + std::to_string(line), "Dòng " + std::to_string(line) + ": " + e.userMessage()});
    return Error::invalidFields(std::move(fields));
}

}  // namespace

CatalogKind parseCatalogKind(const std::string& name) {
    if (name == "agencies") return CatalogKind::Agencies;
    if (name == "fields") return CatalogKind::Fields;
    if (name == "procedures") return CatalogKind::Procedures;
    throw Error(ErrorCode::InvalidArgument, "Loại danh mục phải là agencies, fields hoặc procedures.", "bad kind", "kind");
}

CatalogService::CatalogService(store::Database& database, const Clock& clock)
    : database_(database), clock_(clock), repository_(std::make_unique<store::CatalogRepository>()) {}

CatalogService::~CatalogService() = default;

void CatalogService::requireAdmin(const domain::Principal& principal) {
    if (!domain::hasPermission(principal.role, domain::Permission::ManageCatalog)) {
        throw Error(ErrorCode::PermissionDenied, "Chỉ quản trị hệ thống được sửa danh mục.",
                    "catalog change by " + principal.username);
    }
}

void CatalogService::invalidate() {
    const std::lock_guard<std::mutex> lock(mutex_);
    tree_.reset();
    procedures_.reset();
}

std::shared_ptr<const domain::AgencyTree> CatalogService::tree() {
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (tree_ == nullptr || now - tree_loaded_at_ >= kTreeTtl) {
        const auto entries = database_.run([&](store::Session& s) { return repository_->agencies(s); });
        std::vector<domain::Agency> agencies;
        std::set<std::int64_t> inactive;
        for (const auto& e : entries) {
            agencies.push_back(e.agency);
            if (!e.active) inactive.insert(e.agency.id.value);
        }
        tree_ = std::make_shared<const domain::AgencyTree>(std::move(agencies));
        inactive_ = std::move(inactive);
        tree_loaded_at_ = now;
    }
    return tree_;
}

bool CatalogService::agencyActive(domain::AgencyId agency) {
    tree();  // reloads both when stale
    const std::lock_guard<std::mutex> lock(mutex_);
    return inactive_.count(agency.value) == 0;
}

bool CatalogService::inScope(const domain::Principal& principal, domain::AgencyId agency) {
    return tree()->isDescendantOrSelf(domain::AgencyId{principal.agency_id}, agency);
}

std::vector<domain::AgencyEntry> CatalogService::agencies() {
    return database_.run([&](store::Session& s) { return repository_->agencies(s); });
}

domain::AgencyEntry CatalogService::agency(const std::string& code) {
    auto found = database_.run([&](store::Session& s) { return repository_->agencyByCode(s, code); });
    if (!found) throw Error(ErrorCode::NotFound, "Không có cơ quan mã " + code.substr(0, 64) + ".", "unknown agency", "agency");
    return *found;
}

domain::AgencyEntry CatalogService::saveAgency(const domain::Principal& principal, const domain::AgencyEntry& input) {
    return storeAgency(principal, input, false);
}

domain::AgencyEntry CatalogService::createAgency(const domain::Principal& principal, const domain::AgencyEntry& input) {
    return storeAgency(principal, input, true);
}

domain::AgencyEntry CatalogService::storeAgency(const domain::Principal& principal, const domain::AgencyEntry& input,
                                                bool create_only) {
    requireAdmin(principal);
    domain::AgencyEntry entry = input;
    const auto now = clock_.now();
    database_.run([&](store::Session& s) {
        store::Transaction tx(s);
        writeAgency(s, entry, now, create_only);
        tx.commit();
    });
    invalidate();
    return entry;
}

void CatalogService::writeAgency(store::Session& s, domain::AgencyEntry& entry, date::sys_seconds now, bool create_only) {
    entry.agency.parent_id.reset();
    if (entry.parent_code && !entry.parent_code->empty()) {
        const auto parent = repository_->agencyByCode(s, *entry.parent_code);
        if (!parent) throw Error::invalidFields({{"parent_code", "Không có cơ quan cấp trên mã " + *entry.parent_code + "."}});
        entry.agency.parent_id = parent->agency.id;
    }
    domain::validateAgencyEntry(entry);
    const auto existing = repository_->agencyByCode(s, entry.agency.code);
    if (existing && create_only) {
        throw Error(ErrorCode::AlreadyExists,
                    "Đã có cơ quan mã " + entry.agency.code + " (" + existing->agency.name +
                        "); muốn sửa thông tin cơ quan này thì dùng chức năng sửa (PUT /api/v1/agencies/" +
                        entry.agency.code + ").",
                    "agency exists", "code");
    }
    if (existing) {
        entry.agency.id = existing->agency.id;
        // A new parent must not be the agency itself or one of its descendants.
        std::vector<domain::Agency> all;
        for (const auto& a : repository_->agencies(s)) all.push_back(a.agency.id == entry.agency.id ? entry.agency : a.agency);
        try {
            domain::AgencyTree check(std::move(all));
        } catch (const Error&) {
            throw Error(ErrorCode::FailedPrecondition, "Không thể đặt cơ quan cấp trên là chính nó hoặc cơ quan cấp dưới của nó.",
                        "agency cycle", "parent_code");
        }
        repository_->updateAgency(s, entry, now);
    } else {
        entry.agency.id = domain::AgencyId{repository_->insertAgency(s, entry, now)};
    }
}

std::vector<domain::Field> CatalogService::fields() {
    return database_.run([&](store::Session& s) { return repository_->fields(s); });
}

domain::Field CatalogService::saveField(const domain::Principal& principal, const domain::Field& field) {
    requireAdmin(principal);
    database_.run([&](store::Session& s) { writeField(s, field, clock_.now()); });
    return field;
}

void CatalogService::writeField(store::Session& s, const domain::Field& field, date::sys_seconds now) {
    domain::validateField(field);
    repository_->upsertField(s, field, now);
}

std::vector<domain::ProcedureEntry> CatalogService::procedures() {
    return database_.run([&](store::Session& s) { return repository_->procedures(s); });
}

domain::ProcedureEntry CatalogService::procedure(const std::string& code) {
    std::shared_ptr<const std::map<std::string, domain::ProcedureEntry>> all;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (procedures_ == nullptr || now - procedures_loaded_at_ >= kTreeTtl) {
            auto loaded = std::make_shared<std::map<std::string, domain::ProcedureEntry>>();
            for (auto& p : database_.run([&](store::Session& s) { return repository_->procedures(s); })) {
                const std::string key = p.procedure.code.str();
                loaded->emplace(key, std::move(p));
            }
            procedures_ = std::move(loaded);
            procedures_loaded_at_ = now;
        }
        all = procedures_;
    }
    const auto found = all->find(code);
    if (found == all->end()) {
        throw Error(ErrorCode::NotFound, "Không có thủ tục mã " + code.substr(0, 32) + " trong danh mục.",
                    "unknown procedure", "procedure_code");
    }
    return found->second;
}

domain::ProcedureEntry CatalogService::saveProcedure(const domain::Principal& principal,
                                                     const domain::ProcedureEntry& entry) {
    requireAdmin(principal);
    const auto now = clock_.now();
    database_.run([&](store::Session& s) {
        store::Transaction tx(s);
        writeProcedure(s, entry, now);
        tx.commit();
    });
    invalidate();
    return procedure(entry.procedure.code.str());
}

void CatalogService::writeProcedure(store::Session& s, const domain::ProcedureEntry& entry, date::sys_seconds now) {
    if (entry.supplement_mode != "restart" && entry.supplement_mode != "pause") {
        throw Error::invalidFields({{"supplement_mode", "Cách tính khi bổ sung hồ sơ phải là restart hoặc pause."}});
    }
    std::vector<FieldError> problems;
    const auto field_id = repository_->fieldId(s, entry.procedure.field_code);
    if (!field_id) problems.push_back({"field_code", "Không có lĩnh vực mã " + entry.procedure.field_code + "."});
    std::vector<std::int64_t> agency_ids;
    for (const auto& code : entry.agency_codes) {
        const auto a = repository_->agencyByCode(s, code);
        if (!a) {
            problems.push_back({"agency_codes", "Không có cơ quan mã " + code + "."});
        } else {
            agency_ids.push_back(a->agency.id.value);
        }
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    repository_->upsertProcedure(s, entry, *field_id, agency_ids, now);
}

std::string CatalogService::exportCsv(CatalogKind kind) {
    std::vector<CsvRow> rows;
    if (kind == CatalogKind::Agencies) {
        rows.push_back(kAgencyHeader);
        for (const auto& a : agencies()) {
            rows.push_back({a.agency.code, a.agency.name, a.parent_code.value_or(""), a.head_title, a.address, a.phone,
                            a.active ? "1" : "0"});
        }
    } else if (kind == CatalogKind::Fields) {
        rows.push_back(kFieldHeader);
        for (const auto& f : fields()) rows.push_back({f.code, f.name});
    } else {
        rows.push_back(kProcedureHeader);
        for (const auto& p : procedures()) {
            rows.push_back({p.procedure.code.str(), p.procedure.name, p.procedure.field_code,
                            domain::formatDuration(p.procedure.duration), std::string(domain::toName(p.procedure.online_level)),
                            std::to_string(p.procedure.fee_vnd), p.supplement_mode, joinCodes(p.agency_codes),
                            p.active ? "1" : "0"});
        }
    }
    return formatCsv(rows, true);
}

ImportResult CatalogService::importCsv(const domain::Principal& principal, CatalogKind kind, const std::string& text) {
    requireAdmin(principal);
    const auto rows = parseCsv(text);
    const CsvRow& header = kind == CatalogKind::Agencies ? kAgencyHeader
                           : kind == CatalogKind::Fields ? kFieldHeader
                                                         : kProcedureHeader;
    if (rows.empty() || rows.front() != header) {
        std::string expected;
        for (const auto& h : header) expected += (expected.empty() ? "" : ",") + h;
        throw Error(ErrorCode::InvalidArgument, "Dòng tiêu đề CSV phải là: " + expected, "bad csv header", "csv");
    }
    ImportResult result;
    // Each row goes through the same validation as the API; the first bad row stops the import.
    std::vector<FieldError> problems;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const std::size_t line = i + 1;
        if (r.size() != header.size()) {
            problems.push_back({"line " + std::to_string(line), "Dòng " + std::to_string(line) + ": cần " +
                                                                     std::to_string(header.size()) + " cột, có " +
                                                                     std::to_string(r.size()) + "."});
        }
    }
    if (!problems.empty()) throw Error::invalidFields(std::move(problems));
    const auto now = clock_.now();
    database_.run([&](store::Session& s) {
        store::Transaction tx(s);
        result.created_or_updated = 0;  // counted again when the unit of work is retried
        for (std::size_t i = 1; i < rows.size(); ++i) {
            const auto& r = rows[i];
            try {
                if (kind == CatalogKind::Agencies) {
                    domain::AgencyEntry e;
                    e.agency.code = r[0];
                    e.agency.name = r[1];
                    if (!r[2].empty()) e.parent_code = r[2];
                    e.head_title = r[3];
                    e.address = r[4];
                    e.phone = r[5];
                    e.active = parseActive(r[6]);
                    writeAgency(s, e, now);
                } else if (kind == CatalogKind::Fields) {
                    writeField(s, domain::Field{r[0], r[1]}, now);
                } else {
                    domain::ProcedureInput input{r[0], r[1], r[2], domain::parseDuration(r[3]), r[4], parseFee(r[5])};
                    domain::ProcedureEntry e{0, domain::parseProcedure(input), r[6], parseActive(r[8]), splitCodes(r[7])};
                    writeProcedure(s, e, now);
                }
                ++result.created_or_updated;
            } catch (const Error& e) {
                if (e.code() != ErrorCode::InvalidArgument && e.code() != ErrorCode::NotFound &&
                    e.code() != ErrorCode::FailedPrecondition) {
                    throw;
                }
                throw atLine(e, i + 1);
            }
        }
        tx.commit();
    });
    invalidate();
    return result;
}

}  // namespace motcua::service
