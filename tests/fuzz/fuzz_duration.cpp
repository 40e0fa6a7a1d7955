// Fuzzes the duration parser ("5d", "4h", "10cd", "same_day"): accepted input formats back to
// itself modulo leading zeros; anything else is an InvalidArgument Error, never a crash.
#include "domain/core/error.h"
#include "domain/deadline/duration.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto duration = motcua::domain::parseDuration(text);
        if (motcua::domain::parseDuration(motcua::domain::formatDuration(duration)) != duration) std::abort();
    } catch (const motcua::Error& e) {
        if (e.code() != motcua::ErrorCode::InvalidArgument) std::abort();
    }
    return 0;
}
