// The editor page: CodeMirror on the left, the article as it will be published on the right.
// Folio's LivePreview (src/wasm/preview.rs) renders, patches the preview, fills the outline,
// problems and stats, and maps lines to the preview and back; the drafts live in local storage
// (src/wasm/drafts.rs). This file only wires the page's events to them.
import { start, LivePreview, drafts } from "./folio-editor.js";
import { registerServiceWorker } from "./sw-client.js";
import { createSource, edits, setText, showDiagnostics, moveCaret, topLine, scrollToLine, atEnd } from "./editor/source.js";
import { chosenFile, download, fileName } from "./editor/files.js";

registerServiceWorker(); // the editor works offline too, and offers new versions as the reader does

const SEED = { url: new URL("articles/ogp-societe-civile.md", import.meta.url), name: "ogp-societe-civile.md", profile: "numerique" };
const today = () => new Date().toISOString().slice(0, 10);
const blankArticle = () => `---\ntitle: Untitled\ndate: ${today()}\n---\n\nWrite here.\n`;

const $ = (id) => document.getElementById(id);
const ui = {
  draft: $("draft-select"), name: $("draft-name"), newDraft: $("new-draft"), deleteDraft: $("delete-draft"),
  open: $("open-file"), fileInput: $("file-input"), save: $("save-file"), profile: $("profile"), safe: $("safe"),
  outline: $("outline"), diagnostics: $("diagnostics"), pane: $("preview-pane"), article: $("preview"),
  stats: $("stats"), status: $("status"),
};

await start();
const preview = new LivePreview(ui.article, ui.pane, undefined, { diagnostics: ui.diagnostics, outline: ui.outline, stats: ui.stats });
const source = createSource($("editor"), { onChange: changed });

/** Keystroke-to-preview, for each render that follows input: see bench/editor.mjs. */
const metrics = [];
let list = null;     // the drafts, as drafts.list() gives them
let current = null;  // the open draft's entry
/** This tab's open draft, in session storage: each tab's own, kept over a reload. */
const TAB_DRAFT = "folio-tab-draft";
let saved = null;    // its text as last stored
let orphan = false;  // it was deleted in another tab: stored nowhere until this tab keeps it again
let lineBreak = "\n"; // its line breaks, kept in storage and downloads (CodeMirror holds "\n" whatever it read)

/** The editor's text as the open draft stores it: with the draft's line breaks. */
const stored = () => source.state.doc.sliceString(0, undefined, lineBreak);

// ---- Rendering: at once for the first change of a frame, then at most once a frame. ----

let inputAt = null;      // when the input event being handled started (its keydown, for a key)
let inputEventAt = null; // when its `input` event came (none for keys CodeMirror handles itself, like Enter)
let changeStart = null;  // the first change not yet in the preview
let changeInput = null;  // the `input` event of that change, if it had one
let changeSeen = null;   // when CodeMirror told of it
let pending = null;      // CodeMirror's changes since the preview was given the text (a ChangeSet)
let queued = false;
let renderedThisFrame = false;
let renderPending = false;

for (const type of ["keydown", "beforeinput", "paste", "drop", "cut"]) {
  source.contentDOM.addEventListener(type, () => {
    if (inputAt !== null) return;
    performance.clearMarks("folio:input"); // the last input's mark is the one a measure starts from
    inputAt = performance.mark("folio:input").startTime;
    setTimeout(() => { inputAt = inputEventAt = null; }); // a key that changed nothing starts no measure
  }, { capture: true });
}
source.contentDOM.addEventListener("input", () => { inputEventAt ??= performance.now(); }, { capture: true });

function changed(changes) {
  changeStart ??= inputAt ?? performance.now();
  changeInput ??= inputEventAt;
  changeSeen ??= performance.now();
  pending = pending ? pending.compose(changes) : changes;
  if (queued) return;
  queued = true;
  // After CodeMirror's update (a view cannot be dispatched to while it updates), before paint.
  queueMicrotask(() => {
    queued = false;
    let measured = null;
    if (renderedThisFrame) renderPending = true;
    else measured = render();
    const storing = performance.now();
    saveAfterPaint();
    // What the keystroke's frame waited for after the preview was patched.
    if (measured) measured.storeMs = performance.now() - storing;
  });
}

/**
 * Renders the source into the preview. Only the changes since the last render cross into Rust
 * (a keystroke, not the article); the whole text when there are none or they do not fit.
 * Returns the render's entry in `metrics`, if it followed input.
 */
