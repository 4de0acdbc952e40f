/* Scored checks (exercises/kit/checks.py): scoring, feedback, retry and saving, in the page.
   Inlined after every check; the first copy defines window.pmChecks, later copies only
   wire up forms that are not ready yet. No network, no libraries. */
(function () {
  "use strict";
  if (window.pmChecks) { window.pmChecks.initAll(); return; }

  var STYLE =
    ".pm-check{margin:1em 0}.pm-check fieldset{border:1px solid #8a8a8a;border-radius:4px;margin:0 0 .8em;padding:.4em .8em .6em}" +
    ".pm-check legend{padding:.2em 0 .3em;font-size:inherit;font-weight:inherit;line-height:inherit;margin:0;width:100%;float:left}" +
    ".pm-check legend+*{clear:left}" +
    ".pm-check-option{margin:.25em 0;display:flex;gap:.45em;align-items:baseline}.pm-check-option label{margin:0}" +
    ".pm-check-hint{margin:.2em 0;font-style:italic}" +
    ".pm-check input[type=text]{font:inherit;padding:2px 4px}.pm-check button{font:inherit;padding:4px 12px;margin:2px 6px 2px 0;cursor:pointer;" +
    "border:1px solid #1a56c4;border-radius:4px;background:#1a56c4;color:#fff}.pm-check button.pm-check-retry{background:#fff;color:#0b2e6b}" +
    ".pm-check-feedback>div{margin:.4em 0 0;padding:4px 8px;border-left:4px solid;border-radius:3px}" +
    ".pm-check-ok{background:#e7f4e8;color:#163f19;border-color:#2e7d32}.pm-check-no{background:#fdecea;color:#5f1410;border-color:#b3261e}" +
    ".pm-check-none{background:#e8f0fe;color:#0b2e6b;border-color:#1a56c4}.pm-check-score{font-weight:600}";

  function addStyle() {
    if (document.getElementById("pm-check-style")) return;
    var style = document.createElement("style");
    style.id = "pm-check-style";
    style.textContent = STYLE;
    document.head.appendChild(style);
  }

  function parseNumber(text) {
    var cleaned = String(text).replace(/[\s,_]/g, "");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return null;
    var value = Number(cleaned);
    return isFinite(value) ? value : null;
  }

  function answerOf(form, bank, question) {
    var name = bank.id + "-" + question.id;
    if (question.kind === "numeric") {
      var text = form.querySelector("#" + CSS.escape(name)).value.trim();
      return text === "" ? null : text;
    }
    var chosen = Array.prototype.map.call(
      form.querySelectorAll('input[name="' + name + '"]:checked'), function (el) { return Number(el.value); });
    if (question.kind === "single") return chosen.length ? chosen[0] : null;
    return chosen.length ? chosen : null;
  }

  function box(kind, text) {
    var div = document.createElement("div");
    div.className = "pm-check-" + kind;
    div.textContent = text;
    return div;
  }

  function judge(question, given) {
    if (given === null) return { correct: false, lines: [["none", "Not answered."]] };
    if (question.kind === "numeric") {
      var value = parseNumber(given);
      if (value === null) return { correct: false, lines: [["no", "\u201c" + given + "\u201d is not a number. " + question.explanation]] };
      var ok = Math.abs(value - question.answer) <= question.tolerance + 1e-9;
      return { correct: ok, lines: [[ok ? "ok" : "no", (ok ? "Right. " : "Not quite. ") + question.explanation]] };
    }
    if (question.kind === "single") {
      var option = question.options[given];
      return { correct: option.correct, lines: [[option.correct ? "ok" : "no", (option.correct ? "Right: " : "Not this one: ") + option.why]] };
    }
    var lines = [], allRight = true;
    question.options.forEach(function (opt, i) {
      var picked = given.indexOf(i) >= 0;
      if (picked) lines.push([opt.correct ? "ok" : "no", "\u201c" + opt.text + "\u201d: " + opt.why]);
      else if (opt.correct) lines.push(["no", "You left out \u201c" + opt.text + "\u201d: " + opt.why]);
      if (picked !== opt.correct) allRight = false;
    });
    return { correct: allRight, lines: lines };
  }

  function check(form, bank) {
    var answers = {}, results = {}, score = 0, answered = 0;
    bank.questions.forEach(function (q) {
      var given = answerOf(form, bank, q);
      if (given !== null) answered += 1;
      var verdict = judge(q, given);
      answers[q.id] = q.kind === "numeric" && given !== null ? parseNumber(given) : given;
      if (q.kind === "numeric" && given !== null && answers[q.id] === null) answers[q.id] = String(given).slice(0, 40);
      results[q.id] = { correct: verdict.correct };
      if (verdict.correct) score += 1;
      var out = form.querySelector("#" + CSS.escape(bank.id + "-" + q.id + "-feedback"));
      out.textContent = "";
      verdict.lines.forEach(function (line) { out.appendChild(box(line[0], line[1])); });
    });
    var summary = form.querySelector(".pm-check-score");
    if (!answered) {
      summary.textContent = "Answer at least one question first.";
      return;
    }
    summary.textContent = "Score: " + score + " of " + bank.questions.length +
      (answered < bank.questions.length ? " (" + (bank.questions.length - answered) + " not answered)" : "") + ".";
    form._pmLast = { answers: answers, results: { score: score, max_score: bank.questions.length, questions: results } };
    form.querySelector(".pm-check-retry").hidden = false;
    form.querySelector(".pm-check-save").hidden = false;
  }

  function reset(form) {
    form.reset();
    form.querySelectorAll(".pm-check-feedback").forEach(function (el) { el.textContent = ""; });
    form.querySelector(".pm-check-score").textContent = "";
    form.querySelector(".pm-check-saved").textContent = "";
    form.querySelector(".pm-check-retry").hidden = true;
    form.querySelector(".pm-check-save").hidden = true;
    form._pmLast = null;
    var first = form.querySelector("input");
    if (first) first.focus();
  }

  function slug(text) {
    var ascii = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    var s = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/g, "");
    return s || "anonymous";
  }

  function save(form, bank) {
    var status = form.querySelector(".pm-check-saved");
    if (!form._pmLast) { status.textContent = " Check your answers first."; return; }
    var name = form.querySelector("#" + CSS.escape(bank.id + "-name")).value.trim().slice(0, 100);
    var savedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    var record = {
      schema: "becoming-a-pm/saved-work", schema_version: 1, exercise_id: bank.id, exercise_title: bank.title,
      learner_name: name || null, saved_at: savedAt, inputs: form._pmLast.answers, results: form._pmLast.results
    };
    var fileName = bank.id + "_" + slug(name) + "_" + savedAt.replace(/[-:]/g, "") + ".json";
    var url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: "application/json" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    status.textContent = " Saved as " + fileName + " in your downloads. Hand that file in if your instructor asks.";
  }

  function init(form) {
    form.setAttribute("data-ready", "1");
    var bank = JSON.parse(form.querySelector(".pm-check-data").textContent);
    form.addEventListener("submit", function (event) { event.preventDefault(); check(form, bank); });
    form.querySelector(".pm-check-retry").addEventListener("click", function () { reset(form); });
    form.querySelector(".pm-check-download").addEventListener("click", function () { save(form, bank); });
  }

  window.pmChecks = {
    initAll: function () {
      addStyle();
      document.querySelectorAll("form.pm-check:not([data-ready])").forEach(init);
    }
  };
  window.pmChecks.initAll();
})();
