#include "service/report_export.h"

#include "domain/core/error.h"
#include "service/csv.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace motcua::service {
namespace {

namespace stats = domain::stats;

std::string percent(const stats::Rate& rate) {
    if (!rate.defined()) return "";
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f", rate.value * 100.0);
    return buffer;
}

std::string rowName(const ReportResult& result, const stats::Row06a& row) {
    if (row.key.empty()) return "Tổng cộng";
    if (result.report.grouping == stats::Grouping::Agency) return std::string(static_cast<std::size_t>(row.depth) * 2, ' ') + row.name;
    const auto found = result.names.find(row.key);
    return found == result.names.end() ? row.key : found->second;
}

std::string groupTitle(stats::Grouping grouping) {
    switch (grouping) {
        case stats::Grouping::Field: return "Lĩnh vực";
        case stats::Grouping::Procedure: return "Thủ tục hành chính";
        case stats::Grouping::Agency: break;
    }
    return "Cơ quan, đơn vị";
}

/// Writes a workbook into a private temporary file and returns its bytes.
class TempFile {
public:
    TempFile() {
        char name[] = "/tmp/motcua-06a-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd < 0) throw Error(ErrorCode::Internal, "Không tạo được tệp Excel.", "mkstemp failed");
        ::close(fd);
        path_ = name;
    }
    ~TempFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }
    std::string read() const {
        std::ifstream in(path_, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return bytes.str();
    }

private:
    std::string path_;
};

}  // namespace

const std::vector<ExportColumn>& report06aColumns() {
    static const std::vector<ExportColumn> columns = {
        {"", "STT"},
        {"", "Mã"},
        {"", "Tên"},
        {"Số hồ sơ nhận giải quyết", "Tổng số"},
        {"Số hồ sơ nhận giải quyết", "Trực tuyến"},
        {"Số hồ sơ nhận giải quyết", "Trực tiếp và dịch vụ bưu chính"},
        {"Số hồ sơ nhận giải quyết", "Từ kỳ trước chuyển qua"},
        {"Số hồ sơ đã giải quyết", "Tổng số"},
        {"Số hồ sơ đã giải quyết", "Trước hạn"},
        {"Số hồ sơ đã giải quyết", "Đúng hạn"},
        {"Số hồ sơ đã giải quyết", "Quá hạn"},
        {"Số hồ sơ đang giải quyết", "Tổng số"},
        {"Số hồ sơ đang giải quyết", "Trong hạn"},
        {"Số hồ sơ đang giải quyết", "Quá hạn"},
        {"Tỷ lệ (%)", "Đúng hạn"},
        {"Tỷ lệ (%)", "Có Phiếu xin lỗi (hồ sơ trễ hạn)"},
        {"Tỷ lệ (%)", "Trực tuyến toàn trình"},
        {"Tỷ lệ (%)", "Trực tuyến một phần"},
        {"Tỷ lệ (%)", "Tiếp nhận qua bưu chính công ích"},
        {"Tỷ lệ (%)", "Trả kết quả qua bưu chính công ích"},
    };
    return columns;
}

std::string periodCaption(const stats::ReportingPeriod& period) {
    auto day = [](date::year_month_day d) { return date::format("%d/%m/%Y", date::sys_days{d}); };
    std::string out = period.label() + ", từ " + day(period.firstDay()) + " đến " + day(period.lastDay());
    if (const auto& cut = period.cutAt()) {
        out += "; kỳ chưa kết thúc, số liệu tính đến " + date::format("%H giờ %M phút, ngày %d/%m/%Y", *cut);
    }
    return out;
}

std::vector<std::string> report06aCells(const ReportResult& result, const stats::Row06a& row, std::size_t number) {
    const auto& c = row.counts;
    const auto& r = row.rates;
    return {number == 0 ? "" : std::to_string(number),
            row.key,
            rowName(result, row),
            std::to_string(c.received_total),
            std::to_string(c.received_online),
            std::to_string(c.received_direct_and_postal),
            std::to_string(c.carried_over),
            std::to_string(c.resolved_total),
            std::to_string(c.resolved_early),
            std::to_string(c.resolved_on_time),
            std::to_string(c.resolved_late),
            std::to_string(c.in_progress_total),
            std::to_string(c.in_progress_within_time),
            std::to_string(c.in_progress_overdue),
            percent(r.on_time),
            percent(r.apology_coverage),
            percent(r.online_full_share),
            percent(r.online_partial_share),
            percent(r.postal_receipt_share),
            percent(r.postal_return_share)};
}

std::string report06aCsv(const ReportResult& result) {
    std::vector<CsvRow> rows;
    CsvRow header;
    for (const auto& column : report06aColumns()) {
        header.push_back(column.group.empty() ? column.name : column.group + " - " + column.name);
    }
    header[2] = groupTitle(result.report.grouping);
    rows.push_back(std::move(header));
    std::size_t number = 0;
    for (const auto& row : result.report.rows) rows.push_back(report06aCells(result, row, ++number));
    rows.push_back(report06aCells(result, result.report.total, 0));
    return formatCsv(rows, true);
}

