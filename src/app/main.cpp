#include "app/motcua_application.h"

#include <iostream>  // POCO_SERVER_MAIN writes to std::cerr

POCO_SERVER_MAIN(motcua::app::MotcuaApplication)
