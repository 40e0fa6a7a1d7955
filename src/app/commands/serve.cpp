#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "common/log.h"
#include "domain/core/error.h"
#include "http/server.h"
#include "service/stats_records.h"
#include "store/migrator.h"

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <stop_token>
#include <thread>

namespace motcua::app {

int runServe(CommandContext& context) {
    validateConfig(context.config, true);
    SystemClock clock;
    Wiring wiring(context.config, clock);

    // STYLE.md 9.5: serve refuses to start while any migration is pending.
    store::Migrator migrator(wiring.database(), context.config.migrationsDir());
    const auto pending = migrator.pending();
    if (!pending.empty()) {
        std::cerr << "motcua serve: CSDL còn " << pending.size()
                  << " migration chưa áp dụng (đầu tiên: " << pending.front().name
                  << "). Hãy chạy: motcua migrate\n";
        return kExitConfig;
    }

    http::ServerSettings settings;
    settings.host = context.config.http_host;
    settings.port = context.config.http_port;
    settings.max_threads = context.config.http_threads;
    settings.max_body_bytes = static_cast<std::size_t>(context.config.http_max_body_kb) * 1024;
    http::Server server(wiring.router(), settings);
    log::info("serve.started", {{"url", "http://" + settings.host + ":" + std::to_string(server.port()) + "/"},
                                {"database", wiring.database().describe()}});
    std::cout << "motcua: đang phục vụ tại http://" << settings.host << ":" << server.port() << "/" << std::endl;

    // Intakes and commands append their statistics steps; this moves them into the day counters
    // about once a second so the pending table stays small (reports read both either way).
    std::jthread counters([&wiring](std::stop_token stop) {
        std::mutex mutex;
        std::condition_variable_any wake;
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait_for(lock, stop, std::chrono::seconds{1}, [] { return false; });
            if (stop.stop_requested()) return;
            try {
                service::flushDayCounters(wiring.database());
            } catch (const std::exception& e) {
                log::warn("stats.flush_failed", {{"error", e.what()}});
            }
        }
    });

    context.wait_for_termination();
    log::info("serve.stopping");
    counters.request_stop();
    counters.join();
    server.stop();
    log::info("serve.stopped");
    return kExitOk;
}

}  // namespace motcua::app
