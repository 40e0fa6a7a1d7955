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
  // Procedure search at intake: suggestions from the server as one types; ↑/↓ choose, Enter
  // takes the highlighted (or first) one, Esc closes. Without this script the server resolves
  // the typed code or name itself.
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var items = [], active = -1, timer = null, seq = 0;
    function close() { list.hidden = true; input.setAttribute('aria-expanded', 'false'); active = -1; }
    function highlight(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, j) { li.setAttribute('aria-selected', j === i ? 'true' : 'false'); });
    }
    function choose(i) { input.value = items[i].code + ' — ' + items[i].name; close(); }
    function render() {
      list.textContent = '';
      items.forEach(function (p, i) {
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.textContent = p.code + ' — ' + p.name;
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
      highlight(items.length ? 0 : -1);
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      timer = setTimeout(function () {
        var mine = ++seq;
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) { if (mine === seq) { items = found; render(); } })
          .catch(function () { items = []; render(); });
      }, 120);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden || !items.length) return;
      if (e.key === 'ArrowDown') { highlight((active + 1) % items.length); e.preventDefault(); }
      else if (e.key === 'ArrowUp') { highlight((active + items.length - 1) % items.length); e.preventDefault(); }
      else if (e.key === 'Escape') { close(); e.preventDefault(); }
      else if (e.key === 'Enter' && !e.ctrlKey) { choose(active < 0 ? 0 : active); }  // the form then moves on
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });
  // Intake: the post office's times only matter for postal dossiers.
  var channel = document.getElementById('channel');
  if (channel) {
    var postal = document.querySelectorAll('.postal-only');
    var toggle = function () {
      postal.forEach(function (el) { el.hidden = channel.value !== 'postal'; });
    };
    channel.addEventListener('change', toggle);
    toggle();
  }
  // Pages that ask for it print themselves once loaded (receipt right after saving).
  if (document.body.classList.contains('autoprint')) { window.addEventListener('load', function () { window.print(); }); }
})();