function render() {
  renderedThisFrame = true;
  requestAnimationFrame(() => {
    renderedThisFrame = false;
    if (renderPending) {
      renderPending = false;
      render();
    }
  });
  const begin = performance.now();
  let result;
  let measured = null;
  try {
    const changes = pending;
    pending = null;
    const { doc } = source.state;
    result = (changes && preview.edit(edits(changes), doc.length)) ?? preview.update(doc.toString());
  } catch (error) {
    changeStart = changeSeen = changeInput = null;
    say(`The preview failed: ${error.message}`, "error");
    return null;
  }
  performance.clearMarks("folio:preview-patched");
  const end = performance.mark("folio:preview-patched").startTime;
  if (changeStart !== null) {
    const ms = end - changeStart;
    if (performance.getEntriesByName("folio:keystroke-to-preview").length >= 1000) performance.clearMeasures("folio:keystroke-to-preview");
    performance.measure("folio:keystroke-to-preview", { start: changeStart, end });
    // From the `input` event as well (the browser's and CodeMirror's key handling before it left
    // out); a key without one (Enter, handled in keydown) counts from its keydown.
    measured = { ms, fromInputMs: end - (changeInput ?? changeStart), editorMs: changeSeen - changeStart, waitMs: begin - changeSeen, updateMs: end - begin,
      renderMs: result.renderMs, patchMs: result.patchMs, incremental: result.incremental, replacedBlocks: result.replacedBlocks,
      insertedNodes: result.insertedNodes, removedNodes: result.removedNodes, movedBlocks: result.movedBlocks, length: source.state.doc.length };
    metrics.push(measured);
    if (metrics.length > 5000) metrics.splice(0, metrics.length - 5000);
  }
  changeStart = changeSeen = changeInput = null;
  if (result.diagnostics) showDiagnostics(source, result.diagnostics);
  document.title = `${result.title || current?.name || "Untitled"} · Folio`;
  requestAnimationFrame(followSource);
  return measured;
}

// ---- Drafts: every change stored as soon as it is shown, several kept, files in and out. ----

let saveQueued = false;

/**
 * Stores the open draft right after the frame that shows the change: storing a 100 KB draft
 * takes about a millisecond, which that frame need not wait for. A hidden page paints no frame,
 * so it stores at once; leaving the page or the draft stores first (`saveNow`, `mayLeave`).
 */
function saveAfterPaint() {
  if (document.hidden) {
    saveNow();
  } else if (!saveQueued) {
    saveQueued = true;
    requestAnimationFrame(() => setTimeout(saveNow, 0));
  }
}

/** Stores the open draft now, with any change `saveAfterPaint` is waiting to store. */
function saveNow() {
  saveQueued = false;
  save(stored());
}
document.addEventListener("visibilitychange", () => { if (document.hidden) saveNow(); });
window.addEventListener("pagehide", saveNow);

/**
 * Stores the open draft's `text` if it changed; `relist` also stores a draft deleted in another tab
 * whose text did not change (renamed or given a profile here: the writer wants it kept).
 */
function save(text, relist = false) {
  if (!current || (text === saved && !(relist && orphan))) return;
  try {
    const listedAgain = drafts.save(current, text);
    saved = text;
    orphan = false;
    if (listedAgain) say(`“${current.name}” was deleted in another tab; it is kept again, with what you typed here.`);
    else if (ui.status.classList.contains("error")) say("");
  } catch (error) {
    say(`${sentence(error.message)} Download the article (Save .md) to keep it.`, "error");
  }
}

/**
 * Whether the open draft may be left: its text is stored, or the writer chose to leave it anyway
 * (storage refused it, and the editor is about to show another text).
 */
function mayLeave() {
  const text = stored();
  save(text);
  return text === saved || confirm("This draft's last changes could not be saved in this browser. Leave it anyway? (Cancel, then Save .md, keeps them.)");
}

function options() {
  return { profile: current.profile, fileName: fileName(current.name), safe: ui.safe.checked };
}

/** The drafts in the list, the open one chosen (listed even when another tab deleted it). */
function showList() {
  const shown = list.drafts.some((d) => d.id === current.id) ? list.drafts : [...list.drafts, current];
  const items = shown.map((d) => new Option(d.name, d.id, false, d.id === current.id));
  // Rebuilt only when it changed: rebuilding closes the list if it is open.
  const same = items.length === ui.draft.options.length && items.every((o, i) => o.text === ui.draft.options[i].text && o.value === ui.draft.options[i].value);
  if (!same) ui.draft.replaceChildren(...items);
  ui.draft.value = current.id;
}

