// A print button without an inline handler (the Content-Security-Policy allows none).
document.addEventListener("click", function (event) {
  if (event.target.closest('[data-action="print"]')) window.print();
});
