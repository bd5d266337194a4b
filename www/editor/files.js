// Opening a Markdown file from disk and saving a draft back as one: the browser's file picker
// (an <input type=file>, which every browser has) and a download.

/**
 * The file chosen in `input`, as its name and text; null when none was. Throws, saying so, when
 * the file is not UTF-8: Jekyll refuses it, and decoding it anyway would garble it.
 */
export async function chosenFile(input) {
  const file = input.files?.[0];
  if (!file) return null;
  input.value = ""; // choosing the same file again is a change again
  const bytes = await file.arrayBuffer();
  try {
    return { name: file.name, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`${file.name} was not opened: it is not UTF-8 text, which Jekyll requires. Save it as UTF-8, then open it again.`);
  }
}

/** A draft's name as a file name: no folders, and a Markdown extension. */
export function fileName(name) {
  const base = name.split(/[\\/]/).pop().trim() || "Untitled";
  return /\.(md|markdown)$/i.test(base) ? base : `${base.replace(/\.txt$/i, "")}.md`;
}

/** Saves `text` as a download named `name`. */
export function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName(name) });
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after this task: let it go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
