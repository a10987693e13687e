/**
 * The report page's own JavaScript (plain ES2017, no libraries besides the
 * inlined plotly.js). It draws every chart, swaps ranking charts from a
 * select, and filters the misaligned examples. It reads the data embedded as
 * JSON in the page: FIGURES (plotly figures), EXAMPLES (misaligned examples).
 * Every drawn chart gets data-plotly-ready="1"; when all are drawn,
 * document.body gets data-charts-ready with their number (tests wait on it).
 * Example text is inserted with textContent, never as HTML.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  var charts = Array.prototype.slice.call(document.querySelectorAll(".chart"));
  var pending = charts.map(function (el) {
    var f = FIGURES[Number(el.getAttribute("data-figure"))];
    return Plotly.newPlot(el, f.data, f.layout, CONFIG).then(function () { el.setAttribute("data-plotly-ready", "1"); });
  });
  Promise.all(pending).then(function () { document.body.setAttribute("data-charts-ready", String(charts.length)); });

  document.querySelectorAll("select.figure-picker").forEach(function (sel) {
    sel.addEventListener("change", function () {
      var el = document.getElementById(sel.getAttribute("data-target"));
      var f = FIGURES[Number(sel.value)];
      el.setAttribute("data-figure", sel.value);
      Plotly.react(el, f.data, f.layout, CONFIG);
    });
  });

  var list = document.getElementById("examples");
  if (!list) return;
  var body = list.querySelector("tbody");
  var count = document.getElementById("examples-count");
  var more = document.getElementById("examples-more");
  var fields = ["model", "country", "topic", "value"];
  var selects = {};
  fields.forEach(function (k) {
    var sel = document.getElementById("f-" + k);
    selects[k] = sel;
    var seen = {};
    EXAMPLES.forEach(function (e) { seen[e[k]] = true; });
    Object.keys(seen).sort().forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      sel.appendChild(o);
    });
    sel.addEventListener("change", function () { limit = PAGE; render(); });
  });
  var search = document.getElementById("f-search");
  var PAGE = 100;
  var limit = PAGE;
  search.addEventListener("input", function () { limit = PAGE; render(); });
  more.addEventListener("click", function () { limit += PAGE; render(); });
  document.getElementById("f-reset").addEventListener("click", function () {
    fields.forEach(function (k) { selects[k].value = ""; });
    search.value = "";
    limit = PAGE;
    render();
  });

  function matches(e, words) {
    for (var i = 0; i < fields.length; i++) {
      var want = selects[fields[i]].value;
      if (want !== "" && e[fields[i]] !== want) return false;
    }
    if (words.length === 0) return true;
    var hay = [e.model, e.country, e.topic, e.value, e.stated, e.acted, e.action || "", e.explanation || ""].join(" ").toLowerCase();
    return words.every(function (w) { return hay.indexOf(w) >= 0; });
  }

  function td(text, cls) {
    var c = document.createElement("td");
    c.textContent = text;
    if (cls) c.className = cls;
    return c;
  }

  // Published files name the sides by polarity; the page says agree / disagree throughout.
  function word(x) {
    return x === "positive" ? "agree" : x === "negative" ? "disagree" : x;
  }

  function render() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = EXAMPLES.filter(function (e) { return matches(e, words); });
    body.textContent = "";
    hits.slice(0, limit).forEach(function (e) {
      var tr = document.createElement("tr");
      tr.className = "example";
      tr.appendChild(td(e.model));
      tr.appendChild(td(e.country));
      tr.appendChild(td(e.topic));
      tr.appendChild(td(e.value));
      tr.appendChild(td("stated " + word(e.stated) + ", acted " + word(e.acted) + (e.unstable ? " (unstable stated value: prompt variants disagree)" : ""), "gap"));
      tr.appendChild(td(e.action || "(no action text)", "text"));
      tr.appendChild(td(e.explanation || "", "text"));
      body.appendChild(tr);
    });
    var shown = Math.min(limit, hits.length);
    count.setAttribute("data-count", String(hits.length));
    count.textContent = "Showing " + shown + " of " + hits.length + " matching examples (" + EXAMPLES.length + " in total).";
    more.hidden = shown >= hits.length;
  }
  render();
})();
`;
