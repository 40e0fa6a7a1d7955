#pragma once
/// Agencies (cơ quan, đơn vị) of the catalog and the tree they form: a province, its
/// departments, its communes… of any depth, used to scope dossiers and reports.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

/// Surrogate id of an agency (database key); unrelated to the electronic identifier code.
struct AgencyId {
    std::int64_t value = 0;  ///< The database key.
    /// Compares by value.
    auto operator<=>(const AgencyId&) const = default;
};

/// One agency of the catalog.
struct Agency {
    AgencyId id;  ///< Surrogate key.
    /// Mã định danh điện tử (QCVN 102:2016, renumbered in 2025); opaque, see isValidAgencyCode.
    std::string code;
    /// Official name, e.g. "UBND phường Ba Đình".
    std::string name;
    /// The agency one level up; none for a root (a province, a ministry).
    std::optional<AgencyId> parent_id;
};

/// Maximum length of an agency code, in characters.
inline constexpr std::size_t kMaxAgencyCodeLength = 64;

/// Returns true when `code` can be an agency's electronic identifier: 1–64 characters of
/// [A-Za-z0-9.], no leading, trailing or doubled dot. The structure (QCVN 102:2016 levels
/// written bottom-up as in `000.00.06.H56`, or the 2025 top-down `H56.123.45`) is not checked,
/// because agency codes were renumbered in 2025 and may change again (rules.md §4, §11.4).
bool isValidAgencyCode(std::string_view code) noexcept;

/// Maximum length of an agency name, in code points.
inline constexpr std::size_t kMaxAgencyNameLength = 255;

/// Checks every field of `agency` (code, name, parent ≠ self) and throws
/// Error::invalidFields listing all problems; returns normally when valid.
void validateAgency(const Agency& agency);

/// An immutable, validated forest of agencies with O(1) ancestry tests.
class AgencyTree {
public:
    /// Builds the tree from a flat list. Throws Error{InvalidArgument} on a duplicate id or
    /// code, a parent id that is not in the list, an agency that is its own parent, or a cycle.
    explicit AgencyTree(std::vector<Agency> agencies);

    /// Returns the number of agencies.
    std::size_t size() const noexcept { return agencies_.size(); }

    /// Returns true when `id` is in the tree.
    bool contains(AgencyId id) const noexcept;

    /// Returns the agency `id`; throws Error{NotFound} when it is not in the tree.
    const Agency& get(AgencyId id) const;

    /// Returns true when `agency` is `ancestor` or lies below it; false if either is unknown.
    bool isDescendantOrSelf(AgencyId ancestor, AgencyId agency) const noexcept;

    /// Returns every agency strictly below `id`, in pre-order with children sorted by id;
    /// throws Error{NotFound} when `id` is unknown.
    std::vector<AgencyId> descendantsOf(AgencyId id) const;

    /// Returns `id`, its parent, …, up to its root (so the root is last); throws
    /// Error{NotFound} when `id` is unknown.
    std::vector<AgencyId> pathToRoot(AgencyId id) const;

    /// Returns the agencies without a parent, sorted by id.
    std::vector<AgencyId> roots() const;

    /// Returns all agencies, sorted by id.
    const std::vector<Agency>& agencies() const noexcept { return agencies_; }

private:
    std::optional<std::size_t> indexOf(AgencyId id) const noexcept;
    std::size_t indexOrThrow(AgencyId id) const;

    std::vector<Agency> agencies_;            // sorted by id
    std::vector<std::size_t> parent_index_;   // kNoParent for roots
    std::vector<std::size_t> preorder_;       // indices into agencies_
    std::vector<std::size_t> enter_;          // position of each agency in preorder_
    std::vector<std::size_t> exit_;           // one past the last position of its subtree
};

}  // namespace motcua::domain
