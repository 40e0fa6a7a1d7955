// motcua: small progressive enhancements; every page works without this file.
(function () {
  'use strict';
  // Enter moves to the next field in data-enter-advances forms (fast keyboard intake);
  // Ctrl+Enter submits.
  document.querySelectorAll('form[data-enter-advances]').forEach(function (form) {
    form.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter' || e.target.tagName === 'TEXTAREA' || e.target.type === 'submit') return;
      if (e.ctrlKey) { form.requestSubmit(); e.preventDefault(); return; }
      var fields = Array.prototype.filter.call(form.elements, function (el) {
        return !el.disabled && el.type !== 'hidden' && el.tabIndex !== -1 && el.offsetParent !== null;
      });
      var i = fields.indexOf(e.target);
      if (i >= 0 && i < fields.length - 1) { fields[i + 1].focus(); e.preventDefault(); }
    });
  });
  // Pages that ask for it print themselves once loaded (receipt right after saving).
  if (document.body.classList.contains('autoprint')) { window.addEventListener('load', function () { window.print(); }); }
})();
