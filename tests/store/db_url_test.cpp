// Contract: database URLs are `mysql://user:password@host:port/db`; malformed ones are refused
// with a message that shows the right form; logs never show the password.

#include "domain/core/error.h"
#include "store/db_url.h"

#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(DbUrl, ParsesEveryPart) {
    const auto url = store::DbUrl::parse("mysql://app:p%40ss@127.0.0.1:33306/motcua");
    EXPECT_EQ(url.user, "app");
    EXPECT_EQ(url.password, "p@ss");
    EXPECT_EQ(url.host, "127.0.0.1");
    EXPECT_EQ(url.port, 33306);
    EXPECT_EQ(url.database, "motcua");
    EXPECT_EQ(url.redacted().find("p@ss"), std::string::npos);
}

TEST(DbUrl, DefaultsPortTo3306) { EXPECT_EQ(store::DbUrl::parse("mariadb://u@db.local/x").port, 3306); }

TEST(DbUrl, RejectsMalformedUrls) {
    for (const char* bad : {"", "postgres://u@h/x", "mysql://", "mysql://u@:1/x", "mysql://u@h:99999/x",
                            "mysql://u@h:12ab/x", "mysql://@h/x", "mysql://u:%zz@h/x"}) {
        SCOPED_TRACE(bad);
        EXPECT_THROW(store::DbUrl::parse(bad), Error);
    }
}

}  // namespace
}  // namespace motcua
