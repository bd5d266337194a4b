
// Folio's rare code (added by scripts/split/glue.mjs): scripts/build.sh split the module in two
// with binaryen's wasm-split. folio_bg.wasm holds what rendering the corpus used; the rest,
// folio_rare_bg.wasm, is linked into an instance the first time the instance calls into it (a
// placeholder in the table). That call must finish synchronously: the rare module is taken from
// the prefetch if it is done, else read with a synchronous request, or, where the page asked for
// it on demand, the call stops (`__folio_rare_on_demand`).
let __folio_rare_url;
let __folio_rare_module;
let __folio_rare_prefetching;
let __folio_rare_on_demand_only = false;

/** Where the rare module is: next to the main module when that is given by URL. */
export function __folio_rare_at(main_url) {
  __folio_rare_url = new URL("folio_rare_bg.wasm", new URL(main_url, globalThis.document?.baseURI));
}

function __folio_rare_location() {
  return __folio_rare_url ?? new URL("folio_rare_bg.wasm", import.meta.url);
}

/**
 * Whether a call needing the rare module before it is in stops (throwing an error named
 * `FolioRareCodeNeeded`; the instance must then be reset) instead of reading it synchronously,
 * which would hold up the page while it downloads.
 */
export function __folio_rare_on_demand(only) {
  __folio_rare_on_demand_only = only;
}

/**
 * Fetches and compiles the rare module in the background, once, unless a render has read it
 * already; resolves when that is done. A failed fetch is forgotten, for the next call to try
 * again; a render needing the module before then reports it.
 */
export function __folio_rare_prefetch() {
  __folio_rare_prefetching ??= (async () => {
    if (__folio_rare_module) return;
    try {
      const response = await fetch(__folio_rare_location(), { priority: "low" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      __folio_rare_module ??= await WebAssembly.compile(await response.arrayBuffer());
    } catch {
      // Offline without a cached copy, say: the next call fetches it again, and a render needing
      // it before then reports the failure (a synchronous read, or a FolioRareCodeError).
      __folio_rare_prefetching = undefined;
    }
  })();
  return __folio_rare_prefetching;
}

function __folio_rare_bytes(url) {
  if (typeof XMLHttpRequest === "undefined") {
    const fs = globalThis.process?.getBuiltinModule?.("node:fs");
    if (!fs) throw new Error(`Folio cannot read ${url} synchronously here: call startComplete() before rendering`);
    return fs.readFileSync(url);
  }
  // A document may not ask a synchronous request for bytes: the text is read as one byte a character.
  const request = new XMLHttpRequest();
  request.open("GET", url, false);
  request.overrideMimeType("text/plain; charset=x-user-defined");
  request.send();
  if (request.status !== 200 && request.status !== 0) {
    throw new Error(`Folio could not load ${url} (HTTP ${request.status}), which this article needs`);
  }
  const text = request.responseText;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The imports of a new instance, with its placeholders: each links the rare module, then calls. */
function __folio_rare(imports) {
  let linked = false;
  imports.placeholder = new Proxy({}, {
    get: (_, slot) => (...args) => {
      if (!linked) {
        if (!__folio_rare_module && __folio_rare_on_demand_only) {
          throw Object.assign(new Error("this render needs Folio's rare code, which is not in yet"), { name: "FolioRareCodeNeeded" });
        }
        __folio_rare_module ??= new WebAssembly.Module(__folio_rare_bytes(__folio_rare_location()));
        new WebAssembly.Instance(__folio_rare_module, { primary: wasm });
        linked = true;
      }
      return wasm["%table"].get(Number(slot))(...args);
    },
  });
  return imports;
}
