// Progressive enhancement only: every page works without this file.
// After htmx puts search results in place, move focus to their heading so keyboard and
// screen-reader users land on the results (or the error summary) instead of a stale button.
document.addEventListener("htmx:afterSettle", function (event) {
  var path = (event.detail.pathInfo && event.detail.pathInfo.requestPath) || "";
  if (path.indexOf("/results/") === -1) return;
  var heading = document.querySelector("#results h1");
  if (!heading) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus();
});
