#include "domain/auth/principal.h"

#include "domain/core/error.h"

namespace motcua::domain {

std::string_view roleName(Role role) {
    switch (role) {
        case Role::DeskOfficer: return "desk_officer";
        case Role::ProcessingOfficer: return "processing_officer";
        case Role::Head: return "head";
        case Role::Compiler: return "compiler";
        case Role::Admin: return "admin";
    }
    return "desk_officer";
}

std::string_view roleLabelVi(Role role) {
    switch (role) {
        case Role::DeskOfficer: return "Cán bộ tiếp nhận và trả kết quả";
        case Role::ProcessingOfficer: return "Cán bộ xử lý";
        case Role::Head: return "Lãnh đạo cơ quan";
        case Role::Compiler: return "Cán bộ tổng hợp thống kê";
        case Role::Admin: return "Quản trị hệ thống";
    }
    return "";
}

Role parseRole(std::string_view name) {
    for (Role role : {Role::DeskOfficer, Role::ProcessingOfficer, Role::Head, Role::Compiler, Role::Admin}) {
        if (roleName(role) == name) return role;
    }
    throw Error(ErrorCode::InvalidArgument,
                "Vai trò \"" + std::string(name.substr(0, 40)) +
                    "\" không hợp lệ; dùng desk_officer, processing_officer, head, compiler hoặc admin.",
                "unknown role", "role");
}

bool hasPermission(Role role, Permission permission) {
    switch (permission) {
        case Permission::IntakeDossier: return role == Role::DeskOfficer || role == Role::Head;
        case Permission::ProcessDossier: return role == Role::ProcessingOfficer || role == Role::Head;
        case Permission::AssignDossier: return role == Role::Head;
        case Permission::IssueApology: return role == Role::Head;
        case Permission::ReadDossiers:
            return role == Role::DeskOfficer || role == Role::ProcessingOfficer || role == Role::Head ||
                   role == Role::Admin;
        case Permission::ReadStatistics: return role == Role::Compiler || role == Role::Head || role == Role::Admin;
        case Permission::ManageCatalog: return role == Role::Admin;
        case Permission::ManageCalendar: return role == Role::Admin;
        case Permission::ManageUsers: return role == Role::Admin;
    }
    return false;
}

}  // namespace motcua::domain
