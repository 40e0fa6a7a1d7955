#include "domain/calendar/official_schedules.h"

#include "domain/calendar/vietnam_holidays.h"

#include <string>
#include <string_view>

namespace motcua::domain {

namespace {

CalendarDay entry(int year, unsigned month, unsigned day, DayKind kind, std::string_view name) {
    return CalendarDay{date::local_days{date::year{year} / date::month{month} / date::day{day}}, kind,
                       std::string(name)};
}

DayOffSchedule schedule2024() {
    constexpr int kYear = 2024;
    return DayOffSchedule{
        kYear,
        {
            // Tết Dương lịch: Sat 30/12/2023 – Mon 01/01/2024.
            entry(kYear, 1, 1, DayKind::Holiday, kNewYearHolidayName),
            // Tết Giáp Thìn (mùng 1 = Sat 10/02): off Thu 08/02 – Wed 14/02 (Bộ LĐTBXH plan).
            entry(kYear, 2, 8, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 9, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 12, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 13, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 14, DayKind::Holiday, kLunarNewYearHolidayName),
            // Giỗ Tổ Hùng Vương (10/3 âm lịch): Thu 18/04.
            entry(kYear, 4, 18, DayKind::Holiday, kHungKingsHolidayName),
            // 30/4 – 1/5: off Sat 27/04 – Wed 01/05; Mon 29/04 swapped with Sat 04/05
            // (công văn 2450/VPCP-KGVX, 12/4/2024).
            entry(kYear, 4, 29, DayKind::DayOff, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/05/2024)"),
            entry(kYear, 4, 30, DayKind::Holiday, kVictoryDayHolidayName),
            entry(kYear, 5, 1, DayKind::Holiday, kLabourDayHolidayName),
            entry(kYear, 5, 4, DayKind::WorkingSaturday, "Làm bù cho ngày nghỉ 29/04/2024"),
            // Quốc khánh: off Sat 31/08 – Tue 03/09, holidays Mon 02/9 and Tue 03/9.
            entry(kYear, 9, 2, DayKind::Holiday, kNationalDayHolidayName),
            entry(kYear, 9, 3, DayKind::Holiday, kNationalDayHolidayName),
        },
    };
}

DayOffSchedule schedule2025() {
    constexpr int kYear = 2025;
    return DayOffSchedule{
        kYear,
        {
            // Tết Dương lịch: Wed 01/01.
            entry(kYear, 1, 1, DayKind::Holiday, kNewYearHolidayName),
            // Tết Ất Tỵ (mùng 1 = Wed 29/01): off Sat 25/01 – Sun 02/02, holidays Mon 27/01 –
            // Fri 31/01 (công văn 8726/VPCP-KGVX, 26/11/2024).
            entry(kYear, 1, 27, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 1, 28, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 1, 29, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 1, 30, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 1, 31, DayKind::Holiday, kLunarNewYearHolidayName),
            // Giỗ Tổ Hùng Vương (10/3 âm lịch): Mon 07/04.
            entry(kYear, 4, 7, DayKind::Holiday, kHungKingsHolidayName),
            // 30/4 – 1/5: off Wed 30/04 – Sun 04/05; Fri 02/05 swapped with Sat 26/04.
            entry(kYear, 4, 26, DayKind::WorkingSaturday, "Làm bù cho ngày nghỉ 02/05/2025"),
            entry(kYear, 4, 30, DayKind::Holiday, kVictoryDayHolidayName),
            entry(kYear, 5, 1, DayKind::Holiday, kLabourDayHolidayName),
            entry(kYear, 5, 2, DayKind::DayOff, "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/04/2025)"),
            // Quốc khánh: off Sat 30/08 – Tue 02/09, holidays Mon 01/9 and Tue 02/9.
            entry(kYear, 9, 1, DayKind::Holiday, kNationalDayHolidayName),
            entry(kYear, 9, 2, DayKind::Holiday, kNationalDayHolidayName),
        },
    };
}

DayOffSchedule schedule2026() {
    constexpr int kYear = 2026;
    return DayOffSchedule{
        kYear,
        {
            // Tết Dương lịch: off Thu 01/01 – Sun 04/01; Fri 02/01 swapped with Sat 10/01
            // (công văn 12729/VPCP-KGVX, 25/12/2025).
            entry(kYear, 1, 1, DayKind::Holiday, kNewYearHolidayName),
            entry(kYear, 1, 2, DayKind::DayOff, "Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)"),
            entry(kYear, 1, 10, DayKind::WorkingSaturday, "Làm bù cho ngày nghỉ 02/01/2026"),
            // Tết Bính Ngọ (mùng 1 = Tue 17/02): off Sat 14/02 – Sun 22/02, holidays Mon 16/02 –
            // Fri 20/02.
            entry(kYear, 2, 16, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 17, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 18, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 19, DayKind::Holiday, kLunarNewYearHolidayName),
            entry(kYear, 2, 20, DayKind::Holiday, kLunarNewYearHolidayName),
            // Giỗ Tổ Hùng Vương falls on Sun 26/04: nghỉ bù Mon 27/04 (BLLĐ 2019 Đ111.3).
            entry(kYear, 4, 27, DayKind::Compensatory, "Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026)"),
            // 30/4 – 1/5 (Thu–Fri): off Thu 30/04 – Sun 03/05.
            entry(kYear, 4, 30, DayKind::Holiday, kVictoryDayHolidayName),
            entry(kYear, 5, 1, DayKind::Holiday, kLabourDayHolidayName),
            // Quốc khánh: off Sat 29/08 – Wed 02/09, holidays Tue 01/9 and Wed 02/9; Mon 31/08
            // swapped with Sat 22/08.
            entry(kYear, 8, 22, DayKind::WorkingSaturday, "Làm bù cho ngày nghỉ 31/08/2026"),
            entry(kYear, 8, 31, DayKind::DayOff, "Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)"),
            entry(kYear, 9, 1, DayKind::Holiday, kNationalDayHolidayName),
            entry(kYear, 9, 2, DayKind::Holiday, kNationalDayHolidayName),
            // Ngày Văn hóa Việt Nam (Nghị quyết 28/2026/QH16): Tue 24/11. The proposed swap of
            // Mon 23/11 with Sat 28/11 is not confirmed and is left out.
            entry(kYear, 11, 24, DayKind::Holiday, kCultureDayHolidayName),
        },
    };
}

}  // namespace

std::vector<DayOffSchedule> officialSchedules2024To2026() {
    return {schedule2024(), schedule2025(), schedule2026()};
}

}  // namespace motcua::domain
