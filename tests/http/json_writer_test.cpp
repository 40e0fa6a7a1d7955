// Contract: JsonWriter writes exactly what http::stringify writes for the same members through
// Poco::JSON (compact, in order, raw UTF-8, the same escapes), so responses switched to it
// read the same; nesting and separators are right for empty and nested objects and arrays.

#include "http/json.h"
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <random>

namespace motcua {
namespace {

TEST(JsonWriter, WritesNestedObjectsArraysAndScalarsCompactly) {
    http::JsonWriter w;
    w.beginObject();
    w.member("id", std::int64_t{42}).member("ok", true).member("none", std::optional<std::string>());
    w.key("empty").beginObject().endObject();
    w.key("list").beginArray();
    w.beginObject().member("n", 1).endObject();
    w.beginObject().member("n", 2).endObject();
    w.endArray();
    w.key("nothing").beginArray().endArray();
    w.member("name", "Hồ sơ \"A\"");
    w.endObject();
    EXPECT_EQ(w.text(), R"({"id":42,"ok":true,"none":null,"empty":{},"list":[{"n":1},{"n":2}],"nothing":[],)"
                        R"("name":"Hồ sơ \"A\""})");
}

TEST(JsonWriter, EscapesLikePocoForEveryByteAndRandomText) {
    std::mt19937 random(20261201);
    std::vector<std::string> samples{"", "/", "\\", "\"", "Nguyễn Văn Bình", "a\tb\nc\rd\be\ff", std::string("\0\x01\x1f", 3)};
    for (int c = 1; c < 0x80; ++c) samples.emplace_back(1, static_cast<char>(c));
    const std::string alphabet = std::string("abcXYZ019 /\\\"'{}[]:,\t\n\r\b\f\x01\x1f\x7f") + "ếệ✓😀";
    for (int i = 0; i < 500; ++i) {
        std::string text;
        const int length = static_cast<int>(random() % 24);
        for (int k = 0; k < length; ++k) text += alphabet[random() % alphabet.size()];
        samples.push_back(text);
    }
    for (const auto& text : samples) {
        auto object = http::newObject();
        object->set("k", text);
        object->set("n", static_cast<long long>(random() % 2000) - 1000);
        http::JsonWriter w;
        w.beginObject().member("k", text).member("n", static_cast<std::int64_t>(object->getValue<long long>("n"))).endObject();
        EXPECT_EQ(w.text(), http::stringify(object)) << "text of " << text.size() << " bytes";
    }
}

}  // namespace
}  // namespace motcua
