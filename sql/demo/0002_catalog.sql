-- Demo fields and procedures (illustrative national codes and times; load the real catalog
-- with POST /api/v1/catalog/procedures/csv). For deploy/run only.
INSERT INTO fields (id, code, name, created_at, updated_at) VALUES
  (1, 'HOTICH', 'Hộ tịch', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (2, 'CHUNGTHUC', 'Chứng thực', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (3, 'LLTP', 'Lý lịch tư pháp', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (4, 'XAYDUNG', 'Hoạt động xây dựng', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (5, 'HKD', 'Thành lập và hoạt động của hộ kinh doanh', '2026-01-01 00:00:00', '2026-01-01 00:00:00');

INSERT INTO procedures (id, code, name, field_id, duration, online_level, fee_vnd, supplement_mode, created_at, updated_at) VALUES
  (1, '1.001193', 'Đăng ký khai sinh', 1, 'same_day', 'full', 0, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (2, '2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', 2, 'same_day', 'none', 2000, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (3, '2.000488', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', 3, '10d', 'full', 200000, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (4, '1.009972', 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 4, '15d', 'partial', 75000, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (5, '2.000575', 'Đăng ký thành lập hộ kinh doanh', 5, '3d', 'full', 100000, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00'),
  (6, '1.000894', 'Đăng ký kết hôn', 1, '4h', 'partial', 0, 'restart', '2026-01-01 00:00:00', '2026-01-01 00:00:00');

INSERT INTO procedure_agencies (procedure_id, agency_id) VALUES
  (1, 6), (1, 7), (2, 3), (2, 6), (2, 7), (3, 3), (4, 5), (5, 6), (5, 7), (6, 6), (6, 7);
