// The playground's page and the google.script.run shim injected into dist/Sidebar.html. Plain
// browser JavaScript in strings: the page is served as is, nothing is fetched but this server.

/**
 * google.script.run for the sidebar: each call is a POST to the playground, which runs the
 * bundle's function through the emulator (its argument and result rules apply). Asynchronous
 * like the real one; tells the page to redraw the tabs after each call.
 */
export const SHIM_SCRIPT = `
(function () {
  function runner(success, failure) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === "withSuccessHandler") return function (h) { return runner(h, failure); };
        if (name === "withFailureHandler") return function (h) { return runner(success, h); };
        if (name === "withUserObject") return function () { return runner(success, failure); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch("/api/run", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ fn: String(name), args: args })
          }).then(function (r) { return r.json(); }).then(function (r) {
            if (r.error) { if (failure) failure(new Error(r.error)); }
            else if (success) success(r.value);
            if (window.parent !== window) window.parent.postMessage({ touchbase: "changed" }, "*");
          }, function (e) { if (failure) failure(e); });
        };
      }
    });
  }
  window.google = { script: { run: runner(null, null), host: { close: function () {} } } };
})();
`;

export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Touchbase playground</title>
<style>
  body { margin: 0; font: 13px Arial, Helvetica, sans-serif; color: #202124; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 16px; margin: 0 12px 0 0; }
  main { flex: 1; display: flex; min-height: 0; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid-wrap { flex: 1; overflow: auto; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f8f9fa; position: sticky; top: 0; z-index: 1; }
  td.rownum { background: #f8f9fa; color: #5f6368; cursor: pointer; text-align: right; }
  tr.selected td { outline: 1px solid #1a73e8; }
  td[contenteditable]:focus { outline: 2px solid #1a73e8; white-space: normal; }
  #tabs { display: flex; gap: 2px; border-top: 1px solid #dadce0; background: #f1f3f4; padding: 2px 6px; }
  #tabs button { border: 0; background: none; padding: 6px 10px; cursor: pointer; }
  #tabs button[aria-pressed="true"] { background: #fff; color: #188038; font-weight: bold; }
  aside { width: 300px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  aside iframe { width: 300px; flex: 1; border: 0; }
  #outbox { max-height: 30vh; overflow: auto; border-top: 1px solid #dadce0; padding: 4px 10px; }
  #outbox details { border-bottom: 1px solid #eee; padding: 4px 0; }
  #outbox pre { white-space: pre-wrap; margin: 4px 0; }
  #message { color: #1a73e8; }
  #message.error { color: #d93025; }
  dialog { max-width: 720px; }
#charts figure{margin:8px 0;font-size:12px}#charts figcaption{font-weight:bold;margin-bottom:4px}
.bar{display:flex;gap:6px;align-items:center}.bar span:first-child{width:160px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.bar .fill{display:inline-block;height:10px;background:#4285f4}
</style>
</head>
<body>
<header>
  <h1>Touchbase playground</h1>
  <label>Signed in as <select id="user" aria-label="Signed-in user"></select></label>
  <label>Touchbase menu <select id="menu" aria-label="Touchbase add-on menu"></select></label>
  <button id="menu-run" type="button">Run menu item</button>
  <button id="hourly" type="button">Run the hourly job</button>
  <button id="plus-hour" type="button">Clock +1 hour</button>
  <button id="plus-day" type="button">Clock +1 day</button>
  <span id="clock" aria-label="Emulated time"></span>
  <button id="import" type="button" disabled title="Importing a team's own list is coming">Import contacts…</button>
  <span id="message" role="status"></span>
</header>
<main>
  <section id="sheet" aria-label="Spreadsheet">
    <div id="grid-wrap"><table id="grid" aria-label="Current tab"></table></div>
    <section id="charts" aria-label="Charts on this tab"></section>
    <nav id="tabs" aria-label="Tabs"></nav>
    <section id="outbox" aria-label="Outbox"><h2 style="font-size:13px;margin:4px 0">Outbox (digests, drafts and sent email)</h2><div id="mails"></div></section>
  </section>
  <aside aria-label="Touchbase sidebar"><iframe id="sidebar" title="Touchbase sidebar" src="/sidebar"></iframe></aside>
</main>
<dialog id="dialog"><iframe id="dialog-frame" title="Dialog" sandbox="" style="width:680px;height:400px;border:0"></iframe><form method="dialog"><button>Close</button></form></dialog>
<script>
(function () {
  var current = "Contacts";
  var latest = null;
  function $(id) { return document.getElementById(id); }
  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body || {}) })
      .then(function (r) { return r.json(); });
  }
  function say(text, isError) { var m = $("message"); m.textContent = text || ""; m.className = isError ? "error" : ""; }
  /** A native chart of the tab as a simple bar chart (title, one bar per row it plots). */
  function drawChart(chart) {
    var figure = document.createElement("figure");
    var caption = document.createElement("figcaption");
    caption.textContent = chart.title;
    figure.append(caption);
    var max = Math.max.apply(null, chart.points.map(function (p) { return p.value; }).concat([0]));
    chart.points.forEach(function (p) {
      var row = document.createElement("div");
      row.className = "bar";
      var label = document.createElement("span");
      label.textContent = p.label;
      var bar = document.createElement("span");
      bar.className = "fill";
      bar.style.width = (max > 0 ? Math.round((p.value / max) * 200) : 0) + "px";
      var value = document.createElement("span");
      value.textContent = String(Math.round(p.value * 100) / 100);
      row.append(label, bar, value);
      figure.append(row);
    });
    return figure;
  }
  function render(state) {
    latest = state;
    $("clock").textContent = state.now.slice(0, 16).replace("T", " ") + " UTC";
    var user = $("user");
    if (user.options.length === 0) state.users.forEach(function (u) { user.add(new Option(u, u)); });
    user.value = state.user;
    var menu = $("menu");
    menu.replaceChildren();
    state.menu.forEach(function (item) { if (item.functionName) menu.add(new Option(item.caption, item.functionName)); });
    var tabs = $("tabs");
    tabs.replaceChildren();
    state.tabs.forEach(function (tab) {
      var b = document.createElement("button");
      b.type = "button"; b.textContent = tab.name;
      b.setAttribute("aria-pressed", String(tab.name === current));
      b.onclick = function () { current = tab.name; render(latest); };
      tabs.append(b);
    });
    var tab = state.tabs.find(function (t) { return t.name === current; }) || state.tabs[0];
    var grid = $("grid");
    grid.replaceChildren();
    var selectedRow = state.selection && state.selection.indexOf(tab.name + "!") === 0 ? Number((state.selection.split("!")[1].match(/\\d+/) || [0])[0]) : 0;
    tab.values.forEach(function (row, r) {
      var tr = document.createElement("tr");
      if (r + 1 === selectedRow) tr.className = "selected";
      var num = document.createElement(r === 0 ? "th" : "td");
      num.textContent = String(r + 1);
      if (r > 0) { num.className = "rownum"; num.title = "Select row " + (r + 1); num.onclick = function () { post("/api/select", { tab: tab.name, row: r + 1 }).then(refresh); }; }
      tr.append(num);
      row.forEach(function (value, c) {
        var cell = document.createElement(r === 0 ? "th" : "td");
        cell.textContent = value;
        if (r > 0) {
          cell.contentEditable = "true";
          cell.dataset.row = String(r + 1); cell.dataset.column = String(c + 1);
          var colour = tab.colours[(r + 1) + "," + (c + 1)];
          if (colour) { cell.style.background = colour.background || ""; cell.style.color = colour.font || ""; }
          cell.onblur = function () {
            if (cell.textContent === value) return;
            post("/api/edit", { tab: tab.name, row: r + 1, column: c + 1, value: cell.textContent }).then(render);
          };
          cell.onkeydown = function (e) { if (e.key === "Enter") { e.preventDefault(); cell.blur(); } };
        }
        tr.append(cell);
      });
      grid.append(tr);
    });
    var charts = $("charts");
    charts.replaceChildren();
    (tab.charts || []).forEach(function (chart) { charts.append(drawChart(chart)); });
    var mails = $("mails");
    mails.replaceChildren();
    state.outbox.forEach(function (m) {
      var d = document.createElement("details");
      var s = document.createElement("summary");
      s.textContent = m.kind + " · " + m.owner + " → " + m.to + " · " + m.subject + " · " + m.date.slice(0, 16).replace("T", " ");
      var pre = document.createElement("pre");
      pre.textContent = m.body;
      d.append(s, pre);
      mails.append(d);
    });
    if (state.outbox.length === 0) mails.textContent = "No email yet.";
  }
  function refresh() { return fetch("/api/state").then(function (r) { return r.json(); }).then(render); }
  function reloadSidebar() { $("sidebar").src = "/sidebar"; }
  $("user").onchange = function () { post("/api/user", { user: $("user").value }).then(function (s) { render(s); reloadSidebar(); }); };
  $("menu-run").onclick = function () {
    var fn = $("menu").value;
    if (fn === "menuOpenSidebar" || fn === "menuLogTouchForSelectedRow") { reloadSidebar(); return; }
    post("/api/menu", { fn: fn }).then(function (r) {
      render(r.state);
      if (r.error) say(r.error, true);
      else if (r.state.alert) say(r.state.alert.title + ": " + r.state.alert.prompt);
      if (fn === "menuPreviewDueEmails" && r.state.dialog) { $("dialog-frame").srcdoc = r.state.dialog; $("dialog").showModal(); }
    });
  };
  $("hourly").onclick = function () { post("/api/hourly").then(function (r) { say(r.fired + " trigger run(s)" + (r.errors.length ? ": " + r.errors.join("; ") : "")); refresh(); }); };
  $("plus-hour").onclick = function () { post("/api/clock", { hours: 1 }).then(render); };
  $("plus-day").onclick = function () { post("/api/clock", { hours: 24 }).then(render); };
  window.addEventListener("message", function (e) { if (e.data && e.data.touchbase === "changed") refresh(); });
  refresh();
})();
</script>
</body>
</html>
`;
