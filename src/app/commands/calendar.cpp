#include "app/commands/commands.h"
#include "domain/core/error.h"

namespace motcua::app {

int runCalendar(CommandContext&) {
    throw Error(ErrorCode::Unavailable, "Lệnh calendar chưa sẵn sàng.", "calendar command not wired yet");
}

}  // namespace motcua::app
