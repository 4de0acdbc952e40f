/* The Web Worker behind "Run live": Python (Pyodide) and the exercises, off the page's main thread.
 *
 * It reads runtime.json (written by the book's build, see assets/sphinx/live_exercises), starts
 * Pyodide with the packages the exercises import, downloading them while Pyodide starts, and
 * hands every later message to the Python bridge (python/pm_live.py). To the page it posts
 * {kind, text, buffers}: "stage" and "progress" while starting, "ready" or "failed", then what
 * the bridge posts (see pm_live.py). */
"use strict";

let pyodide = null;
let bridge = null;
const waiting = [];

/* Called by Python too: `buffers` is then a Python list of bytes, which toJs() copies out. */
function post(kind, text, buffers) {
  const arrays = buffers && buffers.toJs ? buffers.toJs() : [];
  const copies = arrays.map((array) => array.slice().buffer);
  self.postMessage({ kind, text, buffers: copies }, copies);
}

function say(kind, payload) {
  post(kind, JSON.stringify(payload), null);
}

/* Count the runtime's files as they arrive, for the page's progress bar. */
function watchDownloads(total) {
  let done = 0;
  if (typeof PerformanceObserver === "undefined") return;
  new PerformanceObserver((list) => {
    done += list.getEntries().length;
    say("progress", { done: Math.min(done, total), total });
  }).observe({ type: "resource", buffered: true });
}

async function fetchBytes(url, integrity) {
  const response = await fetch(url, integrity ? { integrity } : {});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/* A package of the lock, checked by the browser against the lock's sha256 (subresource integrity). */
function fetchPackage(indexURL, entry) {
  const digest = btoa(String.fromCharCode(...entry.sha256.match(/../g).map((hex) => parseInt(hex, 16))));
  return fetchBytes(indexURL + entry.file_name, `sha256-${digest}`);
}

/* How long each step of the start took (live.js keeps them for tools/bench_live.py). */
const clock = { last: performance.now() };
function lap(step) {
  const now = performance.now();
  say("timing", { step, ms: Math.round(now - clock.last) });
  clock.last = now;
}

async function boot(preload) {
  const here = new URL(".", self.location.href);
  const runtime = await (await fetch(new URL("runtime.json", here))).json();
  const url = (path) => new URL(path, here).href;
  const indexURL = url(runtime.pyodide);
  watchDownloads(runtime.files);
  say("stage", { stage: 1 });
  // Everything downloads now, in parallel, while Pyodide compiles and starts.
  const lock = fetch(indexURL + "pyodide-lock.json").then((response) => response.json());
  const packages = lock.then((index) => Promise.all(runtime.packages.map((name) => fetchPackage(indexURL, index.packages[name]))));
  const ours = Promise.all([...runtime.wheels, runtime.python, runtime.fontCache.file, runtime.bytecode].map((path) => fetchBytes(url(path))));
  importScripts(indexURL + "pyodide.js");
  lap("runtime.json and pyodide.js");
  pyodide = await self.loadPyodide({
    indexURL,
    // Pyodide's standard library plus compiled copies of the modules imported: half the start-up work.
    ...(runtime.stdlib ? { stdLibURL: url(runtime.stdlib) } : {}),
    env: { MPLBACKEND: "Agg", JUPYTER_WIDGETS_ECHO: "0" },  // no echo of each change: one page, one view
    stdout: (line) => console.log(line),
    stderr: (line) => console.warn(line),
  });
  lap("Pyodide started");
  say("stage", { stage: 2 });
  // Unpacked, not pyodide.loadPackage(): that compiles every shared library of a package at once
  // (numpy has a dozen); unpacked, Python compiles only the extension modules it imports.
  const sitePackages = pyodide.runPython("import sysconfig; '/' + sysconfig.get_path('purelib').lstrip('/')");
  const files = [...(await packages), ...(await ours)];
  const [python, fontCache, bytecode] = files.splice(-3);
  files.forEach((wheel) => pyodide.unpackArchive(wheel, "zip", { extractDir: sitePackages }));
  pyodide.unpackArchive(python, "zip", { extractDir: sitePackages });
  // Compiled modules (each checked against its source's hash): Python need not compile them here.
  pyodide.unpackArchive(bytecode, "zip", { extractDir: sitePackages });
  // Matplotlib's font list, built at build time: finding the fonts here would take seconds.
  pyodide.FS.mkdirTree(runtime.fontCache.path.replace(/\/[^/]*$/, ""));
  pyodide.FS.writeFile(runtime.fontCache.path, fontCache);
  lap("packages unpacked");
  const pmLive = pyodide.pyimport("pm_live");
  bridge = pmLive.start(post, pyodide.toPy(preload));
  lap("imports");
  say("ready", { python: pyodide.version });
  waiting.splice(0).forEach(deliver);
}

/* A Python error's message is its whole traceback: the page shows the last line. */
function lastLine(error) {
  return String((error && error.message) || error).trim().split("\n").pop();
}

function deliver(message) {
  const buffers = pyodide.toPy((message.buffers || []).map((b) => new Uint8Array(b.buffer || b)));
  try {
    bridge.handle(message.kind, message.text, buffers);
  } finally {
    buffers.destroy();
  }
}

/* Whatever goes wrong while starting (a file that does not arrive, a Pyodide that gives up), the
   page must hear of it rather than wait: it then keeps the preview and offers Binder and Colab. */
self.addEventListener("unhandledrejection", (event) => {
  if (!bridge) say("failed", { message: lastLine(event.reason) });
});
self.addEventListener("error", (event) => {
  if (!bridge) say("failed", { message: event.message || "the Python worker stopped" });
});

/* Pyodide 0.27 logs "wasm instantiation failed!" when its WebAssembly file cannot be fetched or
   compiled, and then waits for ever: take that message as the failure it is. */
for (const level of ["warn", "error"]) {
  const log = console[level].bind(console);
  console[level] = (...args) => {
    if (!bridge && String(args[0]).includes("wasm instantiation failed")) {
      say("failed", { message: "Python's WebAssembly file could not be loaded" });
    }
    log(...args);
  };
}

self.onmessage = (event) => {
  const message = event.data;
  if (message.kind === "boot") {
    boot(message.preload || []).catch((error) => say("failed", { message: lastLine(error) }));
  } else if (bridge) {
    deliver(message);
  } else {
    waiting.push(message);
  }
};