std::string report06aXlsx(const ReportResult& result) {
    TempFile file;
    lxw_workbook* workbook = workbook_new(file.path().c_str());
    if (workbook == nullptr) throw Error(ErrorCode::Internal, "Không tạo được tệp Excel.", "workbook_new failed");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Bieu 06a");

    auto format = [&](bool bold, bool border, bool wrap, bool center, double size = 11) {
        lxw_format* f = workbook_add_format(workbook);
        format_set_font_name(f, "Times New Roman");
        format_set_font_size(f, size);
        if (bold) format_set_bold(f);
        if (border) format_set_border(f, LXW_BORDER_THIN);
        if (wrap) format_set_text_wrap(f);
        if (center) {
            format_set_align(f, LXW_ALIGN_CENTER);
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        }
        return f;
    };
    lxw_format* title = format(true, false, false, true, 13);
    lxw_format* plain_center = format(false, false, false, true);
    lxw_format* head = format(true, true, true, true);
    lxw_format* cell = format(false, true, false, false);
    lxw_format* number_cell = format(false, true, false, false);
    format_set_num_format(number_cell, "#,##0");
    lxw_format* rate_cell = format(false, true, false, false);
    format_set_num_format(rate_cell, "0.0");
    lxw_format* total_cell = format(true, true, false, false);
    format_set_num_format(total_cell, "#,##0");

    const auto& columns = report06aColumns();
    const auto last = static_cast<lxw_col_t>(columns.size() - 1);
    worksheet_merge_range(sheet, 0, 0, 0, last, "Biểu số II.06a/VPCP/KSTT", plain_center);
    worksheet_merge_range(sheet, 1, 0, 1, last,
                          "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT "
                          "THỦ TỤC HÀNH CHÍNH",
                          title);
    worksheet_merge_range(sheet, 2, 0, 2, last, ("Kỳ báo cáo: " + periodCaption(result.report.period)).c_str(), plain_center);
    worksheet_merge_range(sheet, 3, 0, 3, last,
                          ("Đơn vị báo cáo: " + result.agency_name + " (" + result.agency_code + ")").c_str(),
                          plain_center);

    // Two header rows: the groups merged over their columns, then the column names; then the
    // column numbers (1), (2), … as on the printed form.
    const lxw_row_t group_row = 5, name_row = 6, number_row = 7;
    for (lxw_col_t c = 0; c <= last;) {
        const auto& group = columns[c].group;
        lxw_col_t end = c;
        while (end + 1 <= last && columns[end + 1].group == group) ++end;
        if (group.empty()) {
            for (lxw_col_t k = c; k <= end; ++k) {
                const std::string name = k == 2 ? groupTitle(result.report.grouping) : columns[k].name;
                worksheet_merge_range(sheet, group_row, k, name_row, k, name.c_str(), head);
            }
        } else {
            worksheet_merge_range(sheet, group_row, c, group_row, end, group.c_str(), head);
            for (lxw_col_t k = c; k <= end; ++k) worksheet_write_string(sheet, name_row, k, columns[k].name.c_str(), head);
        }
        c = end + 1;
    }
    for (lxw_col_t k = 0; k <= last; ++k) {
        char label[16];
        std::snprintf(label, sizeof label, "(%u)", static_cast<unsigned>(k) + 1);
        worksheet_write_string(sheet, number_row, k, label, head);
    }
    worksheet_set_row(sheet, name_row, 45, nullptr);
    worksheet_set_column(sheet, 0, 0, 5, nullptr);
    worksheet_set_column(sheet, 1, 1, 16, nullptr);
    worksheet_set_column(sheet, 2, 2, 40, nullptr);
    worksheet_set_column(sheet, 3, last, 11, nullptr);

    lxw_row_t r = number_row + 1;
    auto writeRow = [&](const stats::Row06a& row, std::size_t number, bool total) {
        const auto cells = report06aCells(result, row, number);
        for (lxw_col_t k = 0; k <= last; ++k) {
            const auto& text = cells[k];
            if (k < 3 || text.empty()) {
                worksheet_write_string(sheet, r, k, text.c_str(), total ? total_cell : cell);
            } else {
                worksheet_write_number(sheet, r, k, std::stod(text),
                                       total ? total_cell : (k >= 14 ? rate_cell : number_cell));
            }
        }
        ++r;
    };
    std::size_t number = 0;
    for (const auto& row : result.report.rows) writeRow(row, ++number, false);
    writeRow(result.report.total, 0, true);
    worksheet_freeze_panes(sheet, number_row + 1, 3);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);

    if (workbook_close(workbook) != LXW_NO_ERROR) {
        throw Error(ErrorCode::Internal, "Không ghi được tệp Excel.", "workbook_close failed");
    }
    return file.read();
}

}  // namespace motcua::service
