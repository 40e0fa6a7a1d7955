#include "domain/catalog/agency.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace motcua::domain {

namespace {

constexpr std::size_t kNoParent = std::numeric_limits<std::size_t>::max();

std::string describe(const Agency& agency) {
    return "“" + std::string{printableEcho(agency.code)} + "” (id " + std::to_string(agency.id.value) + ")";
}

[[noreturn]] void throwTreeError(const std::string& message_vi, const std::string& log) {
    throw Error{ErrorCode::InvalidArgument, message_vi, log, std::string{"agencies"}};
}

bool isAsciiAlnum(char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

bool isValidAgencyCode(std::string_view code) noexcept {
    if (code.empty() || code.size() > kMaxAgencyCodeLength) return false;
    if (code.front() == '.' || code.back() == '.') return false;
    char previous = '\0';
    for (const char c : code) {
        if (c == '.' && previous == '.') return false;
        if (c != '.' && !isAsciiAlnum(c)) return false;
        previous = c;
    }
    return true;
}

void validateAgency(const Agency& agency) {
    std::vector<FieldError> errors;
    if (!isValidAgencyCode(agency.code)) {
        errors.push_back({"code", "Mã định danh cơ quan chỉ gồm chữ cái không dấu, chữ số và dấu chấm, "
                                  "dài 1–64 ký tự, không bắt đầu, kết thúc bằng dấu chấm hoặc có hai dấu chấm liền nhau"});
    }
    checkText(errors, {"name", "Tên cơ quan", kMaxAgencyNameLength}, agency.name);
    if (agency.parent_id && *agency.parent_id == agency.id) {
        errors.push_back({"parent_id", "Cơ quan không thể là cơ quan cấp trên của chính nó"});
    }
    if (!errors.empty()) throw Error::invalidFields(std::move(errors));
}

AgencyTree::AgencyTree(std::vector<Agency> agencies) : agencies_(std::move(agencies)) {
    std::sort(agencies_.begin(), agencies_.end(),
              [](const Agency& a, const Agency& b) { return a.id < b.id; });
    const std::size_t n = agencies_.size();
    for (std::size_t i = 1; i < n; ++i) {
        if (agencies_[i].id == agencies_[i - 1].id) {
            throwTreeError("Danh sách cơ quan có hai cơ quan trùng id " + std::to_string(agencies_[i].id.value),
                           "duplicate agency id");
        }
    }
    std::vector<std::size_t> by_code(n);
    for (std::size_t i = 0; i < n; ++i) by_code[i] = i;
    std::sort(by_code.begin(), by_code.end(),
              [this](std::size_t a, std::size_t b) { return agencies_[a].code < agencies_[b].code; });
    for (std::size_t i = 1; i < n; ++i) {
        if (agencies_[by_code[i]].code == agencies_[by_code[i - 1]].code) {
            throwTreeError("Hai cơ quan trùng mã định danh " + describe(agencies_[by_code[i]]),
                           "duplicate agency code");
        }
    }

    parent_index_.assign(n, kNoParent);
    std::vector<std::vector<std::size_t>> children(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& parent = agencies_[i].parent_id;
        if (!parent) continue;
        if (*parent == agencies_[i].id) {
            throwTreeError("Cơ quan " + describe(agencies_[i]) + " không thể là cấp trên của chính nó",
                           "agency is its own parent");
        }
        const auto parent_index = indexOf(*parent);
        if (!parent_index) {
            throwTreeError("Cơ quan " + describe(agencies_[i]) + " có cơ quan cấp trên (id " +
                               std::to_string(parent->value) + ") không có trong danh sách",
                           "unknown parent agency");
        }
        parent_index_[i] = *parent_index;
        children[*parent_index].push_back(i);  // i ascending, so children stay sorted by id
    }

    // Iterative pre-order walk from the roots; an agency never reached lies on or below a cycle,
    // because with one parent each, only a cycle can keep a node away from every root.
    enter_.assign(n, kNoParent);
    exit_.assign(n, kNoParent);
    preorder_.reserve(n);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (agency, next child)
    for (std::size_t root = 0; root < n; ++root) {
        if (parent_index_[root] != kNoParent) continue;
        enter_[root] = preorder_.size();
        preorder_.push_back(root);
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto& [node, next_child] = stack.back();
            if (next_child == children[node].size()) {
                exit_[node] = preorder_.size();
                stack.pop_back();
                continue;
            }
            const std::size_t child = children[node][next_child++];
            enter_[child] = preorder_.size();
            preorder_.push_back(child);
            stack.emplace_back(child, 0);
        }
    }
    if (preorder_.size() == n) return;
    auto unreached = static_cast<std::size_t>(
        std::find(enter_.begin(), enter_.end(), kNoParent) - enter_.begin());
    // Walking n parent steps from any unreached agency lands on the cycle itself.
    for (std::size_t step = 0; step < n; ++step) unreached = parent_index_[unreached];
    throwTreeError("Cây cơ quan có vòng lặp: cơ quan " + describe(agencies_[unreached]) +
                       " là cấp trên gián tiếp của chính nó",
                   "cycle in agency tree");
}

std::optional<std::size_t> AgencyTree::indexOf(AgencyId id) const noexcept {
    const auto it = std::lower_bound(agencies_.begin(), agencies_.end(), id,
                                     [](const Agency& a, AgencyId key) { return a.id < key; });
    if (it == agencies_.end() || it->id != id) return std::nullopt;
    return static_cast<std::size_t>(it - agencies_.begin());
}

std::size_t AgencyTree::indexOrThrow(AgencyId id) const {
    const auto index = indexOf(id);
    if (!index) {
        throw Error{ErrorCode::NotFound, "Không tìm thấy cơ quan có id " + std::to_string(id.value),
                    "agency not in tree", std::string{"agency_id"}};
    }
    return *index;
}

bool AgencyTree::contains(AgencyId id) const noexcept { return indexOf(id).has_value(); }

const Agency& AgencyTree::get(AgencyId id) const { return agencies_[indexOrThrow(id)]; }

bool AgencyTree::isDescendantOrSelf(AgencyId ancestor, AgencyId agency) const noexcept {
    const auto a = indexOf(ancestor);
    const auto b = indexOf(agency);
    if (!a || !b) return false;
    return enter_[*a] <= enter_[*b] && enter_[*b] < exit_[*a];
}

std::vector<AgencyId> AgencyTree::descendantsOf(AgencyId id) const {
    const std::size_t index = indexOrThrow(id);
    std::vector<AgencyId> result;
    result.reserve(exit_[index] - enter_[index] - 1);
    for (std::size_t pos = enter_[index] + 1; pos < exit_[index]; ++pos) {
        result.push_back(agencies_[preorder_[pos]].id);
    }
    return result;
}

std::vector<AgencyId> AgencyTree::pathToRoot(AgencyId id) const {
    std::vector<AgencyId> path;
    for (std::size_t index = indexOrThrow(id); index != kNoParent; index = parent_index_[index]) {
        path.push_back(agencies_[index].id);
    }
    return path;
}

std::vector<AgencyId> AgencyTree::roots() const {
    std::vector<AgencyId> result;
    for (std::size_t i = 0; i < agencies_.size(); ++i) {
        if (parent_index_[i] == kNoParent) result.push_back(agencies_[i].id);
    }
    return result;
}

}  // namespace motcua::domain
