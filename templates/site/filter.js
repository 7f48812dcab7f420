// Filtering a list as you type: the lists are whole without JavaScript; this only narrows them, and hides
// the headings of the groups left empty.
(function () {
  "use strict";
  function words(text) { return text.toLowerCase().split(/\s+/).filter(Boolean); }
  document.querySelectorAll("[data-filters]").forEach(function (input) {
    var list = input.getAttribute("data-filters");
    var items = Array.prototype.slice.call(
      document.querySelectorAll('[data-list="' + list + '"] > li, [data-list="' + list + '"] > tr'));
    var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group="' + list + '"]'));
    var count = document.getElementById("count-" + list);
    input.closest(".filter").hidden = false;
    function apply() {
      var wanted = words(input.value);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.getAttribute("data-search") || "";
        var match = wanted.every(function (word) { return text.indexOf(word) !== -1; });
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector('[data-list="' + list + '"] > :not([hidden])');
      });
      var said = count.getAttribute("data-shown") || "{shown} of {all} shown";  // in the page's language
      count.textContent = wanted.length
        ? said.replace("{shown}", String(shown)).replace("{all}", String(items.length)) : "";
    }
    input.addEventListener("input", apply);
    apply();
  });
}());
