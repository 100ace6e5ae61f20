// Door check-in: after each answer put the cursor back in the name box, ready for
// the next member, and clear it unless the answer asks the clerk to pick one of
// several names (data-keep). A file, not hx-on attributes: the CSP forbids eval.
document.addEventListener("htmx:afterRequest", function (event) {
  const form = document.querySelector(".checkin-form");
  if (!form) return;
  const source = event.detail.elt;
  if (source === form) {
    if (event.detail.successful && !document.querySelector("#checkin-results [data-keep]")) form.reset();
    form.q.focus();
  } else if (source.closest && source.closest("#checkin-results form")) {
    form.reset();
    form.q.focus();
  }
});
