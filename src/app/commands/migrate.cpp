#include "app/commands/commands.h"
#include "app/system_clock.h"
#include "app/wiring.h"
#include "domain/core/error.h"
#include "service/stats_records.h"
#include "store/counter_repository.h"
#include "store/database.h"
#include "store/migrator.h"

#include <iostream>

namespace motcua::app {

// motcua migrate [status]
int runMigrate(CommandContext& context) {
    validateConfig(context.config, true);
    auto database = makeDatabase(context.config);
    store::Migrator migrator(*database, context.config.migrationsDir());
    const std::string action = context.args.empty() ? "apply" : context.args.front();
    if (action == "status") {
        int pending = 0;
        for (const auto& state : migrator.status()) {
            std::cout << (state.applied ? "applied  " : "pending  ") << state.file.name << "  " << state.file.sha256
                      << "\n";
            if (!state.applied) ++pending;
        }
        return pending == 0 ? kExitOk : kExitDataError;
    }
    if (action != "apply") {
        throw Error(ErrorCode::InvalidArgument, "Dùng: motcua migrate [apply|status]", "unknown migrate action");
    }
    const int applied = migrator.applyPending(SystemClock().now());
    std::cout << "motcua migrate: đã áp dụng " << applied << " migration; CSDL đã cập nhật.\n";
    // A database that had records before the day counters existed gets them built once.
    if (!database->run([](store::Session& s) { return store::CounterRepository{}.built(s); })) {
        std::cout << "motcua migrate: đang dựng bộ đếm thống kê theo ngày từ bản ghi thống kê…\n" << std::flush;
        const auto records = service::rebuildDayCounters(*database);
        std::cout << "motcua migrate: đã dựng bộ đếm từ " << records << " bản ghi.\n";
    }
    return kExitOk;
}

}  // namespace motcua::app
