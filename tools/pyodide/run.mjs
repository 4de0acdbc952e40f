// Run a Python script inside Pyodide under Node: the in-page runtime's Python, without a browser.
//
//   node tools/pyodide/run.mjs --pyodide DIR [--stdlib ZIP] [--package NAME]... [--wheel FILE]...
//        [--mount HOST=GUEST]... [--env NAME=VALUE]... [--cwd GUEST] SCRIPT.py [ARG]...
//
// DIR holds pyodide.js (loaded as CommonJS), the core files, pyodide-lock.json and the packages it
// names; each --package is unpacked from there (name every one: dependencies are not resolved).
// The process exits with the script's exit status. Used by tools/live_runtime.py (the probe)
// and tools/pyodide_tests.py (the test suite inside Pyodide).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

function parse(argv) {
  const options = { packages: [], wheels: [], mounts: [], env: {}, cwd: null, script: null, args: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (options.script) options.args.push(flag);
    else if (flag === "--pyodide") { options.pyodide = path.resolve(value); i++; }
    else if (flag === "--stdlib") { options.stdlib = path.resolve(value); i++; }
    else if (flag === "--package") { options.packages.push(value); i++; }
    else if (flag === "--wheel") { options.wheels.push(path.resolve(value)); i++; }
    else if (flag === "--mount") { options.mounts.push(value.split("=")); i++; }
    else if (flag === "--env") { const [k, ...v] = value.split("="); options.env[k] = v.join("="); i++; }
    else if (flag === "--cwd") { options.cwd = value; i++; }
    else options.script = flag;
  }
  if (!options.pyodide || !options.script) {
    console.error("usage: run.mjs --pyodide DIR [--package NAME]... [--wheel FILE]... [--mount HOST=GUEST]... SCRIPT.py");
    process.exit(2);
  }
  return options;
}

const options = parse(process.argv.slice(2));
const { loadPyodide } = createRequire(import.meta.url)(path.join(options.pyodide, "pyodide.js"));
const pyodide = await loadPyodide({
  indexURL: options.pyodide + path.sep,
  ...(options.stdlib ? { stdLibURL: options.stdlib } : {}),
  env: Object.assign({ HOME: "/home/pyodide", MPLBACKEND: "Agg" }, options.env),
  stdout: (line) => process.stdout.write(line + "\n"),
  stderr: (line) => process.stderr.write(line + "\n"),
});
// As the page's worker does (assets/live/worker.js): packages are unpacked, not loadPackage()d, so
// Python compiles only the extension modules it imports. No dependency resolution: name them all.
const lock = JSON.parse(fs.readFileSync(path.join(options.pyodide, "pyodide-lock.json"), "utf8"));
const sitePackages = pyodide.runPython("import sysconfig; '/' + sysconfig.get_path('purelib').lstrip('/')");
const archives = [...options.packages.map((name) => path.join(options.pyodide, lock.packages[name].file_name)), ...options.wheels];
for (const archive of archives) {
  pyodide.unpackArchive(new Uint8Array(fs.readFileSync(archive)), "zip", { extractDir: sitePackages });
}
for (const [host, guest] of options.mounts) {
  pyodide.FS.mkdirTree(guest);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(host) }, guest);
}
pyodide.globals.set("_run_argv", pyodide.toPy([options.script, ...options.args]));
pyodide.globals.set("_run_cwd", options.cwd);
const status = await pyodide.runPythonAsync(`
import os, runpy, sys
sys.path_importer_cache.clear()  # a PYTHONPATH folder mounted after start-up was cached as missing
sys.argv = list(_run_argv)
if _run_cwd:
    os.chdir(_run_cwd)
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
    status = 0
except SystemExit as stop:
    status = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
status
`);
process.exit(status);
