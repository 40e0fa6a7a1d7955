// kainjow::mustache's data variant, once inlined at -O2, trips GCC 12's -Wnull-dereference
// inside libstdc++ (a false positive in the library's code, not ours); silenced for this file only.
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/template_set.h"

#include "domain/core/error.h"

#include <fstream>
#include <sstream>

namespace motcua::web {
namespace {

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

TemplateSet::TemplateSet(const std::filesystem::path& directory) {
    if (!std::filesystem::is_directory(directory)) {
        throw Error(ErrorCode::InvalidArgument, "Không thấy thư mục giao diện " + directory.string(),
                    "templates directory missing: " + directory.string());
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file()) continue;
        const auto relative = std::filesystem::relative(entry.path(), directory);
        const std::string rel = relative.generic_string();
        if (rel.rfind("static/", 0) == 0) {
            static_files_[rel.substr(7)] = readFile(entry.path());
            continue;
        }
        if (entry.path().extension() != ".mustache") continue;
        std::string name = rel.substr(0, rel.size() - std::string(".mustache").size());
        std::string text = readFile(entry.path());
        kainjow::mustache::mustache parsed(text);
        if (!parsed.is_valid()) {
            throw Error(ErrorCode::InvalidArgument, "Mẫu giao diện " + rel + " bị lỗi: " + parsed.error_message(),
                        "invalid template " + rel + ": " + parsed.error_message());
        }
        if (name.rfind("partials/", 0) == 0) {
            partials_[name.substr(9)] = text;
        } else {
            sources_[name] = std::move(text);
        }
    }
}

std::string TemplateSet::render(const std::string& name, Data data) const {
    const auto found = sources_.find(name);
    if (found == sources_.end()) {
        throw Error(ErrorCode::Internal, "Thiếu mẫu giao diện.", "unknown template " + name);
    }
    for (const auto& [partial_name, text] : partials_) {
        const std::string* source = &text;
        data.set(partial_name, Data(kainjow::mustache::partial([source] { return *source; })));
    }
    kainjow::mustache::mustache tmpl(found->second);
    std::string out = tmpl.render(data);
    if (!tmpl.is_valid()) {
        throw Error(ErrorCode::Internal, "Lỗi hiển thị mẫu giao diện.", "render " + name + ": " + tmpl.error_message());
    }
    return out;
}

std::vector<std::string> TemplateSet::names() const {
    std::vector<std::string> out;
    for (const auto& [name, text] : sources_) out.push_back(name);
    return out;
}

const std::string* TemplateSet::staticFile(const std::string& name) const {
    const auto found = static_files_.find(name);
    return found == static_files_.end() ? nullptr : &found->second;
}

}  // namespace motcua::web
