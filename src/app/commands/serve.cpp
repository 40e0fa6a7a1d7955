#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "common/log.h"
#include "domain/core/error.h"
#include "http/server.h"
#include "store/migrator.h"

#include <iostream>

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

    context.wait_for_termination();
    log::info("serve.stopping");
    server.stop();
    log::info("serve.stopped");
    return kExitOk;
}

}  // namespace motcua::app
