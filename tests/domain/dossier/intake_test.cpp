// Contract: validateIntake reports every invalid field of a filed dossier in one
// Error{InvalidArgument} (STYLE.md 9.3), with Vietnamese messages:
//  - applicant name required, at most 200 code points (Vietnamese letters are 2–3 UTF-8 bytes),
//    well-formed UTF-8, one line;
//  - số định danh (BM.01, TT 03/2025): CMND 9 / CCCD 12 digits; organisations: tax code of
//    10 or 13 digits or 10-3;
//  - phone 9–11 digits or +84 and 9–10 digits; e-mail plausible; online channels need one of
//    them (NĐ 61/2018 Đ17.2: notified by e-mail or SMS);
//  - toàn trình returns the result online or by post (NĐ 42/2022 Đ3);
//  - postal dossiers: the handover record time is the lawful receipt (QĐ 45/2016/QĐ-TTg Đ7.4)
//    and the address is needed (Đ5).

#include "domain/dossier/intake.h"

#include "dossier_test_support.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using namespace dossier_test;
using namespace std::chrono_literals;
using ::testing::HasSubstr;

std::set<std::string> fieldsOf(const IntakeRequest& request, date::sys_seconds now = kReceivedAt) {
    std::set<std::string> fields;
    try {
        validateIntake(request, now);
    } catch (const Error& error) {
        EXPECT_EQ(error.code(), ErrorCode::InvalidArgument);
        for (const auto& field_error : error.fieldErrors()) {
            EXPECT_FALSE(field_error.message_vi.empty());
            fields.insert(field_error.field);
        }
    }
    return fields;
}

std::string repeated(std::string_view unit, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += unit;
    return out;
}

TEST(IntakeValidation, AcceptsAValidDirectRequest) {
    EXPECT_NO_THROW(validateIntake(validIntake(), kReceivedAt));
}

TEST(IntakeValidation, CollectsEveryFieldErrorAtOnce) {
    IntakeRequest request = validIntake();
    request.applicant.name = "   ";
    request.applicant.identity_number = "12345";
    request.applicant.phone = "09-1234";
    request.applicant.email = "nhung@@example";
    request.applicant.representative = Representative{"", "abc"};
    request.procedure_code = "TTHC-1";
    request.documents = {{"", DocumentKind::Original, 1}, {"Giấy chứng sinh", DocumentKind::Photocopy, 0}};
    request.received_at = kReceivedAt + 1h;
    request.handover_at = kReceivedAt;
    EXPECT_EQ(fieldsOf(request), (std::set<std::string>{
                                     "applicant.name", "applicant.id_number", "applicant.phone",
                                     "applicant.email", "applicant.representative.name",
                                     "applicant.representative.id_number", "procedure_code",
                                     "documents[0].name", "documents[1].count", "received_at", "handover_at"}));
}

TEST(IntakeValidation, MeasuresNamesInCodePointsNotBytes) {
    IntakeRequest request = validIntake();
    request.applicant.name = repeated("Ễ", IntakeLimits::kMaxNameLength);  // 3 bytes each: 600 bytes
    EXPECT_TRUE(fieldsOf(request).empty());
    request.applicant.name += "a";
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"applicant.name"});
}

TEST(IntakeValidation, RejectsInvalidUtf8WithAClearMessage) {
    IntakeRequest request = validIntake();
    request.applicant.name = "Nguy\xe1\xbb";  // truncated "ễ"
    try {
        validateIntake(request, kReceivedAt);
        FAIL() << "no error";
    } catch (const Error& error) {
        ASSERT_EQ(error.fieldErrors().size(), 1U);
        EXPECT_THAT(error.fieldErrors()[0].message_vi, HasSubstr("UTF-8"));
    }
    request.applicant.name = "Nguyễn\nVăn A";
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"applicant.name"});
}

struct IdRow {
    ApplicantKind kind;
    const char* number;
    bool valid;
};

TEST(IntakeValidation, IdentityNumberDependsOnTheApplicantKind) {
    const std::vector<IdRow> rows{
        {ApplicantKind::Individual, "038190000123", true},    // CCCD, 12 digits
        {ApplicantKind::Individual, "123456789", true},       // CMND, 9 digits
        {ApplicantKind::Individual, "1234567890", false},     // 10 digits: a tax code, not a person's id
        {ApplicantKind::Individual, "03819000012", false},    // 11 digits
        {ApplicantKind::Individual, "03819000012A", false},
        {ApplicantKind::Individual, "", false},
        {ApplicantKind::Organisation, "0100109106", true},       // 10-digit tax code
        {ApplicantKind::Organisation, "0100109106001", true},    // 13 digits
        {ApplicantKind::Organisation, "0100109106-001", true},   // branch form
        {ApplicantKind::Organisation, "0100109106-01", false},
        {ApplicantKind::Organisation, "010010910-6001", false},
        {ApplicantKind::Organisation, "038190000123", false},    // a CCCD is not a tax code
        {ApplicantKind::Organisation, "", false},
    };
    for (const auto& row : rows) {
        SCOPED_TRACE(row.number);
        IntakeRequest request = validIntake();
        request.applicant.kind = row.kind;
        request.applicant.identity_number = row.number;
        EXPECT_EQ(fieldsOf(request).empty(), row.valid);
    }
}

