#include "service/procedure_search.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace motcua::service {
namespace {

/// Vietnamese letters with diacritics (both cases) and their base letter.
struct Fold {
    std::string_view letters;
    char base;
};
constexpr std::array<Fold, 7> kFolds{{
    {"àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", 'a'},
    {"èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ", 'e'},
    {"ìíỉĩịÌÍỈĨỊ", 'i'},
    {"òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", 'o'},
    {"ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ", 'u'},
    {"ỳýỷỹỵỲÝỶỸỴ", 'y'},
    {"đĐ", 'd'},
}};

std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}

char foldLetter(std::string_view letter) {
    for (const auto& fold : kFolds) {
        for (std::size_t i = 0; i < fold.letters.size();) {
            const std::size_t n = sequenceLength(static_cast<unsigned char>(fold.letters[i]));
            if (fold.letters.substr(i, n) == letter) return fold.base;
            i += n;
        }
    }
    return 0;
}

std::vector<std::string> words(const std::string& folded) {
    std::vector<std::string> out;
    std::istringstream in(folded);
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

}  // namespace

std::string foldVietnamese(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t n = std::min(sequenceLength(lead), text.size() - i);
        if (n == 1) {
            out.push_back(lead >= 'A' && lead <= 'Z' ? static_cast<char>(lead - 'A' + 'a') : text[i]);
        } else if (const char base = foldLetter(text.substr(i, n)); base != 0) {
            out.push_back(base);
        } else {
            out.append(text.substr(i, n));
        }
        i += n;
    }
    return out;
}

std::vector<domain::ProcedureEntry> searchProcedures(const std::vector<domain::ProcedureEntry>& procedures,
                                                     std::string_view query, const std::string& agency_code,
                                                     std::size_t limit) {
    const std::string folded_query = foldVietnamese(query);
    const auto wanted = words(folded_query);
    struct Hit {
        int rank;
        const domain::ProcedureEntry* entry;
    };
    std::vector<Hit> hits;
    for (const auto& p : procedures) {
        if (!p.active) continue;
        const std::string code = p.procedure.code.str();
        const std::string haystack = code + " " + foldVietnamese(p.procedure.name);
        const bool all = std::all_of(wanted.begin(), wanted.end(),
                                     [&](const std::string& w) { return haystack.find(w) != std::string::npos; });
        if (!all) continue;
        const bool mine = std::find(p.agency_codes.begin(), p.agency_codes.end(), agency_code) != p.agency_codes.end();
        const bool exact = code == folded_query;
        if (!mine && !exact) continue;
        hits.push_back({exact ? 0 : 1, &p});
    }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.entry->procedure.code.str() < b.entry->procedure.code.str();
    });
    std::vector<domain::ProcedureEntry> out;
    for (const auto& hit : hits) {
        if (out.size() >= limit) break;
        out.push_back(*hit.entry);
    }
    return out;
}

}  // namespace motcua::service
