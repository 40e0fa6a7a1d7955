// Fuzzes the ISO 8601 instant and date parsers used by the calendar API and CLI
// ("2026-02-13T16:30:00+07:00"): accepted text formats back to the same instant; anything else
// is an InvalidArgument Error.
#include "domain/core/error.h"
#include "service/local_time.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const motcua::service::LocalTime zone("Asia/Ho_Chi_Minh");
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto instant = zone.parseIso(text, "received");
        if (zone.parseIso(zone.formatIso(instant), "received") != instant) std::abort();
    } catch (const motcua::Error& e) {
        if (e.code() != motcua::ErrorCode::InvalidArgument) std::abort();
    }
    try {
        motcua::service::parseIsoDate(text, "date");
    } catch (const motcua::Error& e) {
        if (e.code() != motcua::ErrorCode::InvalidArgument) std::abort();
    }
    return 0;
}
