/* The actor network page: filters, colours, sizes, legend, search, ego view and details.
 *
 * Runs after pyvis has created the globals `nodes`, `edges` (vis.DataSet) and `network`.
 * Every text that may come from a spreadsheet (names, focus areas, clusters, places) is
 * put into the page with textContent or as an option's value, never as HTML.
 */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("wb-data").textContent);
  var T = DATA.texts;
  var NONE = "#d9e2ec", SEVERAL = "#52606d", UNKNOWN = "#9aa5b1";
  var container = document.getElementById("mynetwork");
  var side = document.getElementById("wb-side");
  var tooltip = document.getElementById("wb-tooltip");
  var nodeById = new Map();
  var neighbours = new Map();
  nodes.get().forEach(function (n) { nodeById.set(n.id, n); neighbours.set(n.id, []); });
  var allNodes = DATA.node_ids.map(function (id) { return nodeById.get(id); });
  var state = copy(DATA.state);
  var drawnNodes = new Map(), drawnEdges = new Map();  // what vis.js was last given, to send only changes
  var allEdges = DATA.edges.map(function (row, k) {
    var weights = {}, layers = [];
    DATA.layers.forEach(function (layer, i) {
      if (row[2 + i] > 0) { weights[layer] = row[2 + i]; layers.push(layer); }
    });
    return { id: "e" + k, from: DATA.node_ids[row[0]], to: DATA.node_ids[row[1]], layers: layers, lw: weights };
  });
  // Ties enter vis.js already shown or hidden as the first view wants them: at 20,000 ties an
  // update of every tie right after adding them cost seconds.
  var edgeByPair = new Map();
  allEdges.forEach(function (e) { edgeByPair.set(pairKey(e.from, e.to), e); });
  addEdges(allEdges);
  linkNeighbours();
  var edgeWeight = new Map();
  var shown = new Set();
  var userMoved = false;

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  function pairKey(a, b) { return a < b ? a + "\u0000" + b : b + "\u0000" + a; }

  function addEdges(list) {
    list.forEach(function (e) {
      var w = visibleWeight(e), width = w > 0 ? Math.min(1 + Math.log2(w), 6) : 1;
      e.hidden = !(w > 0);
      e.width = width;
      drawnEdges.set(e.id, e.hidden + "|" + width);
    });
    edges.add(list);
  }

  function linkNeighbours() {
    neighbours.forEach(function (list) { list.length = 0; });
    allEdges.forEach(function (e) {
      if (!e.layers.length) { return; }
      neighbours.get(e.from).push([e.to, e]);
      neighbours.get(e.to).push([e.from, e]);
    });
  }

  /* A selection: the part of the network a dashboard's filters leave, computed in Python
   * (actors in view with their measures in that part, ties with their weights in it). The
   * page keeps every actor's place and replaces only what the selection says; actors outside
   * it are hidden. Only ids the page knows, numbers and known roles are taken. */
  var ROLES = new Set(Object.keys(DATA.labels.roles));
  var COLOUR = /^#[0-9a-fA-F]{6}$/;
  function takeSelection(selection) {
    if (!selection || typeof selection.nodes !== "object" || selection.nodes === null ||
        !Array.isArray(selection.ties) || !Array.isArray(selection.layers)) { return false; }
    var own = Object.prototype.hasOwnProperty;
    allNodes.forEach(function (n) {
      var row = own.call(selection.nodes, n.id) ? selection.nodes[n.id] : null;
      n.sel = Array.isArray(row);
      if (!n.sel) { return; }
      n.c = typeof row[0] === "number" && isFinite(row[0]) ? row[0] : null;
      n.r = ROLES.has(row[1]) ? row[1] : "other";
      DATA.metrics.forEach(function (key, i) { var v = Number(row[2 + i]); n.m[key] = isFinite(v) ? v : 0; });
    });
    // Ties of an actor left out need no change: vis.js hides them with the actor, and a
    // selection that brings the actor back brings its ties' weights too.
    allEdges.forEach(function (e) {
      if (nodeById.get(e.from).sel && nodeById.get(e.to).sel) { e.lw = {}; e.layers = []; }
    });
    var added = [];
    selection.ties.forEach(function (row) {
      if (!Array.isArray(row) || !nodeById.has(row[0]) || !nodeById.has(row[1]) || row[0] === row[1]) { return; }
      var key = pairKey(row[0], row[1]), e = edgeByPair.get(key);
      if (e === undefined) {
        e = { id: "s" + edgeByPair.size, from: row[0], to: row[1], layers: [], lw: {} };
        edgeByPair.set(key, e);
        allEdges.push(e);
        added.push(e);
      }
      selection.layers.forEach(function (layer, i) {
        var w = Number(row[2 + i]);
        if (typeof layer === "string" && isFinite(w) && w > 0) { e.lw[layer] = w; e.layers.push(layer); }
      });
    });
    if (added.length) { addEdges(added); }
    linkNeighbours();
    var palette = selection.community_colours;
    if (palette && typeof palette === "object") {
      var colours = {};
      Object.keys(palette).forEach(function (k) { if (COLOUR.test(String(palette[k]))) { colours[k] = palette[k]; } });
      DATA.palettes.community = colours;
      DATA.legend_order.community = Object.keys(colours).concat(["__none"]);
    }
    sizeTop.clear();
    return true;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  function fmt(value, digits) {
    if (value === null || value === undefined || Number.isNaN(value)) { return "–"; }
    return Number(value).toLocaleString(DATA.lang, { maximumFractionDigits: digits === undefined ? 3 : digits });
  }

  function labelOf(kind, code) {
    var labels = DATA.labels[kind] || {};
    if (code === null || code === undefined || code === "") { return T.unknown; }
    return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : String(code);
  }

  function communityLabel(c) { return c === null ? T.no_community : T.community_n.replace("{n}", String(c)); }

  /* Colour of a node under the chosen colouring, and the legend entries of that colouring. */
  function category(n) {
    switch (state.colour_by) {
      case "helix": return n.h;
      case "community": return n.c === null ? "__none" : String(n.c);
      case "cluster": return n.cl.length === 0 ? "__none" : (n.cl.length > 1 ? "__several" : n.cl[0]);
      case "role": return n.r;
      default: return n.t;
    }
  }

  function colourOf(key) {
    if (key === "__none") { return NONE; }
    if (key === "__several") { return SEVERAL; }
    var palette = DATA.palettes[state.colour_by] || {};
    return Object.prototype.hasOwnProperty.call(palette, key) ? palette[key] : UNKNOWN;
  }

  function categoryLabel(key) {
    if (key === "__none") { return state.colour_by === "community" ? T.no_community : T.no_cluster; }
    if (key === "__several") { return T.several_clusters; }
    switch (state.colour_by) {
      case "helix": return labelOf("helix", key);
      case "community": return communityLabel(Number(key));
      case "cluster": return labelOf("clusters", key);
      case "role": return labelOf("roles", key);
      default: return labelOf("actor_types", key);
    }
  }

  /* Radius in layout units, by the rule the Python layout leaves room for (layout.node_radii). */
  var sizeTop = new Map();
  function radiusOf(n) {
    var low = DATA.radius[0], high = DATA.radius[1];
    if (state.size_by === "none") { return low; }
    if (!sizeTop.has(state.size_by)) {
      var top = 0;
      allNodes.forEach(function (m) { if (m.sel !== false) { top = Math.max(top, m.m[state.size_by] || 0); } });
      sizeTop.set(state.size_by, top);
    }
    var most = sizeTop.get(state.size_by), value = Math.max(n.m[state.size_by] || 0, 0);
    return most > 0 ? low + (high - low) * Math.sqrt(value / most) : low;
  }

  function nodePasses(n) {
    if (n.sel === false) { return false; }
    if (state.actor_types !== null && state.actor_types.indexOf(n.t) < 0) { return false; }
    if (state.focus_area !== null && n.fa.indexOf(state.focus_area) < 0) { return false; }
    if (state.municipality !== null && n.mu !== state.municipality) { return false; }
    return true;
  }

  function visibleWeight(e) {
    var total = 0;
    var layers = state.layers === null ? DATA.layers : state.layers;
    for (var i = 0; i < layers.length; i++) { total += e.lw[layers[i]] || 0; }
    return total >= state.min_weight ? total : 0;
  }

  function apply(fit) {
    var passes = new Set();
    allNodes.forEach(function (n) { if (nodePasses(n)) { passes.add(n.id); } });
    edgeWeight = new Map();
    allEdges.forEach(function (e) {
      var w = passes.has(e.from) && passes.has(e.to) ? visibleWeight(e) : 0;
      edgeWeight.set(e.id, w);
    });
    shown = passes;
    if (state.focus !== null && state.depth > 0 && passes.has(state.focus)) {
      shown = new Set([state.focus]);
      var frontier = [state.focus];
      for (var step = 0; step < state.depth && frontier.length; step++) {
        var next = [];
        frontier.forEach(function (id) {
          neighbours.get(id).forEach(function (pair) {
            if (edgeWeight.get(pair[1].id) > 0 && !shown.has(pair[0])) { shown.add(pair[0]); next.push(pair[0]); }
          });
        });
        frontier = next;
      }
    }
    if (state.hide_unlinked) {
      var linked = new Set();
      allEdges.forEach(function (e) {
        if (edgeWeight.get(e.id) > 0 && shown.has(e.from) && shown.has(e.to)) { linked.add(e.from); linked.add(e.to); }
      });
      if (state.focus !== null) { linked.add(state.focus); }
      shown = new Set(Array.from(shown).filter(function (id) { return linked.has(id); }));
    }
    var nodeChanges = [], edgeChanges = [];
    var fitScale = fit ? fitScaleOf(shown) : currentFit;
    if (fit) { currentFit = fitScale; }
    // Circles are resized only when the view's scale changed markedly (e.g. into a small
    // neighbourhood): resizing thousands of circles at every change would cost more than it shows.
    if (sizeScale === null || fitScale / sizeScale > 1.5 || sizeScale / fitScale > 1.5) { sizeScale = fitScale; }
    allNodes.forEach(function (n) {
      var c = colourOf(category(n)), hidden = !shown.has(n.id);
      // A hidden circle keeps its size (one change fewer for vis.js to apply).
      var value = hidden && drawnNodes.has(n.id) ? drawnSize(n) : sizeAt(n, sizeScale);
      var key = c + "|" + hidden + "|" + value, before = drawnNodes.get(n.id);
      if (before === key) { return; }
      drawnNodes.set(n.id, key);
      // Send vis.js only what changed: most changes flip a few actors' visibility.
      var old = before === undefined ? [null, null, null] : before.split("|");
      var change = { id: n.id };
      if (old[1] !== String(hidden)) { change.hidden = hidden; }
      if (old[2] !== String(value)) { change.size = value; }
      if (old[0] !== c) {
        change.color = { background: c, border: "#3e4c59", highlight: { background: c, border: "#000000" },
                         hover: { background: c, border: "#000000" } };
      }
      nodeChanges.push(change);
    });
    // vis.js leaves out the ties of hidden actors itself: a tie is hidden here only for its
    // own filters (kinds of tie, minimum strength), so a change of actors touches no tie.
    allEdges.forEach(function (e) {
      var w = visibleWeight(e);
      var hidden = !(w > 0), width = w > 0 ? Math.min(1 + Math.log2(w), 6) : 1;
      var key = hidden + "|" + width;
      if (drawnEdges.get(e.id) === key) { return; }
      drawnEdges.set(e.id, key);
      edgeChanges.push({ id: e.id, hidden: hidden, width: width });
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    rankLabels();
    drawLegend();
    drawDetails();
    if (state.focus !== null && shown.has(state.focus)) { network.selectNodes([state.focus]); } else { network.unselectAll(); }
    if (fit) { fitView(); }
  }

  /* Fitting: the shown actors fill the canvas (vis.js's own fit never zooms past 1:1, which
   * left a small network as a small ball in a large canvas). Circles are sized for the scale
   * the view opens at: between MIN_PX and MAX_PX on screen whatever the number of actors. */
  var MARGIN = 28, LABEL_ROOM = 16, MAX_PX = 20, MIN_PX = 2.5, MAX_UNIT_PX = 160;
  var currentFit = 1, sizeScale = null;

  function boundsOf(ids) {
    var box = null;
    ids.forEach(function (id) {
      var n = nodeById.get(id);
      if (!n) { return; }
      if (box === null) { box = { x0: n.x, y0: n.y, x1: n.x, y1: n.y }; return; }
      box.x0 = Math.min(box.x0, n.x); box.x1 = Math.max(box.x1, n.x);
      box.y0 = Math.min(box.y0, n.y); box.y1 = Math.max(box.y1, n.y);
    });
    return box;
  }

  function fitScaleOf(ids) {
    var box = boundsOf(ids), w = container.clientWidth, h = container.clientHeight;
    if (box === null || w === 0 || h === 0) { return currentFit; }
    var sx = (w - 2 * MARGIN) / Math.max(box.x1 - box.x0, 1e-6);
    var sy = (h - 2 * MARGIN - LABEL_ROOM) / Math.max(box.y1 - box.y0, 1e-6);
    return Math.max(1e-3, Math.min(sx, sy, MAX_UNIT_PX / DATA.unit));
  }

  function sizeAt(n, scale) {
    var unitPx = scale * DATA.unit;
    var shrink = Math.min(1, MAX_PX / (DATA.radius[1] * unitPx));
    var px = Math.max(MIN_PX, radiusOf(n) * unitPx * shrink);
    return Math.round(px / scale * 100) / 100;
  }

  function fitView() {
    if (container.clientWidth === 0 || container.clientHeight === 0) { return; }
    var box = boundsOf(shown);
    if (box === null) { return; }
    var scale = fitScaleOf(shown);
    if (Math.abs(scale - currentFit) / currentFit > 0.01) { currentFit = scale; apply(false); }
    network.moveTo({ position: { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 + LABEL_ROOM / 2 / scale },
                     scale: scale, animation: false });
    window.__wbFitAt = performance.now();
  }

  /* Labels: drawn by this script, not by vis.js. At every drawing the names are placed in
   * order of importance (the selected actor, its neighbours, brokers, then by the size
   * measure) and a name is drawn only where it overlaps no name already drawn; zooming in
   * makes room for more. Long names are shortened (the full name is in the tooltip). */
  var FONT_PX = 12, MAX_CHARS = 26, ranked = [], textWidth = new Map();
  window.__wbLabelBoxes = [];

  function shortName(name) {
    return name.length > MAX_CHARS ? name.slice(0, MAX_CHARS - 1).trim() + "\u2026" : name;
  }

  function rankLabels() {
    var near = new Set();
    if (state.focus !== null && shown.has(state.focus)) {
      neighbours.get(state.focus).forEach(function (pair) { if (edgeWeight.get(pair[1].id) > 0) { near.add(pair[0]); } });
    }
    var key = state.size_by === "none" ? "degree" : state.size_by;
    ranked = Array.from(shown).map(function (id) { return nodeById.get(id); });
    function tier(n) { return n.id === state.focus ? 0 : near.has(n.id) ? 1 : n.r === "broker" ? 2 : 3; }
    ranked.sort(function (a, b) {
      return tier(a) - tier(b) || (b.m[key] || 0) - (a.m[key] || 0) || (a.nm < b.nm ? -1 : a.nm > b.nm ? 1 : 0);
    });
  }

  function drawLabels(ctx) {
    var w = container.clientWidth, h = container.clientHeight;
    var scale = network.getScale(), view = network.getViewPosition();
    var ratio = ctx.canvas.width / Math.max(w, 1);
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.font = FONT_PX + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    var CELL = 64, grid = new Map(), boxes = [];
    function cells(b, add) {
      var hit = false;
      for (var cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++) {
        for (var cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) {
          var k = cx + "," + cy, list = grid.get(k);
          if (add) { if (!list) { list = []; grid.set(k, list); } list.push(b); continue; }
          if (list) {
            for (var i = 0; i < list.length; i++) {
              var o = list[i];
              if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) { hit = true; break; }
            }
          }
          if (hit) { return true; }
        }
      }
      return hit;
    }
    function place(box, text, colour) {
      if (box.x < 0 || box.y < 0 || box.x + box.w > w || box.y + box.h > h || cells(box, false)) { return false; }
      cells(box, true);
      boxes.push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(text, box.x + box.w / 2, box.y + 1);
      ctx.fillStyle = colour;
      ctx.fillText(text, box.x + box.w / 2, box.y + 1);
      return true;
    }
    // Circles are obstacles too: a name never covers another actor's circle (the spots tried
    // for a name all lie outside its own circle). A pixel of room covers the rounding between
    // this placement and vis.js's own.
    ranked.forEach(function (n) {
      var r = (drawnSize(n) || 0) * scale + 1;
      var x = (n.x - view.x) * scale + w / 2, y = (n.y - view.y) * scale + h / 2;
      if (x + r < 0 || y + r < 0 || x - r > w || y - r > h) { return; }
      cells({ x: x - r, y: y - r, w: 2 * r, h: 2 * r }, true);
    });
    var lonely = ranked.filter(function (n) { return n.r === "isolate"; });
    if (lonely.length && shown.size > lonely.length) {
      var b = boundsOf(lonely.map(function (n) { return n.id; }));
      var caption = labelOf("roles", "isolate") + " (" + fmt(lonely.length, 0) + ")";
      ctx.font = "600 " + FONT_PX + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
      ctx.textAlign = "left";
      var cw = ctx.measureText(caption).width + 4;
      var cb = { x: (b.x0 - view.x) * scale + w / 2 - 6, y: (b.y0 - view.y) * scale + h / 2 - FONT_PX - 14,
                 w: cw, h: FONT_PX + 4, id: null };
      if (!cells(cb, false) && cb.y >= 0) {
        cells(cb, true); boxes.push(cb);
        ctx.fillStyle = "#52606d";
        ctx.fillText(caption, cb.x + 2, cb.y + 1);
      }
      ctx.font = FONT_PX + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
      ctx.textAlign = "center";
    }
    for (var k = 0; k < ranked.length; k++) {
      var n = ranked[k];
      var x = (n.x - view.x) * scale + w / 2, y = (n.y - view.y) * scale + h / 2;
      if (x < -50 || y < -50 || x > w + 50 || y > h + 50) { continue; }
      var text = shortName(n.nm);
      if (!textWidth.has(n.id)) { textWidth.set(n.id, ctx.measureText(text).width); }
      var tw = textWidth.get(n.id) + 4, r = (drawnSize(n) || 0) * scale, th = FONT_PX + 3;
      var colour = n.id === state.focus ? "#000000" : "#1f2933";
      // Below the circle first, then right, above, left: the first place that is free.
      var spots = [[x - tw / 2, y + r + 1], [x + r + 2, y - th / 2], [x - tw / 2, y - r - th - 1], [x - r - 2 - tw, y - th / 2]];
      for (var s = 0; s < spots.length; s++) {
        if (place({ x: spots[s][0], y: spots[s][1], w: tw, h: th, id: n.id }, text, colour)) { break; }
      }
    }
    ctx.restore();
    window.__wbLabelBoxes = boxes;
  }

  function drawnSize(n) {
    var key = drawnNodes.get(n.id);
    return key ? Number(key.split("|")[2]) : 0;
  }

  /* Side panel. */
  function selectControl(parent, key, labelText, options, current, onChange) {
    var wrapper = el("div");
    var id = "wb-c" + document.querySelectorAll("select, input").length;
    var label = el("label", labelText);
    label.htmlFor = id;
    var select = el("select");
    select.id = id;
    select.name = key;
    options.forEach(function (pair) {
      var option = el("option", pair[1]);
      option.value = pair[0] === null ? "" : pair[0];
      if ((current === null ? "" : current) === option.value) { option.selected = true; }
      select.appendChild(option);
    });
    select.addEventListener("change", function () { onChange(select.value === "" ? null : select.value); });
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    parent.appendChild(wrapper);
    return select;
  }

  function numberControl(parent, key, labelText, min, max, current, onChange) {
    var id = "wb-c" + document.querySelectorAll("select, input").length;
    var label = el("label", labelText);
    label.htmlFor = id;
    var input = el("input");
    input.type = "number"; input.min = String(min); input.max = String(max); input.step = "1";
    input.id = id; input.name = key; input.value = String(current);
    input.addEventListener("change", function () {
      var value = Math.max(min, Math.min(max, Math.round(Number(input.value) || min)));
      input.value = String(value);
      onChange(value);
    });
    parent.appendChild(label);
    parent.appendChild(input);
    return input;
  }

  function checkGroup(parent, title, items, current, onChange) {
    var group = el("fieldset");
    group.appendChild(el("legend", title));
    var boxes = [];
    items.forEach(function (pair) {
      var label = el("label", null, "wb-check");
      var box = el("input");
      box.type = "checkbox"; box.value = pair[0];
      box.checked = current === null || current.indexOf(pair[0]) >= 0;
      box.addEventListener("change", function () {
        var chosen = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        onChange(chosen.length === items.length ? null : chosen);
      });
      boxes.push(box);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + pair[1]));
      group.appendChild(label);
    });
    parent.appendChild(group);
  }

  function update(key, value) {
    state[key] = value;
    apply(true);
  }

  function buildSearch() {
    var label = el("label", T.search);
    label.htmlFor = "wb-search";
    var search = el("input");
    search.type = "text"; search.id = "wb-search"; search.setAttribute("list", "wb-actors");
    search.autocomplete = "off";
    var list = el("datalist");
    list.id = "wb-actors";
    var byText = new Map();
    allNodes.slice().sort(function (a, b) { return a.nm.localeCompare(b.nm, DATA.lang); }).forEach(function (n) {
      var text = n.nm + " (" + n.id + ")";
      byText.set(text, n.id);
      if (!byText.has(n.nm)) { byText.set(n.nm, n.id); }
      var option = el("option");
      option.value = text;
      list.appendChild(option);
    });
    var status = el("div", "", "wb-note");
    search.addEventListener("change", function () {
      var id = byText.has(search.value) ? byText.get(search.value) : null;
      status.textContent = id === null && search.value ? T.not_found : "";
      if (id !== null) { choose(id, true); }
    });
    side.appendChild(label); side.appendChild(search); side.appendChild(list); side.appendChild(status);
  }

  function buildControls() {
    var box = el("details");
    box.open = true;
    box.appendChild(el("summary", T.settings));
    side.appendChild(box);
    numberControl(box, "depth", T.depth, 0, 5, state.depth, function (v) { update("depth", v); });
    selectControl(box, "colour_by", T.colour_by, DATA.colourings, state.colour_by,
                  function (v) { update("colour_by", v); });
    selectControl(box, "size_by", T.size_by, DATA.sizings, state.size_by, function (v) { update("size_by", v); });
    numberControl(box, "min_weight", T.min_weight, 1, Math.max(1, Math.ceil(DATA.max_weight)), state.min_weight,
                  function (v) { update("min_weight", v); });
    checkGroup(box, T.layers, DATA.layers.map(function (l) { return [l, labelOf("layers", l)]; }), state.layers,
               function (v) { update("layers", v); });
    checkGroup(box, T.actor_types, DATA.actor_types.map(function (t) { return [t, labelOf("actor_types", t)]; }),
               state.actor_types, function (v) { update("actor_types", v); });
    selectControl(box, "focus_area", T.focus_area, [[null, T.all]].concat(DATA.focus_areas.map(function (f) {
      return [f, labelOf("focus_areas", f)]; })), state.focus_area, function (v) { update("focus_area", v); });
    selectControl(box, "municipality", T.municipality, [[null, T.all]].concat(DATA.municipalities.map(function (m) { return [m, m]; })),
                  state.municipality, function (v) { update("municipality", v); });
    var hide = el("label", null, "wb-check");
    var hideBox = el("input");
    hideBox.type = "checkbox"; hideBox.checked = state.hide_unlinked;
    hideBox.addEventListener("change", function () { update("hide_unlinked", hideBox.checked); });
    hide.appendChild(hideBox);
    hide.appendChild(document.createTextNode(" " + T.hide_unlinked));
    box.appendChild(hide);
    var reset = el("button", T.reset);
    reset.type = "button";
    reset.addEventListener("click", function () {
      side.textContent = "";
      state = copy(DATA.state);
      buildSide();
      apply(true);
    });
    box.appendChild(reset);
  }

  var legendBox, detailsBox, countLine;

  function buildSide() {
    side.appendChild(el("h1", DATA.title));
    countLine = el("div", "", "wb-note");
    side.appendChild(countLine);
    if (DATA.controls) { buildSearch(); }
    side.appendChild(el("h2", T.legend));
    legendBox = el("div");
    legendBox.id = "wb-legend";
    side.appendChild(legendBox);
    side.appendChild(el("h2", T.details));
    detailsBox = el("div");
    detailsBox.id = "wb-details";
    side.appendChild(detailsBox);
    if (DATA.controls) { buildControls(); }
  }

  function drawLegend() {
    legendBox.textContent = "";
    var counts = new Map();
    allNodes.forEach(function (n) {
      if (!shown.has(n.id)) { return; }
      var key = category(n);
      counts.set(key, (counts.get(key) || 0) + 1);
    });
    var order = DATA.legend_order[state.colour_by] || [];
    var keys = order.filter(function (k) { return counts.has(k); });
    Array.from(counts.keys()).sort().forEach(function (k) { if (keys.indexOf(k) < 0) { keys.push(k); } });
    keys.forEach(function (key) {
      var row = el("div", null, "wb-legend-row");
      var swatch = el("span", null, "wb-swatch");
      swatch.style.background = colourOf(key);
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(categoryLabel(key) + " (" + counts.get(key) + ")"));
      legendBox.appendChild(row);
    });
    var sizeNote = state.size_by === "none" ? "" : T.size_note.replace("{metric}", labelOf("metrics", state.size_by));
    if (sizeNote) { legendBox.appendChild(el("div", sizeNote, "wb-note")); }
    countLine.textContent = T.shown.replace("{n}", fmt(shown.size, 0)).replace("{total}", fmt(allNodes.length, 0));
  }

  function describe(n) {
    var rows = [
      [T.type, labelOf("actor_types", n.t)],
      [T.helix, labelOf("helix", n.h)],
      [T.municipality, n.mu === null ? T.unknown : (n.sr ? n.mu + " (" + labelOf("sub_regions", n.sr) + ")" : n.mu)],
      [T.clusters, n.cl.length ? n.cl.map(function (c) { return labelOf("clusters", c); }).join("; ") : T.no_cluster],
      [T.focus_areas, n.fa.length ? n.fa.map(function (f) { return labelOf("focus_areas", f); }).join("; ") : "–"],
      [T.community, communityLabel(n.c)],
      [T.role, labelOf("roles", n.r)],
    ];
    DATA.metrics.forEach(function (key) { rows.push([labelOf("metrics", key), fmt(n.m[key])]); });
    return rows;
  }

  function drawDetails() {
    detailsBox.textContent = "";
    if (state.focus === null || !nodeById.has(state.focus)) {
      detailsBox.appendChild(el("div", T.hint, "wb-note"));
      return;
    }
    var n = nodeById.get(state.focus);
    detailsBox.appendChild(el("h3", n.nm));
    var list = el("dl");
    describe(n).forEach(function (row) { list.appendChild(el("dt", row[0])); list.appendChild(el("dd", row[1])); });
    var strongest = neighbours.get(n.id)
      .filter(function (pair) { return edgeWeight.get(pair[1].id) > 0; })
      .sort(function (a, b) { return edgeWeight.get(b[1].id) - edgeWeight.get(a[1].id) || (a[0] < b[0] ? -1 : 1); })
      .slice(0, 8);
    list.appendChild(el("dt", T.strongest_ties));
    if (!strongest.length) { list.appendChild(el("dd", "–")); }
    strongest.forEach(function (pair) {
      var other = nodeById.get(pair[0]);
      var layers = pair[1].layers.map(function (l) { return labelOf("layers", l); }).join(", ");
      list.appendChild(el("dd", other.nm + " — " + fmt(edgeWeight.get(pair[1].id), 1) + " (" + layers + ")"));
    });
    detailsBox.appendChild(list);
  }

  function choose(id, focusCamera) {
    state.focus = id;
    apply(state.depth > 0);
    if (focusCamera && state.depth === 0) { network.focus(id, { scale: 1.0, animation: false }); }
  }

  function showTooltip(id, pointer) {
    var n = nodeById.get(id);
    if (!n) { return; }
    var lines = [n.nm].concat(describe(n).slice(0, 6).map(function (row) { return row[0] + ": " + row[1]; }));
    tooltip.textContent = lines.join("\n");
    var x = Math.min(pointer.x + 14, container.clientWidth - 290);
    tooltip.style.left = Math.max(0, x) + "px";
    tooltip.style.top = (pointer.y + 14) + "px";
    tooltip.hidden = false;
  }

  buildSide();
  network.on("hoverNode", function (params) { showTooltip(params.node, params.pointer.DOM); });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { userMoved = true; tooltip.hidden = true; });
  network.on("zoom", function () { userMoved = true; tooltip.hidden = true; });
  network.on("click", function (params) {
    if (params.nodes.length) { choose(params.nodes[0], false); }
    else if (!params.edges.length && state.focus !== null) { state.focus = null; apply(state.depth > 0); }
  });
  network.on("afterDrawing", drawLabels);
  network.once("afterDrawing", function () {
    window.__wbDrawnAt = performance.now();
    if (window.parent !== window) { window.parent.postMessage({ wb: "drawn" }, "*"); }
  });
  /* The page in a sandboxed frame takes new settings from the page that holds it, so that
   * a dashboard can change filters, colours and sizes without rebuilding the frame. Only
   * known keys with values of the right kind are taken; nothing in a message becomes HTML. */
  var KINDS = { layers: "list", actor_types: "list", focus_area: "text", municipality: "text", colour_by: "text",
                size_by: "text", min_weight: "number", focus: "text", depth: "number", hide_unlinked: "flag" };
  function acceptable(key, value) {
    var kind = KINDS[key];
    if (kind === undefined) { return false; }
    if (kind === "flag") { return typeof value === "boolean"; }
    if (kind === "number") { return typeof value === "number" && isFinite(value); }
    if (value === null) { return key !== "colour_by" && key !== "size_by"; }
    if (kind === "text") { return typeof value === "string"; }
    return Array.isArray(value) && value.every(function (v) { return typeof v === "string"; });
  }
  window.addEventListener("message", function (event) {
    var message = event.data;
    if (event.source !== window.parent || !message) { return; }
    var started = performance.now();
    if (message.wb === "selection") {
      if (!takeSelection(message.selection)) { return; }
    } else if (message.wb === "state" && typeof message.state === "object" && message.state !== null) {
      Object.keys(message.state).forEach(function (key) {
        if (acceptable(key, message.state[key])) { state[key] = message.state[key]; }
      });
    } else {
      return;
    }
    if (DATA.colourings.every(function (c) { return c[0] !== state.colour_by; })) { state.colour_by = DATA.state.colour_by; }
    if (DATA.sizings.every(function (c) { return c[0] !== state.size_by; })) { state.size_by = DATA.state.size_by; }
    state.depth = Math.max(0, Math.min(5, Math.round(state.depth)));
    state.min_weight = Math.max(1, state.min_weight);
    apply(true);  // fitting moves the view, which draws it once
    window.__wbUpdated = { ms: performance.now() - started, shown: shown.size };
    // Tell the holding page when the change is on screen (numbers only).
    requestAnimationFrame(function () {
      window.parent.postMessage({ wb: "updated", ms: performance.now() - started, shown: shown.size }, "*");
    });
  });
  /* Voilà and hidden tabs render the page at 0 × 0: fit again once it has a size, and keep
   * fitting on resize until the user has moved or zoomed the map. */
  var lastSize = "";
  new ResizeObserver(function () {
    var size = container.clientWidth + "x" + container.clientHeight;
    if (size === lastSize || container.clientWidth === 0 || container.clientHeight === 0) { return; }
    lastSize = size;
    network.setSize("100%", "100%");
    if (!userMoved) { fitView(); }
    network.redraw();
  }).observe(container);
  apply(true);
  window.__wbReady = true;
})();
