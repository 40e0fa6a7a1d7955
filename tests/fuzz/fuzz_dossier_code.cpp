// Fuzzes the dossier-code parser (TT 01/2018 Đ19, TT 04/2025): any input either parses into
// parts that format back to an equivalent code, or is refused; never a crash or another exception.
#include "domain/core/error.h"
#include "domain/dossier/dossier_code.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using motcua::domain::DossierCode;
    using motcua::domain::SystemPrefix;
    for (SystemPrefix prefix : {SystemPrefix::Absent, SystemPrefix::Present}) {
        const auto parsed = DossierCode::parse(text, prefix);
        if (!parsed) continue;
        // A parsed code must survive a round trip through its own formatter.
        const auto again = DossierCode::parse(DossierCode::format(*parsed), prefix);
        if (!again || again->sequence != parsed->sequence || again->agency_code != parsed->agency_code) std::abort();
    }
    return 0;
}
