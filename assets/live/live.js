/* "Run live": the exercises of this page, computed by Python in the reader's browser.
 *
 * The book's build puts a bar with a "Run live" button above every exercise preview
 * (assets/sphinx/live_exercises). On the first click this script starts ONE Web Worker for the
 * page (worker.js: Pyodide and the exercises) and a widget manager (the page's own widget
 * bundle, @jupyter-widgets/html-manager); widget messages flow between them as Jupyter comm
 * messages. Inputs are kept in localStorage; "Save my work" files arrive as downloads.
 * Nothing is downloaded before the click. */
(function () {
  "use strict";
  const HERE = new URL(".", document.currentScript.src);
  const STORE = "pm-live-inputs:";
  const STAGES = ["", "downloading Python and its packages", "loading the packages", "starting the exercise"];
  const TIMEOUT_MS = 180000;  // the longest a start may take
  const STALL_MS = 90000;  // the longest the worker may stay silent while starting
  let runtime = null;

  /* ---- the reader's inputs, kept in this browser ---------------------------------------- */
  function stored(exercise) {
    try {
      return JSON.parse(localStorage.getItem(STORE + exercise) || "{}");
    } catch (error) {
      return {};
    }
  }
  function remember(exercise, path, entry) {
    try {
      const inputs = stored(exercise);
      inputs[path] = entry;
      localStorage.setItem(STORE + exercise, JSON.stringify(inputs));
    } catch (error) { /* storage full or blocked: the exercise still works, it just forgets */ }
  }
  function forget(exercise) {
    try { localStorage.removeItem(STORE + exercise); } catch (error) { /* nothing kept */ }
  }
  function hasStored(exercise) {
    return Object.keys(stored(exercise)).length > 0;
  }

  /* ---- comms: the page's end of each widget's channel to Python -------------------------- */
  class WorkerComm {
    constructor(live, commId, targetName) {
      this.live = live;
      this.comm_id = commId;
      this.target_name = targetName;
      this.onMessage = null;
      this.onClose = null;
      this.early = [];  // messages that came before the widget model was ready for them
    }
    open() { return ""; }
    close() { return ""; }  // Python closes widgets; the page never does
    on_msg(callback) {
      this.onMessage = callback;
      this.early.splice(0).forEach(callback);
    }
    on_close(callback) { this.onClose = callback; }
    receive(msg) {
      if (this.onMessage) this.onMessage(msg);
      else this.early.push(msg);
    }
    send(data, callbacks, metadata, buffers) {
      return this.live.send("comm_msg", { comm_id: this.comm_id, data, metadata: metadata || {} }, buffers, callbacks);
    }
  }

  function asArrayBuffer(buffer) {
    if (buffer instanceof ArrayBuffer) return buffer;
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
  }

  /* ---- the one runtime of the page ------------------------------------------------------- */
  class Runtime {
    constructor(preload) {
      this.worker = new Worker(new URL("worker.js", HERE));
      this.comms = new Map();
      this.callbacks = new Map();
      this.shown = new Map();
      this.listeners = new Set();
      this.timings = [];  // [step, ms] of the worker's start (tools/bench_live.py prints them)
      this.nextId = 0;
      // One message at a time, in order: a widget's model must exist before its updates arrive.
      this.inbox = Promise.resolve();
      this.worker.onmessage = (event) => {
        if (!this.isReady) this.heard();
        this.inbox = this.inbox.then(() => this.receive(event.data)).catch((error) => console.error(error));
      };
      this.worker.onerror = (event) => this.fail(event.message || "the Python worker stopped");
      this.ready = new Promise((resolve, reject) => { this.resolveReady = resolve; this.rejectReady = reject; });
      this.timer = setTimeout(() => this.fail("Python took too long to start"), TIMEOUT_MS);
      this.heard();
      this.manager = loadWidgetManager();
      this.worker.postMessage({ kind: "boot", preload });
    }

    heard() {  // the worker said something: it is not stuck
      clearTimeout(this.stall);
      this.stall = setTimeout(() => this.fail("Python stopped responding while starting"), STALL_MS);
    }

    fail(reason) {
      clearTimeout(this.timer);
      clearTimeout(this.stall);
      this.failed = reason;
      this.rejectReady(new Error(reason));
      this.worker.terminate();
    }

    send(kind, payload, buffers, callbacks) {
      const msgId = "page-" + (++this.nextId);
      if (callbacks) this.callbacks.set(msgId, callbacks);
      const copies = (buffers || []).map(asArrayBuffer);
      this.worker.postMessage({ kind, text: JSON.stringify(Object.assign({ msg_id: msgId }, payload)), buffers: copies }, copies);
      return msgId;
    }

    async receive({ kind, text, buffers }) {
      const payload = JSON.parse(text);
      const views = (buffers || []).map((b) => new DataView(b));
      const manager = kind.startsWith("comm_") ? await this.manager : null;
      if (kind === "comm_open") {
        const comm = new WorkerComm(this, payload.comm_id, payload.target_name);
        this.comms.set(payload.comm_id, comm);
        manager.handle_comm_open(comm, message("comm_open", payload, views));
      } else if (kind === "comm_msg") {
        const comm = this.comms.get(payload.comm_id);
        if (comm) comm.receive(message("comm_msg", payload, views));
      } else if (kind === "comm_close") {
        const comm = this.comms.get(payload.comm_id);
        this.comms.delete(payload.comm_id);
        if (comm && comm.onClose) comm.onClose(message("comm_close", payload, views));
      } else if (kind === "idle") {
        const callbacks = this.callbacks.get(payload.msg_id);
        this.callbacks.delete(payload.msg_id);
        const status = callbacks && callbacks.iopub && callbacks.iopub.status;
        if (status) status({ content: { execution_state: "idle" }, header: { msg_type: "status" }, parent_header: { msg_id: payload.msg_id } });
      } else if (kind === "shown") {
        const pending = this.shown.get(payload.exercise);
        if (pending) pending.resolve(payload.model_id);
      } else if (kind === "remember") {
        remember(payload.exercise, payload.path, { widget: payload.widget, key: payload.key, value: payload.value });
      } else if (kind === "download") {
        download(payload.name, buffers[0]);
      } else if (kind === "error") {
        const pending = payload.exercise && this.shown.get(payload.exercise);
        if (pending) pending.reject(new Error(payload.message));
        else this.listeners.forEach((listener) => listener({ kind, exercise: payload.exercise, message: payload.message }));
      } else if (kind === "timing") {
        this.timings.push([payload.step, payload.ms]);
      } else if (kind === "ready") {
        clearTimeout(this.timer);
        clearTimeout(this.stall);
        this.isReady = true;
        this.resolveReady();
      } else if (kind === "failed") {
        this.fail(payload.message);
      } else {
        this.listeners.forEach((listener) => listener(Object.assign({ kind }, payload)));  // stage, progress
      }
    }

    /* Build an exercise in Python; resolves to its root widget model. */
    async show(exercise, fresh) {
      await this.ready;
      const modelId = await new Promise((resolve, reject) => {
        this.shown.set(exercise, { resolve, reject });
        this.send(fresh ? "forget" : "show", { exercise, inputs: fresh ? {} : stored(exercise) });
      });
      this.shown.delete(exercise);
      return (await this.manager).get_model(modelId);
    }
  }

  function message(msgType, payload, buffers) {
    return {
      header: { msg_type: msgType },
      parent_header: {},  // Python sends no echoes (JUPYTER_WIDGETS_ECHO=0): nothing to match
      metadata: payload.metadata || {},
      content: { comm_id: payload.comm_id, target_name: payload.target_name, data: payload.data },
      buffers,
    };
  }

  /* The page's widget bundle (loaded lazily by book-polish.js) exposes its HTMLManager class
   * as window.jupyterWidgetsHTMLManager (see assets/sphinx/live_exercises/widgets.py). */
  async function loadWidgetManager() {
    if (window.pmLoadWidgets) window.pmLoadWidgets();
    for (let waited = 0; !window.jupyterWidgetsHTMLManager; waited += 50) {
      if (waited > 60000) throw new Error("the widget bundle did not load");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    class LiveManager extends window.jupyterWidgetsHTMLManager {
      /* Every widget comes from Python, which opens its comm; the page opens none. */
      _create_comm() { return Promise.reject(new Error("widgets are created in Python")); }
      _get_comm_info() { return Promise.resolve({}); }
    }
    return new LiveManager();
  }

  function download(name, buffer) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([buffer]));
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  /* ---- one exercise on the page --------------------------------------------------------- */
  function partsOf(bar) {
    const cell = bar.closest(".cell") || bar.parentElement;
    return {
      cell,
      run: bar.querySelector(".pm-live-run"),
      forget: bar.querySelector(".pm-live-forget"),
      status: bar.querySelector(".pm-live-status"),
      progress: bar.querySelector("progress"),
      preview: cell.querySelector(".cell_output"),
      exercise: bar.dataset.exercise,
      title: bar.dataset.title,
    };
  }

  function showStage(parts, stage, detail) {
    parts.progress.hidden = false;
    parts.progress.value = stage;
    parts.status.textContent = `Step ${stage} of 3: ${STAGES[stage]}${detail || ""}\u2026`;
  }

  function showFailure(bar, parts, reason) {
    parts.progress.hidden = true;
    parts.run.disabled = false;
    bar.classList.add("pm-live-failed");
    const links = [["Binder", bar.dataset.binder], ["Colab", bar.dataset.colab]].filter((link) => link[1]);
    parts.status.textContent = `The live exercise could not start in this browser (${reason}). The preview below is unchanged. `;
    if (links.length) {
      parts.status.append("To use the exercise, open this chapter on ");
      links.forEach(([name, href], index) => {
        const anchor = document.createElement("a");
        anchor.href = href;
        anchor.textContent = name;
        if (index) parts.status.append(" or ");
        parts.status.append(anchor);
      });
      parts.status.append(".");
    }
  }

  async function goLive(bar, fresh) {
    const parts = partsOf(bar);
    parts.run.disabled = true;
    bar.classList.remove("pm-live-failed");
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      showFailure(bar, parts, "it cannot run WebAssembly in a worker");
      return false;
    }
    if (!runtime) {
      const preload = Array.from(document.querySelectorAll(".pm-live[data-exercise]"), (b) => b.dataset.exercise);
      runtime = new Runtime(preload);
    }
    const listener = (event) => {
      if (event.kind === "stage") showStage(parts, event.stage);
      else if (event.kind === "progress" && Number(parts.progress.value) === 1) showStage(parts, 1, ` (${event.done} of ${event.total} files)`);
    };
    runtime.listeners.add(listener);
    showStage(parts, 1);
    try {
      await runtime.ready;
      showStage(parts, 3);
      const model = await runtime.show(parts.exercise, fresh);
      const manager = await runtime.manager;
      const view = await manager.create_view(model);
      const area = document.createElement("div");
      area.className = "pm-live-area widget-subarea";
      parts.cell.querySelectorAll(".pm-live-area").forEach((old) => old.remove());
      (parts.preview || bar).after(area);
      await manager.display_view(view, area);
      if (parts.preview) parts.preview.hidden = true;
      parts.progress.hidden = true;
      bar.classList.add("pm-live-on");
      parts.run.hidden = true;
      parts.forget.hidden = false;
      parts.status.textContent = `Live: ${parts.title} now computes in your browser. Your inputs are kept in this browser until you forget them.`;
      if (!bar.pmErrors) {  // a problem inside the exercise later on: say so beside it
        bar.pmErrors = (event) => {
          if (event.kind === "error" && (!event.exercise || event.exercise === parts.exercise)) {
            parts.status.textContent = `This exercise hit a problem in Python (${event.message}). Reload the page to start it again.`;
          }
        };
        runtime.listeners.add(bar.pmErrors);
      }
      if (!fresh) focusFirstControl(area);
      return true;
    } catch (error) {
      if (runtime.failed) runtime = null;  // a later click tries again from the start
      showFailure(bar, parts, (error && error.message) || String(error));
      return false;
    } finally {
      if (runtime) runtime.listeners.delete(listener);
    }
  }

  /* Widgets draw their children a moment after the view is shown: wait for the first control. */
  async function focusFirstControl(area) {
    for (let tries = 0; tries < 100; tries++) {
      const first = area.querySelector("input, select, textarea, button, [role=slider], [tabindex='0']");
      if (first) {
        first.focus();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  }

  function forgetAnswers(bar) {
    const parts = partsOf(bar);
    forget(parts.exercise);
    if (bar.classList.contains("pm-live-on")) {
      goLive(bar, true).then((live) => {
        if (live) parts.status.textContent = "Your answers are forgotten: the exercise starts again from the beginning.";
      });
    } else {
      parts.forget.hidden = true;
      parts.status.textContent = "Your answers are forgotten.";
    }
  }

  function setUp() {
    document.querySelectorAll(".pm-live[data-exercise]").forEach((bar) => {
      const parts = partsOf(bar);
      bar.hidden = false;  // hidden in the HTML, so that a page without this script shows no dead button
      parts.run.addEventListener("click", () => goLive(bar, false));
      parts.forget.addEventListener("click", () => forgetAnswers(bar));
      if (hasStored(parts.exercise)) {
        parts.forget.hidden = false;
        parts.status.textContent = "Your answers from an earlier visit are kept in this browser; Run live brings them back.";
      }
    });
  }

  window.pmLive = { forget, stored, get runtime() { return runtime; } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
