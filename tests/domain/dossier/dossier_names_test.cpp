// Contract: every status, channel, delivery, event and command has one stable snake_case name
// (stored in SQL and JSON, so never renamed) and a Vietnamese label; parsing an unknown name
// throws InvalidArgument. Statuses map onto the DVCQG synchronisation codes of TT 22/2019
// Phụ lục I (rules.md §1.3) and channels onto kênh thực hiện 1/2/3.

#include "domain/dossier/dossier.h"
#include "domain/dossier/dossier_event.h"
#include "domain/dossier/dossier_state.h"

#include "domain/catalog/text_checks.h"
#include "domain/core/error.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

bool isSnakeCase(std::string_view name) {
    if (name.empty() || name.front() == '_' || name.back() == '_') return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
    }
    return true;
}

template <typename E, typename Parse>
void expectNamesRoundTrip(const std::vector<E>& values, Parse parse) {
    std::set<std::string_view> names;
    for (const E value : values) {
        const std::string_view name = toName(value);
        SCOPED_TRACE(std::string{name});
        EXPECT_TRUE(isSnakeCase(name));
        EXPECT_TRUE(names.insert(name).second) << "duplicate name";
        EXPECT_EQ(parse(name), value);
        EXPECT_FALSE(labelVi(value).empty());
        EXPECT_TRUE(isValidUtf8(labelVi(value)));
    }
    try {
        (void)parse("no_such_name");
        ADD_FAILURE() << "unknown name accepted";
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
    }
    try {
        (void)parse("\xff\xfe");
        ADD_FAILURE() << "garbage accepted";
    } catch (const Error& error) {
        EXPECT_TRUE(isValidUtf8(error.userMessage()));  // garbage is not echoed
    }
}

TEST(DossierNames, StatusesHaveStableNamesAndDvcqgCodes) {
    struct Row {
        DossierStatus status;
        const char* name;
        std::optional<int> dvcqg;
        bool final;
    };
    // Hand-written from rules.md §1.3 (DVCQG codes 1–10).
    const std::vector<Row> rows{
        {DossierStatus::Submitted, "submitted", 1, false},
        {DossierStatus::IncompleteAtIntake, "incomplete_at_intake", std::nullopt, false},
        {DossierStatus::RefusedAtIntake, "refused_at_intake", 3, true},
        {DossierStatus::Received, "received", 2, false},
        {DossierStatus::InProgress, "in_progress", 4, false},
        {DossierStatus::AwaitingSupplement, "awaiting_supplement", 5, false},
        {DossierStatus::AwaitingFinancialObligation, "awaiting_financial_obligation", 6, false},
        {DossierStatus::Withdrawn, "withdrawn", 7, true},
        {DossierStatus::Stopped, "stopped", 8, true},
        {DossierStatus::Resolved, "resolved", 9, false},
        {DossierStatus::Returned, "returned", 10, true},
    };
    std::vector<DossierStatus> values;
    for (const auto& row : rows) {
        SCOPED_TRACE(row.name);
        EXPECT_EQ(toName(row.status), row.name);
        EXPECT_EQ(dvcqgStatusCode(row.status), row.dvcqg);
        EXPECT_EQ(isFinal(row.status), row.final);
        values.push_back(row.status);
    }
    expectNamesRoundTrip(values, parseDossierStatus);
    EXPECT_EQ(labelVi(DossierStatus::InProgress), "Đang xử lý");
}

TEST(DossierNames, ChannelsMapToDvcqgKenhThucHien) {
    EXPECT_EQ(dvcqgChannelCode(Channel::Direct), 1);
    EXPECT_EQ(dvcqgChannelCode(Channel::OnlineFull), 2);
    EXPECT_EQ(dvcqgChannelCode(Channel::OnlinePartial), 2);
    EXPECT_EQ(dvcqgChannelCode(Channel::Postal), 3);
    EXPECT_EQ(toName(Channel::OnlineFull), "online_full");
    expectNamesRoundTrip(std::vector<Channel>{Channel::Direct, Channel::OnlineFull, Channel::OnlinePartial, Channel::Postal},
                         parseChannel);
}

TEST(DossierNames, OtherEnumsRoundTrip) {
    expectNamesRoundTrip(std::vector<ResultDelivery>{ResultDelivery::Desk, ResultDelivery::Postal, ResultDelivery::Online},
                         parseResultDelivery);
    expectNamesRoundTrip(std::vector<ApplicantKind>{ApplicantKind::Individual, ApplicantKind::Organisation},
                         parseApplicantKind);
    expectNamesRoundTrip(
        std::vector<DocumentKind>{DocumentKind::Original, DocumentKind::CertifiedCopy, DocumentKind::Photocopy},
        parseDocumentKind);
    expectNamesRoundTrip(std::vector<Verdict>{Verdict::Early, Verdict::OnTime, Verdict::Late}, parseVerdict);
    expectNamesRoundTrip(std::vector<ResolutionOutcome>{ResolutionOutcome::Approved, ResolutionOutcome::Rejected},
                         parseResolutionOutcome);
}

TEST(DossierNames, EventKindsRoundTrip) {
    std::vector<DossierEventKind> kinds;
    for (int i = 0; i <= static_cast<int>(DossierEventKind::ApologyIssued); ++i) {
        kinds.push_back(static_cast<DossierEventKind>(i));
    }
    EXPECT_EQ(kinds.size(), 17U);
    expectNamesRoundTrip(kinds, parseDossierEventKind);
    EXPECT_EQ(toName(DossierEventKind::SupplementRequested), "supplement_requested");
}

TEST(DossierNames, CommandKindsRoundTripInVariantOrder) {
    std::vector<CommandKind> kinds;
    for (std::size_t i = 0; i < kCommandKindCount; ++i) kinds.push_back(static_cast<CommandKind>(i));
    expectNamesRoundTrip(kinds, parseCommandKind);
    EXPECT_EQ(commandKind(DossierCommand{IssueApologyCommand{}}), CommandKind::IssueApology);
    EXPECT_EQ(commandKind(DossierCommand{RequestSupplementCommand{}}), CommandKind::RequestSupplement);
}

TEST(DossierNames, InstantsAreWrittenAsIsoUtc) {
    using namespace std::chrono_literals;
    EXPECT_EQ(formatUtcInstant(date::sys_days{date::year{2023} / 10 / 27} + 2h + 32min), "2023-10-27T02:32:00Z");
    EXPECT_EQ(formatUtcInstant(date::sys_seconds{}), "1970-01-01T00:00:00Z");
}

}  // namespace
}  // namespace motcua::domain
