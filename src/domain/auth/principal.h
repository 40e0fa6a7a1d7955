#pragma once
/// Who is acting: a signed-in user with one role, scoped to an agency of the tree
/// (TT 01/2018 roles at the one-stop desk), and the rules of what each role may do.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain {

/// The roles of motcua's users.
enum class Role {
    DeskOfficer,        ///< cán bộ tiếp nhận và trả kết quả (Bộ phận Một cửa)
    ProcessingOfficer,  ///< cán bộ xử lý hồ sơ
    Head,               ///< lãnh đạo cơ quan: sees and signs for his agency and those below
    Compiler,           ///< cán bộ tổng hợp thống kê: reads statistics of his scope
    Admin,              ///< quản trị hệ thống
};

/// Returns the stable name: desk_officer, processing_officer, head, compiler, admin.
std::string_view roleName(Role role);
/// Returns the Vietnamese label.
std::string_view roleLabelVi(Role role);
/// Parses a stable name; throws Error(InvalidArgument) for anything else.
Role parseRole(std::string_view name);

/// A signed-in user as the services see it.
struct Principal {
    std::int64_t user_id = 0;
    std::string username;
    std::string full_name;
    Role role = Role::DeskOfficer;
    std::int64_t agency_id = 0;   ///< the user's own agency; the scope is it and every agency below
    std::string agency_code;
};

/// What a role may do; the agency scope is checked separately (AgencyTree::isDescendantOrSelf).
enum class Permission {
    IntakeDossier,       ///< tiếp nhận, từ chối, hướng dẫn bổ sung tại quầy; trả kết quả
    ProcessDossier,      ///< chuyển xử lý, yêu cầu bổ sung, giải quyết
    AssignDossier,       ///< phân công cán bộ xử lý
    IssueApology,        ///< ký Phiếu xin lỗi và hẹn lại ngày trả kết quả
    ReadDossiers,        ///< xem hồ sơ trong phạm vi
    ReadStatistics,      ///< xem báo cáo, chỉ số
    ManageCatalog,       ///< cơ quan, lĩnh vực, thủ tục
    ManageCalendar,      ///< lịch nghỉ, giờ làm việc
    ManageUsers,         ///< người dùng
};

/// Tells whether `role` has `permission`.
bool hasPermission(Role role, Permission permission);

}  // namespace motcua::domain
