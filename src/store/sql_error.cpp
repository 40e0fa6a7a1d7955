#include "store/sql_error.h"

#include <cppconn/exception.h>

#include <algorithm>
#include <string>

namespace motcua::store {

bool isConnectionLost(int code) {
    switch (code) {
        case 2002:  // CR_CONNECTION_ERROR
        case 2003:  // CR_CONN_HOST_ERROR
        case 2006:  // CR_SERVER_GONE_ERROR
        case 2013:  // CR_SERVER_LOST
        case 2055:  // CR_SERVER_LOST_EXTENDED
        case 2030:  // statement not prepared: the connection was rebuilt under it
        case 2014:  // commands out of sync: results left unread, the connection cannot go on
        case 1053:  // ER_SERVER_SHUTDOWN
        case 1927:  // ER_CONNECTION_KILLED
        case 4031:  // ER_CLIENT_INTERACTION_TIMEOUT
            return true;
        default:
            return false;
    }
}

void rethrowTranslated(const sql::SQLException& e) {
    const int code = e.getErrorCode();
    const std::string log = "mariadb error " + std::to_string(code) + " (" + e.getSQLState() + "): " + e.what();
    if (isConnectionLost(code)) {
        throw ConnectionLost(ErrorCode::Unavailable,
                             "Mất kết nối tới cơ sở dữ liệu. Vui lòng thử lại sau ít phút.", log);
    }
    switch (code) {
        case 1062:  // ER_DUP_ENTRY
            throw Error(ErrorCode::AlreadyExists, "Dữ liệu đã tồn tại (trùng khóa).", log);
        case 1205:  // ER_LOCK_WAIT_TIMEOUT
        case 1213:  // ER_LOCK_DEADLOCK
            throw Error(ErrorCode::Conflict, "Dữ liệu đang được người khác cập nhật. Vui lòng thử lại.", log);
        case 1021:  // ER_DISK_FULL
        case 1114:  // ER_RECORD_FILE_FULL
        case 3:     // EE_WRITE: error writing file (disk full)
            throw Error(ErrorCode::Unavailable,
                        "Máy chủ cơ sở dữ liệu hết dung lượng lưu trữ; dữ liệu chưa được ghi. Hãy báo quản trị hệ thống.",
                        log);
        case 1290:  // ER_OPTION_PREVENTS_STATEMENT (read-only)
        case 1792:  // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        case 1036:  // ER_OPEN_AS_READONLY
            throw Error(ErrorCode::Unavailable,
                        "Cơ sở dữ liệu đang ở chế độ chỉ đọc; dữ liệu chưa được ghi. Hãy báo quản trị hệ thống.", log);
        case 1045:  // ER_ACCESS_DENIED_ERROR
        case 1044:  // ER_DBACCESS_DENIED_ERROR
        case 1049:  // ER_BAD_DB_ERROR
            throw Error(ErrorCode::Unavailable,
                        "Không đăng nhập được cơ sở dữ liệu (sai tài khoản hoặc tên CSDL). Hãy báo quản trị hệ thống.",
                        log);
        case 1644:  // ER_SIGNAL_EXCEPTION: a statement batch's own check (only the code sequence's)
            throw Error(ErrorCode::Conflict, "Số thứ tự mã hồ sơ vừa thay đổi. Vui lòng thử lại.", log, "code_sequence");
        case 1406:  // ER_DATA_TOO_LONG
        case 1366:  // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD (e.g. invalid UTF-8)
        case 1264: {  // ER_WARN_DATA_OUT_OF_RANGE
            // Inputs are checked, field by field, before they are written; should one slip
            // through, the message names the column for whoever reports it ("... for column
            // 'address' at row 1"), not as a request field: the column's name is not the field's.
            const std::string what = e.what();
            const auto at = what.find("column '");
            const auto end = at == std::string::npos ? at : what.find('\'', at + 8);
            if (end == std::string::npos) throw Error(ErrorCode::InvalidArgument, "Dữ liệu quá dài hoặc không hợp lệ.", log);
            const std::string column = what.substr(at + 8, std::min<std::size_t>(end - at - 8, 64));
            throw Error(ErrorCode::InvalidArgument, "Dữ liệu quá dài hoặc không hợp lệ (cột " + column + " của CSDL).", log);
        }
        default:
            throw Error(ErrorCode::Internal, "Lỗi cơ sở dữ liệu.", log);
    }
}

}  // namespace motcua::store
