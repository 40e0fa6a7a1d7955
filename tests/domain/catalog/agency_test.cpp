// Contract: agencies form a forest of any depth (province → departments → communes; ministries),
// given as a flat list with parent ids. AgencyTree answers ancestry in O(1), lists descendants
// in pre-order and paths to the root, and rejects duplicate ids or codes, unknown parents and
// cycles with InvalidArgument. Agency codes are the electronic identifiers of QCVN 102:2016,
// renumbered in 2025, so they are treated as opaque [A-Za-z0-9.] strings (rules.md §4, §11.4).

#include "domain/catalog/agency.h"
#include "domain/catalog/catalog_entry.h"

#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

Agency agency(std::int64_t id, std::string code, std::optional<std::int64_t> parent = std::nullopt) {
    std::string name = "Cơ quan ";
    name += std::to_string(id);
    Agency result{AgencyId{id}, std::move(code), std::move(name), std::nullopt};
    if (parent) result.parent_id = AgencyId{*parent};
    return result;
}

std::vector<AgencyId> ids(std::initializer_list<std::int64_t> values) {
    std::vector<AgencyId> result;
    for (const auto v : values) result.push_back(AgencyId{v});
    return result;
}

// UBND tỉnh (1) ─┬─ Sở Tư pháp (2) ─── Phòng Hộ tịch (5)
//                ├─ UBND phường A (3) ─┬─ Tổ một cửa (6)
//                │                     └─ Công an phường (7)
//                └─ UBND xã B (4)
// Bộ Tư pháp (10), a second root.
AgencyTree sampleTree() {
    return AgencyTree{{agency(7, "H56.7", 3), agency(1, "H56"), agency(2, "H56.2", 1), agency(3, "H56.3", 1),
                       agency(4, "H56.4", 1), agency(5, "H56.2.5", 2), agency(6, "H56.3.6", 3), agency(10, "G09")}};
}

ErrorCode codeOfBuilding(std::vector<Agency> agencies) {
    try {
        AgencyTree tree{std::move(agencies)};
    } catch (const Error& error) {
        return error.code();
    }
    return ErrorCode::Internal;  // meaning: nothing thrown
}

TEST(AgencyTree, AnswersAncestryIncludingSelf) {
    const AgencyTree tree = sampleTree();
    EXPECT_TRUE(tree.isDescendantOrSelf(AgencyId{1}, AgencyId{1}));
    EXPECT_TRUE(tree.isDescendantOrSelf(AgencyId{1}, AgencyId{5}));
    EXPECT_TRUE(tree.isDescendantOrSelf(AgencyId{3}, AgencyId{7}));
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{5}, AgencyId{1}));
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{2}, AgencyId{6}));  // cousin
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{10}, AgencyId{2}));  // other root
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{99}, AgencyId{1}));  // unknown
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{1}, AgencyId{99}));
}

TEST(AgencyTree, ListsDescendantsInPreOrder) {
    const AgencyTree tree = sampleTree();
    EXPECT_EQ(tree.descendantsOf(AgencyId{1}), ids({2, 5, 3, 6, 7, 4}));
    EXPECT_EQ(tree.descendantsOf(AgencyId{3}), ids({6, 7}));
    EXPECT_TRUE(tree.descendantsOf(AgencyId{4}).empty());
    EXPECT_TRUE(tree.descendantsOf(AgencyId{10}).empty());
}

TEST(AgencyTree, PathRunsFromTheAgencyUpToItsRoot) {
    const AgencyTree tree = sampleTree();
    EXPECT_EQ(tree.pathToRoot(AgencyId{5}), ids({5, 2, 1}));
    EXPECT_EQ(tree.pathToRoot(AgencyId{10}), ids({10}));
    EXPECT_EQ(tree.roots(), ids({1, 10}));
    EXPECT_EQ(tree.get(AgencyId{6}).code, "H56.3.6");
    EXPECT_EQ(tree.size(), 8U);
}

TEST(AgencyTree, UnknownAgencyIsNotFound) {
    const AgencyTree tree = sampleTree();
    for (const auto& action : std::vector<std::function<void()>>{
             [&] { (void)tree.descendantsOf(AgencyId{99}); }, [&] { (void)tree.pathToRoot(AgencyId{99}); },
             [&] { (void)tree.get(AgencyId{99}); }}) {
        try {
            action();
            ADD_FAILURE() << "no error";
        } catch (const Error& error) {
            EXPECT_EQ(error.code(), ErrorCode::NotFound);
        }
    }
}