TEST(IntakeValidation, PhoneNumbers) {
    for (const char* ok : {"0912345678", "02438251234", "912345678", "+84912345678", "+842438251234"}) {
        SCOPED_TRACE(ok);
        EXPECT_TRUE(isValidPhoneNumber(ok));
    }
    for (const char* bad : {"", "09123456", "091234567890", "0912 345 678", "0912.345.678", "+840912345678",
                            "+8491234567", "84912345678x", "+1 202 555 0100", "++84912345678"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(isValidPhoneNumber(bad));
    }
}

TEST(IntakeValidation, EmailAddresses) {
    for (const char* ok : {"a@b.vn", "nhung.nt@hanoi.gov.vn", "x+tag@mail-1.example.com"}) {
        SCOPED_TRACE(ok);
        EXPECT_TRUE(isValidEmail(ok));
    }
    for (const char* bad : {"", "a", "a@", "@b.vn", "a@b", "a@@b.vn", "a b@c.vn", "a@b..vn", "a@-b.vn", "a@b.vn.",
                            ".a@b.vn", "a..b@c.vn", "nhung@hà.vn", "a@b_c.vn"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(isValidEmail(bad));
    }
    EXPECT_FALSE(isValidEmail(std::string(250, 'a') + "@b.vn"));
}

TEST(IntakeValidation, OnlineDossierNeedsAPhoneOrAnEmail) {
    IntakeRequest request = validIntake();
    request.channel = Channel::OnlinePartial;
    request.applicant.phone.clear();
    request.applicant.email.clear();
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"applicant.phone"});
    request.applicant.email = "a@b.vn";
    EXPECT_TRUE(fieldsOf(request).empty());
    request.channel = Channel::Direct;
    request.applicant.email.clear();
    EXPECT_TRUE(fieldsOf(request).empty());
}

TEST(IntakeValidation, ToanTrinhDossierIsNotReturnedAtTheDesk) {
    IntakeRequest request = validIntake();
    request.channel = Channel::OnlineFull;
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"result_delivery"});
    request.result_delivery = ResultDelivery::Online;
    EXPECT_TRUE(fieldsOf(request).empty());
}

TEST(IntakeValidation, PostalDossierNeedsTheHandoverRecordAndAnAddress) {
    IntakeRequest request = validIntake();
    request.channel = Channel::Postal;
    request.applicant.address.clear();
    EXPECT_EQ(fieldsOf(request, kReceivedAt + 48h), (std::set<std::string>{"handover_at", "applicant.address"}));
    request.applicant.address = "Thôn 3, xã Quảng Xương, Thanh Hóa";
    request.handover_at = kReceivedAt + 26h;
    EXPECT_TRUE(fieldsOf(request, kReceivedAt + 48h).empty());
    EXPECT_EQ(fieldsOf(request, kReceivedAt + 25h), std::set<std::string>{"handover_at"});  // in the future
    EXPECT_EQ(legalReceiptTime(request), kReceivedAt + 26h);
}

TEST(IntakeValidation, PostalResultNeedsAnAddress) {
    IntakeRequest request = validIntake();
    request.result_delivery = ResultDelivery::Postal;
    request.applicant.address = std::string(2, ' ');
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"applicant.address"});
}

TEST(IntakeValidation, HandoverTimeOnlyForPostalDossiers) {
    IntakeRequest request = validIntake();
    request.handover_at = kReceivedAt;
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"handover_at"});
    request.handover_at.reset();
    EXPECT_EQ(legalReceiptTime(request), kReceivedAt);
}

TEST(IntakeValidation, DocumentsAreListedAndCounted) {
    IntakeRequest request = validIntake();
    request.documents.clear();
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"documents"});
    request.documents.assign(IntakeLimits::kMaxDocuments + 1, DossierDocument{"Tờ khai", DocumentKind::Original, 1});
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"documents"});
    request.documents.assign(1, DossierDocument{"Tờ khai", DocumentKind::Original, IntakeLimits::kMaxDocumentCount + 1});
    EXPECT_EQ(fieldsOf(request), std::set<std::string>{"documents[0].count"});
}

TEST(IntakeValidation, ReceiptCannotBeInTheFuture) {
    IntakeRequest request = validIntake();
    EXPECT_EQ(fieldsOf(request, kReceivedAt - 1s), std::set<std::string>{"received_at"});
}

TEST(IntakeValidation, AReceiptEnteredLateIsFineAYearTypedWrongIsNot) {
    IntakeRequest request = validIntake();
    const auto limit = date::days{IntakeLimits::kMaxBackdatingDays};
    EXPECT_TRUE(fieldsOf(request, kReceivedAt + limit).empty());
    EXPECT_EQ(fieldsOf(request, kReceivedAt + limit + 1s), std::set<std::string>{"received_at"});
    try {
        validateIntake(request, kReceivedAt + date::years{10});
        FAIL() << "a receipt ten years back was accepted";
    } catch (const Error& e) {
        ASSERT_EQ(e.fieldErrors().size(), 1u);
        EXPECT_EQ(e.fieldErrors().front().message_vi,
                  "Thời điểm nhận hồ sơ không được sớm hơn 90 ngày trước hiện tại (kiểm tra lại ngày, tháng, năm)");
    }
    // A postal handover as well.
    request.channel = Channel::Postal;
    request.handover_at = kReceivedAt + 1h;
    EXPECT_TRUE(fieldsOf(request, kReceivedAt + limit).empty());
    EXPECT_EQ(fieldsOf(request, kReceivedAt + limit + 30min), (std::set<std::string>{"received_at"}));
    EXPECT_EQ(fieldsOf(request, kReceivedAt + limit + 2h), (std::set<std::string>{"received_at", "handover_at"}));
}

}  // namespace
}  // namespace motcua::domain
