// Opening a Markdown file from disk and saving a draft back as one: the browser's file picker
// (an <input type=file>, which every browser has) and a download.

/** The file chosen in `input`, as its name and text; null when none was. */
export async function chosenFile(input) {
  const file = input.files?.[0];
  if (!file) return null;
  const text = await file.text();
  input.value = ""; // choosing the same file again is a change again
  return { name: file.name, text };
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
