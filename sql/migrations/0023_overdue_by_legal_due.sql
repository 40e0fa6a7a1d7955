-- `current_due_at` now holds the legal due time in force (restarted after a supplement, else
-- the original one) while a dossier is open and its clock runs. It used to hold the apology's
-- new appointment once one was issued, so a late dossier left the overdue list as soon as it
-- had its Phiếu xin lỗi, while the statistics still counted it overdue. The new appointment
-- stays in `extended_due_at`. Rows written before this change are corrected here.
UPDATE dossiers
   SET current_due_at = COALESCE(restarted_due_at, original_due_at)
 WHERE current_due_at IS NOT NULL
   AND extended_due_at IS NOT NULL;