/** Opens the list's current draft. */
function openCurrent() {
  current = list.drafts.find((d) => d.id === list.current);
  try {
    sessionStorage.setItem(TAB_DRAFT, current.id);
  } catch {
    // No session storage (a sandboxed frame): a reload opens the draft open last in any tab.
  }
  showList();
  const text = drafts.text(current.id) ?? "";
  saved = text;
  orphan = false;
  lineBreak = text.includes("\r\n") ? "\r\n" : "\n";
  ui.name.value = current.name;
  ui.profile.value = current.profile;
  preview.setOptions(options());
  setText(source, text);
  changeStart = changeSeen = changeInput = null;
  pending = null; // changes of the text replaced
  render();
  save(stored()); // line breaks mixed or lone CRs, which the editor made all one kind
  source.scrollDOM.scrollTop = 0;
  ui.pane.scrollTop = 0;
}

async function firstDraft() {
  let text;
  try {
    const response = await fetch(SEED.url);
    text = response.ok ? await response.text() : null;
  } catch {
    text = null;
  }
  return text === null ? drafts.create("Untitled.md", "jekyll", blankArticle()) : drafts.create(SEED.name, SEED.profile, text);
}

async function act(what) {
  try {
    await what();
  } catch (error) {
    say(error.message, "error");
  }
}

ui.draft.addEventListener("change", () => act(() => {
  if (!mayLeave()) {
    ui.draft.value = current.id;
    return;
  }
  list = drafts.select(ui.draft.value);
  openCurrent();
}));

/** Renames the open draft to what the name field holds. */
function rename() {
  save(stored(), true); // a draft deleted in another tab is listed again first
  list = drafts.rename(current.id, ui.name.value);
  current = list.drafts.find((d) => d.id === current.id);
  ui.name.value = current.name;
  showList();
  preview.setOptions(options()); // the name is the file name: it may give the date
  render();
}
ui.name.addEventListener("change", () => act(rename));

// Into CodeMirror's text, which its container (the link's target without script) does not give.
$("skip-to-source").addEventListener("click", (event) => {
  event.preventDefault();
  source.focus();
});

ui.newDraft.addEventListener("click", () => act(() => {
  if (!mayLeave()) return;
  list = drafts.create("Untitled.md", current?.profile ?? "jekyll", blankArticle());
  openCurrent();
  say("New draft");
  source.focus();
}));

ui.deleteDraft.addEventListener("click", () => act(() => {
  if (!confirm(`Delete the draft “${current.name}”? Its text will be gone from this browser.`)) return;
  const name = current.name;
  list = drafts.remove(current.id);
  if (!list.current) list = drafts.create("Untitled.md", "jekyll", blankArticle());
  openCurrent();
  say(`Deleted “${name}”`);
}));

ui.open.addEventListener("click", () => ui.fileInput.click());
ui.fileInput.addEventListener("change", () => act(async () => {
  const file = await chosenFile(ui.fileInput);
  if (!file || !mayLeave()) return;
  list = drafts.create(file.name, current?.profile ?? "jekyll", file.text);
  openCurrent();
  say(`Opened ${file.name} as a new draft`);
}));

ui.save.addEventListener("click", () => {
  download(current.name, stored());
  say(`Downloaded ${fileName(current.name)}`);
});

ui.profile.addEventListener("change", () => act(() => {
  save(stored(), true); // a draft deleted in another tab is listed again first
  list = drafts.setProfile(current.id, ui.profile.value);
  current = list.drafts.find((d) => d.id === current.id);
  preview.setOptions(options());
  render();
}));

ui.safe.addEventListener("change", () => {
  preview.setOptions(options());
  render();
});

document.addEventListener("keydown", (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  const key = event.key.toLowerCase();
  if (key !== "s" && key !== "o") return;
  event.preventDefault();
  // A name still being typed (its change comes when the field is left) is the download's name.
  if (ui.name.value !== current.name) act(rename);
  if (key === "s") ui.save.click();
  else ui.open.click();
});

// A change that could not be stored is not left behind without a word.
window.addEventListener("beforeunload", (event) => {
  saveNow();
  if (current && stored() !== saved) event.preventDefault();
});

// The same draft open in another tab: the last tab to type wins, so say it. A draft deleted
// there is listed again by the next change stored here (drafts.save).
window.addEventListener("storage", (event) => {
  if (!current || event.key !== `folio-draft:${current.id}` || event.newValue === saved) return;
  if (event.newValue === null) {
    orphan = true; // the next change stored lists it again; left unchanged, it stays deleted
    say("This draft was deleted in another tab. Typing here keeps it: it is listed again with what you type.", "error");
  } else {
    say("This draft was changed in another tab. Reload to see that text; typing here replaces it.", "error");
  }
});

