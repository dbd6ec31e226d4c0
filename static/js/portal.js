/* Behaviour without inline script (the Content-Security-Policy forbids it).
   <form data-confirm="Question?"> asks before submitting. */
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

/* <div class="progress-bar" data-progress="40"> gets its width here (no style= attribute). */
document.querySelectorAll("[data-progress]").forEach(function (bar) {
  bar.style.width = (parseInt(bar.getAttribute("data-progress"), 10) || 0) + "%";
});

/* <input type="checkbox" data-check-all="name"> ticks or clears every checkbox of that name. */
document.addEventListener("change", function (event) {
  var box = event.target;
  var name = box.getAttribute && box.getAttribute("data-check-all");
  if (!name) return;
  document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (other) {
    other.checked = box.checked;
  });
});
