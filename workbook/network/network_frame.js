/* The network page in a sandboxed frame, as a Jupyter widget (anywidget's ESM module).
 *
 * The frame is loaded from the widget's `page` (srcdoc, scripts only, apart from this page).
 * Every change of the widget's `message` is posted into the frame once the page in it has
 * drawn, and the latest message again after the frame is reloaded: a dashboard or notebook
 * changes what the map shows without rebuilding it. The frame's answers carry numbers only;
 * the count of updates and the last update's time are kept on the widget's element for the
 * tests and the benchmark.
 */
function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.style.width = "100%";
  frame.style.border = "1px solid #d9e2ec";
  frame.style.display = "block";
  let drawn = false;
  let updates = 0;

  function post() {
    const message = model.get("message");
    if (drawn && frame.contentWindow && message && message.wb) {
      frame.contentWindow.postMessage(message, "*");
    }
  }

  function listen(event) {
    if (event.source !== frame.contentWindow || !event.data || typeof event.data !== "object") { return; }
    if (event.data.wb === "drawn") {
      drawn = true;
      el.dataset.wbDrawn = "true";
      post();
    } else if (event.data.wb === "updated") {
      updates += 1;
      el.dataset.wbUpdates = String(updates);
      el.dataset.wbUpdateMs = String(Number(event.data.ms) || 0);
      el.dataset.wbShown = String(Number(event.data.shown) || 0);
    }
  }

  function load() {
    drawn = false;
    el.dataset.wbDrawn = "false";
    frame.title = model.get("title");
    frame.srcdoc = model.get("page");
  }

  function resize() { frame.style.height = Math.max(120, Number(model.get("height")) || 0) + "px"; }

  window.addEventListener("message", listen);
  model.on("change:page", load);
  model.on("change:message", post);
  model.on("change:height", resize);
  el.classList.add("wb-network-frame");
  resize();
  load();
  el.appendChild(frame);
  return () => window.removeEventListener("message", listen);
}

export default { render };
