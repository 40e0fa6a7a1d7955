#pragma once
/// All Mustache templates of templates/, loaded and validated once at start-up
/// (an invalid template stops the program), rendered with HTML escaping.

#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <string>

namespace motcua::web {

using Data = kainjow::mustache::data;

/// The loaded templates: `layout`, `pages/*`, `forms/*`, and `partials/*` (usable as {{> name}}).
class TemplateSet {
public:
    /// Loads every *.mustache below `directory`; throws Error(InvalidArgument) naming the first
    /// template that fails to parse.
    explicit TemplateSet(const std::filesystem::path& directory);

    /// Renders template `name` (e.g. "pages/login") with `data`; partials are available.
    /// Throws Error(Internal) for an unknown name.
    std::string render(const std::string& name, Data data) const;

    /// Returns the names of every loaded template (for the test that renders them all).
    std::vector<std::string> names() const;

    /// Returns the raw text of a static file below templates/static (CSS, JS), if present.
    const std::string* staticFile(const std::string& name) const;

private:
    std::map<std::string, std::string> sources_;
    std::map<std::string, std::string> partials_;
    std::map<std::string, std::string> static_files_;
};

}  // namespace motcua::web
