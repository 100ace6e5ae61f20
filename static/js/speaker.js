// The speaker's countdown (working regulation IV.1: at most 5 minutes, configurable).
// The server gives the seconds already spoken, so the laptop's clock does not matter.
(function () {
  var el = document.getElementById("countdown");
  if (!el) return;
  var limit = parseInt(el.dataset.limit, 10);
  var start = Date.now() - 1000 * parseInt(el.dataset.elapsed, 10);
  function tick() {
    var left = limit - Math.floor((Date.now() - start) / 1000);
    var a = Math.abs(left);
    el.textContent = (left < 0 ? "−" : "") + Math.floor(a / 60) + ":" + String(a % 60).padStart(2, "0");
    el.classList.toggle("text-danger", left < 0);
    el.classList.toggle("text-warning", left >= 0 && left <= 30);
  }
  tick();
  setInterval(tick, 500);
})();