TEST(AgencyTree, RejectsCyclesUnknownParentsAndDuplicates) {
    struct Row {
        const char* why;
        std::vector<Agency> agencies;
    };
    const std::vector<Row> rows{
        {"own parent", {agency(1, "A", 1)}},
        {"two-cycle", {agency(1, "A", 2), agency(2, "B", 1)}},
        {"three-cycle beside a valid root", {agency(9, "R"), agency(1, "A", 3), agency(2, "B", 1), agency(3, "C", 2)}},
        {"branch hanging below a cycle", {agency(1, "A", 2), agency(2, "B", 1), agency(3, "C", 1)}},
        {"unknown parent", {agency(1, "A"), agency(2, "B", 42)}},
        {"duplicate id", {agency(1, "A"), agency(1, "B")}},
        {"duplicate code", {agency(1, "A"), agency(2, "A", 1)}},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.why);
        EXPECT_EQ(codeOfBuilding(row.agencies), ErrorCode::InvalidArgument);
    }
}

TEST(AgencyTree, CycleMessageNamesAnAgencyOnTheCycle) {
    try {
        AgencyTree tree{{agency(9, "R"), agency(1, "A", 3), agency(2, "B", 1), agency(3, "C", 2), agency(4, "D", 3)}};
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_NE(error.userMessage().find("vòng lặp"), std::string::npos);
        const bool names_cycle_member = error.userMessage().find("“A”") != std::string::npos ||
                                        error.userMessage().find("“B”") != std::string::npos ||
                                        error.userMessage().find("“C”") != std::string::npos;
        EXPECT_TRUE(names_cycle_member) << error.userMessage();
    }
}

TEST(AgencyTree, HandlesVeryDeepChainsWithoutRecursion) {
    constexpr std::int64_t kDepth = 100'000;
    std::vector<Agency> chain;
    chain.push_back(agency(0, "L0"));
    for (std::int64_t i = 1; i < kDepth; ++i) {
        std::string code = "L";
        code += std::to_string(i);
        chain.push_back(agency(i, std::move(code), i - 1));
    }
    const AgencyTree tree{std::move(chain)};
    EXPECT_TRUE(tree.isDescendantOrSelf(AgencyId{0}, AgencyId{kDepth - 1}));
    EXPECT_FALSE(tree.isDescendantOrSelf(AgencyId{kDepth - 1}, AgencyId{0}));
    EXPECT_EQ(tree.descendantsOf(AgencyId{0}).size(), static_cast<std::size_t>(kDepth - 1));
    EXPECT_EQ(tree.pathToRoot(AgencyId{kDepth - 1}).size(), static_cast<std::size_t>(kDepth));
}

TEST(AgencyTree, EmptyListIsAnEmptyTree) {
    const AgencyTree tree{{}};
    EXPECT_EQ(tree.size(), 0U);
    EXPECT_TRUE(tree.roots().empty());
    EXPECT_FALSE(tree.contains(AgencyId{1}));
}

TEST(AgencyValidation, CollectsEveryFieldError) {
    const Agency bad{AgencyId{3}, "H56 .3", "", AgencyId{3}};
    try {
        validateAgency(bad);
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
        std::set<std::string> fields;
        for (const auto& field_error : error.fieldErrors()) fields.insert(field_error.field);
        EXPECT_EQ(fields, (std::set<std::string>{"code", "name", "parent_id"}));
    }
    EXPECT_NO_THROW(validateAgency(Agency{AgencyId{3}, "000.00.06.H56", "UBND phường Ba Đình", AgencyId{1}}));
}

TEST(AgencyValidation, TheDetailsPrintedOnFormsAreSingleLinesWithinTheirColumns) {
    AgencyEntry entry;
    entry.agency = Agency{AgencyId{3}, "000.00.06.H56", "Sở Tư pháp", AgencyId{1}};
    EXPECT_NO_THROW(validateAgencyEntry(entry));  // every detail may be left out
    entry.head_title = "Giám đốc";
    entry.address = std::string(kMaxAgencyAddressLength, 'a');
    entry.phone = "0237 3852 366";
    EXPECT_NO_THROW(validateAgencyEntry(entry));
    entry.agency.name.clear();
    entry.head_title = "Giám\tđốc";
    entry.address += "ạ";  // one code point too many
    entry.phone = std::string(kMaxAgencyPhoneLength + 1, '9');
    try {
        validateAgencyEntry(entry);
        FAIL() << "no error";
    } catch (const Error& error) {
        std::set<std::string> fields;
        for (const auto& field_error : error.fieldErrors()) fields.insert(field_error.field);
        EXPECT_EQ(fields, (std::set<std::string>{"name", "head_title", "address", "phone"}));
    }
}

}  // namespace
}  // namespace motcua::domain
