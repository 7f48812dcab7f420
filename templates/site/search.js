// The site's search, from the index the build wrote beside the pages (search-index.js): it runs in the
// page, offline and from files on a disk, where a browser lets a page load scripts but fetch nothing.
(function () {
  "use strict";
  var index = window.res191Search;
  var out = document.getElementById("search-results");
  if (!index || !out) { return; }
  // The index is the page's language's, beside its pages: its addresses lead from there.
  var root = document.querySelector('script[src$="search-index.js"]').getAttribute("src")
    .replace(/search-index\.js$/, "");
  // The wording, in the page's language where the page gives it (data-* of the results), else English.
  function say(name, english, values) {
    var text = out.getAttribute("data-" + name) || english;
    return text.replace(/\{(\w+)\}/g, function (all, key) { return values[key]; });
  }
  // A line of that wording, its direction its own (a count and a query inside a right-to-left page), marked
  // English where the page's language has no wording for it.
  function line(tag, name, english, values) {
    var element = document.createElement(tag);
    element.textContent = say(name, english, values);
    element.dir = "auto";
    var given = out.getAttribute("data-" + name);
    if (document.documentElement.lang !== "en" && (!given || given === english)) { element.lang = "en"; }
    return element;
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  var entries = index.entries.map(function (e) {
    return { title: e[0], href: e[1], what: e[2], text: e[3], marks: e[4] || "", t: fold(e[0]),
             all: fold(e.slice(0, 4).join(" ")) };
  });
  // A word found at the start of a word of the entry; more for its title, more again for a whole word.
  function score(entry, patterns) {
    var total = 0;
    for (var i = 0; i < patterns.length; i += 1) {
      var p = patterns[i];
      if (!p.start.test(entry.all)) { return 0; }
      total += 1;
      if (p.whole.test(entry.all)) { total += 2; }
      if (p.start.test(entry.t)) { total += 4; }
      if (p.whole.test(entry.t)) { total += 4; }
    }
    return total;
  }
  function search(query) {
    var words = fold(query).split(/[\s,;:()]+/).filter(Boolean);
    var patterns = words.map(function (w) {
      var e = escapeRegExp(w);
      // Chinese (and Japanese, Korean) is written without spaces: a word is found anywhere in a name.
      if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w)) {
        return { start: new RegExp(e, "u"), whole: new RegExp(e, "u") };
      }
      // Arabic writes "and", "the", "to", "with" joined to the word (لتنمية, والاتصالات): they may come first.
      var before = /\p{Script=Arabic}/u.test(w) ? "(?:وال|بال|كال|فال|لل|ال|و|ف|ب|ك|ل)?" : "";
      return { start: new RegExp("(^|[^\\p{L}\\p{N}])" + before + e, "u"),
               whole: new RegExp("(^|[^\\p{L}\\p{N}])" + before + e + "($|[^\\p{L}\\p{N}])", "u") };
    });
    if (!patterns.length) { return []; }
    return entries.map(function (e) { return { e: e, s: score(e, patterns) }; })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e.title.localeCompare(b.e.title); });
  }
  function show(query) {
    var found = search(query);
    out.textContent = "";
    var heading = found.length === 1 ? line("h2", "one", "1 result for “{query}”", { query: query })
      : line("h2", "many", "{count} results for “{query}”", { count: found.length, query: query });
    heading.id = "results";
    out.appendChild(heading);
    if (!found.length) {
      out.appendChild(line("p", "none", "Nothing found. Try fewer words, a number alone (191), or a part of a name.", {}));
      return;
    }
    var list = document.createElement("ol");
    list.className = "results";
    found.slice(0, 100).forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root + r.e.href;
      link.textContent = r.e.title;
      link.dir = "auto";
      if (r.e.marks.indexOf("t") >= 0) { link.lang = "en"; }  // English on this language's page
      var what = document.createElement("span");
      what.className = "note";
      what.textContent = " " + r.e.what;
      if (r.e.marks.indexOf("w") >= 0) { what.lang = "en"; }
      item.appendChild(link);
      item.appendChild(what);
      list.appendChild(item);
    });
    out.appendChild(list);
    if (found.length > 100) {
      out.appendChild(line("p", "first", "The first 100 are shown: add a word to narrow the search.", {}));
    }
  }
  var query = new URLSearchParams(window.location.search).get("q") || "";
  var box = document.getElementById("site-search");
  if (box) { box.value = query; }
  if (query.trim()) {
    show(query.trim());
    document.getElementById("everything").hidden = true;
    document.title = say("title", "Search: {query} - Inter-Sector coordination", { query: query.trim() });
    // The other languages' search pages, asked the same.
    document.querySelectorAll("a[hreflang]").forEach(function (a) {
      a.href = a.getAttribute("href").split("?")[0] + "?q=" + encodeURIComponent(query.trim());
    });
  }
}());
