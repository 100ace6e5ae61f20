// Keyboard-first ballot entry: Enter in the serial moves to the marks; Enter in the
// last mark field saves; the panel is replaced with the verdict, the running totals
// and a fresh form whose serial (the next unused one) is focused and selected.
(function () {
  function fields(form) {
    return Array.prototype.slice.call(form.querySelectorAll('[data-entry="mark"]'));
  }
  function focusSerial() {
    var serial = document.querySelector('#entry-form [data-entry="serial"]');
    if (serial) { serial.focus(); serial.select(); }
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key !== "Enter" || !target.form || target.form.id !== "entry-form") return;
    var marks = fields(target.form);
    if (target.dataset.entry === "serial" && marks.length) {
      event.preventDefault();
      marks[0].focus();
      marks[0].select();
      return;
    }
    var i = marks.indexOf(target);
    if (i >= 0 && i < marks.length - 1) {
      event.preventDefault();
      marks[i + 1].focus();
      marks[i + 1].select();
    }
  });
  // Post the form ourselves: a form swapped in a moment ago may not be wired by htmx
  // yet, and a fast clerk must never fall back to a full page load. One request at a time.
  var saving = false;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "entry-form" || !window.htmx) return;
    event.preventDefault();
    event.stopPropagation();
    if (saving) return;
    saving = true;
    window.htmx.ajax("POST", form.action, { source: form, target: "#entry-panel", swap: "outerHTML" })
      .finally(function () { saving = false; });
  }, true);
  document.body.addEventListener("htmx:afterSettle", focusSerial);
  document.addEventListener("DOMContentLoaded", focusSerial);
})();