// Drafts made, renamed or deleted in another tab are listed here too (the other tab changes the
// index); the draft open here stays open, under the name and profile the other tab gave it.
window.addEventListener("storage", (event) => {
  if (!current || (event.key !== null && event.key !== "folio-drafts")) return;
  list = drafts.list();
  const entry = list.drafts.find((d) => d.id === current.id);
  if (entry && (entry.name !== current.name || entry.profile !== current.profile)) {
    // The name field follows unless a new name is being typed in it.
    if (ui.name.value === current.name) ui.name.value = entry.name;
    current = entry;
    ui.profile.value = current.profile;
    preview.setOptions(options());
    render();
  }
  showList();
});

// ---- Moving around: problems and outline to the source, the preview to the source, scroll sync. ----

function jumpFrom(list, y) {
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-line]");
    if (button) moveCaret(source, Number(button.dataset.line), Number(button.dataset.column ?? 1), { y });
  });
}
jumpFrom(ui.diagnostics, "center");
jumpFrom(ui.outline, "start");

ui.pane.addEventListener("click", (event) => {
  const link = event.target.closest("a[href]");
  if (link && (event.ctrlKey || event.metaKey || event.shiftKey)) return; // opening it elsewhere is fine
  if (link) event.preventDefault(); // the editor stays; the caret goes to the link's block
  if (!getSelection().isCollapsed) return; // text selected to be copied
  const line = preview.lineAt(event.target);
  if (line === undefined) return;
  followPreview();
  moveCaret(source, line, 1, { y: "nearest" });
});

// Each side's own scrolling moves the other; the scroll we cause is recognised and not sent back.
const echo = new Map();
function scrollTo(scroller, top) {
  const before = scroller.scrollTop;
  scroller.scrollTop = top;
  if (scroller.scrollTop !== before) echo.set(scroller, scroller.scrollTop);
}
function isEcho(scroller) {
  const expected = echo.get(scroller);
  echo.delete(scroller);
  return expected !== undefined && Math.abs(scroller.scrollTop - expected) < 1;
}

function followSource() {
  const y = atEnd(source.scrollDOM) ? ui.pane.scrollHeight : preview.scrollTopForLine(topLine(source));
  if (y !== undefined) scrollTo(ui.pane, y);
}

function followPreview() {
  const scroller = source.scrollDOM;
  if (atEnd(ui.pane)) return scrollTo(scroller, scroller.scrollHeight);
  const line = preview.lineAtScrollTop();
  if (line === undefined) return;
  sourceTo(line);
  // CodeMirror estimates the heights of lines it has not drawn yet; once it has drawn those it
  // scrolled to (next frames), the line is put at the top again with their real heights.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (Math.abs(topLine(source) - line) > 0.25) sourceTo(line);
  }));
}

function sourceTo(line) {
  const scroller = source.scrollDOM;
  const before = scroller.scrollTop;
  const after = scrollToLine(source, line);
  if (after !== before) echo.set(scroller, after);
}

function onScroll(scroller, follow) {
  let frame = 0;
  scroller.addEventListener("scroll", () => {
    if (isEcho(scroller) || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      follow();
    });
  }, { passive: true });
}
onScroll(source.scrollDOM, followSource);
onScroll(ui.pane, followPreview);

/** "the draft could not be saved: full" → "The draft could not be saved: full." */
function sentence(text) {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1) + (/[.!?]$/.test(trimmed) ? "" : ".");
}

function say(message, kind = "") {
  ui.status.textContent = message;
  ui.status.className = kind;
}

// ---- Start: the draft this tab had open, when it reloads (another tab may have opened another
// since); else the draft open last in this browser; else the seed, the first time. ----

list = drafts.list();
const tabDraft = (() => {
  try {
    return sessionStorage.getItem(TAB_DRAFT);
  } catch {
    return null;
  }
})();
if (tabDraft && tabDraft !== list.current && list.drafts.some((d) => d.id === tabDraft)) list = drafts.select(tabDraft);
if (!list.current && list.drafts.length) list = drafts.select(list.drafts.at(-1).id);
if (!list.current) list = await firstDraft();
openCurrent();

/** For tests and the benchmark (bench/editor.mjs): the editor's parts and its measures. */
window.folioEditor = { source, preview, metrics, open: (id) => { list = drafts.select(id); openCurrent(); } };
document.body.dataset.ready = "true";
