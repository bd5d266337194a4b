// The benchmarks' tables, printed as Markdown (so that they paste into the README and notes).

/** Prints `body` (rows of cells) under `head`, each column as wide as its widest cell. */
export function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => String(c).padEnd(widths[i])).join(" | ") + " |";
  console.log(line(head));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  body.forEach((r) => console.log(line(r)));
}
