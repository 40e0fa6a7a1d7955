#include "app/motcua_application.h"

POCO_SERVER_MAIN(motcua::app::MotcuaApplication)
