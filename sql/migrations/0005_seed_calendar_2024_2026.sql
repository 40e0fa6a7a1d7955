-- Official day-off schedules for công chức, viên chức, 2024–2026 (see shared domain rules §5.4):
-- the reference data every deadline of those years depends on. Later changes are new versions
-- entered by an administrator, never edits of these rows.
INSERT INTO calendar_schedules (id, year, version, effective_from, source, created_by, created_at) VALUES
  (1, 2024, 1, '2000-01-01 00:00:00', 'BLLĐ 2019 Đ112; Tết: kế hoạch Bộ LĐTBXH; 30/4–1/5: Công văn 2450/VPCP-KGVX ngày 12/4/2024', 'migration', '2026-11-22 00:00:00'),
  (2, 2025, 1, '2000-01-01 00:00:00', 'BLLĐ 2019 Đ112; Tết: Công văn 8726/VPCP-KGVX ngày 26/11/2024; 30/4–1/5: hoán đổi thứ Sáu 02/5, làm bù thứ Bảy 26/4', 'migration', '2026-11-22 00:00:00'),
  (3, 2026, 1, '2000-01-01 00:00:00', 'BLLĐ 2019 Đ112; Tết Dương lịch: Công văn 12729/VPCP-KGVX ngày 25/12/2025; Tết Âm lịch: Thủ tướng phê duyệt 10/2025; Ngày Văn hóa Việt Nam 24/11: NQ 28/2026/QH16', 'migration', '2026-11-22 00:00:00');

INSERT INTO calendar_schedule_days (schedule_id, day, kind, name) VALUES
  (1, '2024-01-01', 'holiday', 'Tết Dương lịch'),
  (1, '2024-02-08', 'compensatory', 'Nghỉ bù Tết Nguyên đán'),
  (1, '2024-02-09', 'holiday', 'Tết Nguyên đán'),
  (1, '2024-02-12', 'holiday', 'Tết Nguyên đán'),
  (1, '2024-02-13', 'holiday', 'Tết Nguyên đán'),
  (1, '2024-02-14', 'compensatory', 'Nghỉ bù Tết Nguyên đán'),
  (1, '2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  (1, '2024-04-29', 'day_off', 'Nghỉ hoán đổi dịp 30/4 – 1/5'),
  (1, '2024-04-30', 'holiday', 'Ngày Chiến thắng'),
  (1, '2024-05-01', 'holiday', 'Ngày Quốc tế Lao động'),
  (1, '2024-05-04', 'working_saturday', 'Làm bù cho ngày 29/4'),
  (1, '2024-09-02', 'holiday', 'Quốc khánh'),
  (1, '2024-09-03', 'holiday', 'Quốc khánh (ngày liền kề)'),

  (2, '2025-01-01', 'holiday', 'Tết Dương lịch'),
  (2, '2025-01-27', 'holiday', 'Tết Nguyên đán'),
  (2, '2025-01-28', 'holiday', 'Tết Nguyên đán'),
  (2, '2025-01-29', 'holiday', 'Tết Nguyên đán'),
  (2, '2025-01-30', 'holiday', 'Tết Nguyên đán'),
  (2, '2025-01-31', 'holiday', 'Tết Nguyên đán'),
  (2, '2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'),
  (2, '2025-04-26', 'working_saturday', 'Làm bù cho ngày 2/5'),
  (2, '2025-04-30', 'holiday', 'Ngày Chiến thắng'),
  (2, '2025-05-01', 'holiday', 'Ngày Quốc tế Lao động'),
  (2, '2025-05-02', 'day_off', 'Nghỉ hoán đổi dịp 30/4 – 1/5'),
  (2, '2025-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'),
  (2, '2025-09-02', 'holiday', 'Quốc khánh'),

  (3, '2026-01-01', 'holiday', 'Tết Dương lịch'),
  (3, '2026-01-02', 'day_off', 'Nghỉ hoán đổi dịp Tết Dương lịch'),
  (3, '2026-01-10', 'working_saturday', 'Làm bù cho ngày 2/1'),
  (3, '2026-02-16', 'holiday', 'Tết Nguyên đán'),
  (3, '2026-02-17', 'holiday', 'Tết Nguyên đán'),
  (3, '2026-02-18', 'holiday', 'Tết Nguyên đán'),
  (3, '2026-02-19', 'holiday', 'Tết Nguyên đán'),
  (3, '2026-02-20', 'holiday', 'Tết Nguyên đán'),
  (3, '2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/4 là Chủ nhật)'),
  (3, '2026-04-30', 'holiday', 'Ngày Chiến thắng'),
  (3, '2026-05-01', 'holiday', 'Ngày Quốc tế Lao động'),
  (3, '2026-08-22', 'working_saturday', 'Làm bù cho ngày 31/8'),
  (3, '2026-08-31', 'day_off', 'Nghỉ hoán đổi dịp Quốc khánh'),
  (3, '2026-09-01', 'holiday', 'Quốc khánh (ngày liền kề)'),
  (3, '2026-09-02', 'holiday', 'Quốc khánh'),
  (3, '2026-11-24', 'holiday', 'Ngày Văn hóa Việt Nam');
