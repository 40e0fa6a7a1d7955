// kainjow::mustache's data variant trips GCC 12's -Wnull-dereference inside libstdc++ (see template_set.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"

#include "web/dossier_pages.h"

#include "domain/core/error.h"
#include "http/session_authenticator.h"
#include "service/clock.h"
#include "service/public_lookup.h"
#include "web/dossier_format.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>

namespace motcua::web {
namespace {

/// Lookups allowed per address within the window: enough for a family at the desk's kiosk,
/// far too few to guess four digits for many codes.
constexpr int kLookupsPerWindow = 20;
constexpr std::chrono::minutes kLookupWindow{10};

/// A sliding-window counter of lookups per client address.
class LookupLimiter {
public:
    /// Records a lookup by `address` at `now`; returns false when the address is over its limit.
    bool allow(const std::string& address, date::sys_seconds now) {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (seen_.size() > 100000) seen_.clear();  // bound memory under a spraying attack
        auto& times = seen_[address];
        times.erase(std::remove_if(times.begin(), times.end(), [&](auto t) { return now - t >= kLookupWindow; }),
                    times.end());
        if (static_cast<int>(times.size()) >= kLookupsPerWindow) return false;
        times.push_back(now);
        return true;
    }

private:
    std::mutex mutex_;
    std::map<std::string, std::vector<date::sys_seconds>> seen_;
};

}  // namespace

void registerPublicLookup(http::Router& router, WebApp& web, service::PublicLookupService& lookup,
                          const service::LocalTime& local_time, const service::Clock& clock) {
    const auto on_error = web.errorRenderer();
    router.add("GET", "/tra-cuu", [&web](http::Request& request) {
        return web.page(request, std::nullopt, "Tra cứu hồ sơ", "pages/lookup", Data{});
    }, on_error);
    auto limiter = std::make_shared<LookupLimiter>();
    router.add("POST", "/tra-cuu", [&web, &lookup, &local_time, &clock, limiter](http::Request& request) {
        http::checkSameOrigin(request);
        const std::string code = formField(request, "code");
        Data d;
        d.set("code", code);
        d.set("searched", true);
        if (!limiter->allow(request.remote_address, clock.now())) {
            d.set("error", "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau " +
                               std::to_string(kLookupWindow.count()) + " phút.");
            return web.page(request, std::nullopt, "Tra cứu hồ sơ", "pages/lookup", d, 429);
        }
        const auto found = lookup.find(code, formField(request, "phone4"));
        if (!found) {
            d.set("error", "Không tìm thấy hồ sơ với mã và 4 số cuối điện thoại đã nhập. Vui lòng kiểm tra lại "
                           "Giấy tiếp nhận hồ sơ.");
            return web.page(request, std::nullopt, "Tra cứu hồ sơ", "pages/lookup", d, 404);
        }
        Data r;
        r.set("code", found->code);
        r.set("status_label", found->status_label);
        r.set("procedure_name", found->procedure_name);
        r.set("agency_name", found->handling_agency_name);
        r.set("received_text", formTime(found->received_at, local_time));
        r.set("due_text", formTime(found->due_at, local_time));
        setIf(r, "returned_text", formTime(found->returned_at, local_time));
        r.set("result_ready", found->result_ready);
        r.set("overdue", found->overdue);
        d.set("result", r);
        return web.page(request, std::nullopt, "Tra cứu hồ sơ", "pages/lookup", d);
    }, on_error);
}

}  // namespace motcua::web
