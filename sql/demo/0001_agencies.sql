-- Demo agencies: a province with departments and communes (two-level local government since
-- 01/7/2025). Codes follow the mã định danh pattern V1V2V3.Z1Z2.Y1Y2.MX1X2. For deploy/run only.
INSERT INTO agencies (id, code, name, parent_id, head_title, address, phone, created_at, updated_at) VALUES
  (1, '000.00.00.H56', 'Ủy ban nhân dân tỉnh Thanh Hóa', NULL, 'Chủ tịch', '35 Đại lộ Lê Lợi, phường Hạc Thành', '0237 3852 474', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (2, '000.00.01.H56', 'Trung tâm Phục vụ hành chính công tỉnh', 1, 'Giám đốc', '28 Đại lộ Lê Lợi, phường Hạc Thành', '0237 3719 191', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (3, '000.00.06.H56', 'Sở Tư pháp', 1, 'Giám đốc', '20 Phan Chu Trinh, phường Hạc Thành', '0237 3852 366', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (4, '000.00.10.H56', 'Sở Tài chính', 1, 'Giám đốc', '45 Hạc Thành, phường Hạc Thành', '0237 3852 388', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (5, '000.00.15.H56', 'Sở Xây dựng', 1, 'Giám đốc', '36 Đại lộ Lê Lợi, phường Hạc Thành', '0237 3852 299', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (6, '000.01.00.H56', 'Ủy ban nhân dân phường Hạc Thành', 1, 'Chủ tịch', '1 Trần Phú, phường Hạc Thành', '0237 3753 103', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (7, '000.02.00.H56', 'Ủy ban nhân dân xã Quảng Phú', 1, 'Chủ tịch', 'Thôn 5, xã Quảng Phú', '0237 3681 120', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
