#include "support/dossier_checks.h"

#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

namespace motcua::test {

std::set<std::string> checkCommittedDossiers(store::Database& db) {
    std::set<std::string> codes;
    std::map<std::string, std::vector<long long>> sequences;
    db.run([&](store::Session& s) {
        std::unique_ptr<sql::ResultSet> rs(s.prepare(
            "SELECT d.code, (SELECT COUNT(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.kind = 'accepted'),"
            " (SELECT COUNT(*) FROM dossier_events e WHERE e.dossier_id = d.id AND e.kind = 'submitted'),"
            " (SELECT COUNT(*) FROM dossier_events e WHERE e.dossier_id = d.id), d.version,"
            " (SELECT MAX(e.sequence) FROM dossier_events e WHERE e.dossier_id = d.id)"
            " FROM dossiers d WHERE d.code IS NOT NULL").executeQuery());
        while (rs->next()) {
            const std::string code = rs->getString(1);
            EXPECT_EQ(rs->getInt(2), 1) << code << ": accepted event";
            EXPECT_EQ(rs->getInt(3), 1) << code << ": submitted event";
            EXPECT_EQ(rs->getInt64(4), rs->getInt64(5)) << code << ": one event per version";
            EXPECT_EQ(rs->getInt64(6), rs->getInt64(5)) << code << ": events numbered 1..version";
            EXPECT_TRUE(codes.insert(code).second) << "duplicate code " << code;
            const auto dash = code.rfind('-');
            sequences[code.substr(0, dash)].push_back(std::stoll(code.substr(dash + 1)));
        }
    });
    for (auto& [prefix, numbers] : sequences) {
        std::sort(numbers.begin(), numbers.end());
        for (std::size_t i = 0; i < numbers.size(); ++i) {
            EXPECT_EQ(numbers[i], static_cast<long long>(i + 1)) << prefix << ": gap or duplicate in the daily codes";
        }
    }
    return codes;
}

}  // namespace motcua::test
