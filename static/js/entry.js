// Keyboard-first ballot entry: Enter in the serial moves to the marks; Enter in the
// last mark field saves (htmx posts the form and swaps the panel); the serial is then
// focused and selected, holding the next unused serial.
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
    var form = target.form;
    var marks = fields(form);
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
  document.body.addEventListener("htmx:afterSwap", focusSerial);
  document.addEventListener("DOMContentLoaded", focusSerial);
})();
