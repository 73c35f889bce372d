// warta's light touch of script: the pages work without it.
// "/" focuses the search box (as on many sites), unless the reader is typing in a field.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
  if (tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable)) return;
  var box = document.getElementById("q");
  if (box) { event.preventDefault(); box.focus(); box.select(); }
});
