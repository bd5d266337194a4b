// The doubling tests' pathological inputs, made where they are timed (Node or Chromium).

/**
 * The pathological inputs of the doubling tests, each a function of its size n (the issue's
 * sizes: 10⁴ nested blocks, 10⁵ brackets, stars or attribute list starts, a 10⁴-row table,
 * 10⁴ footnotes, one 1 MB line).
 */
export const PATHOLOGICAL = [
  { id: "quotes", name: "nested blockquotes", n: 10_000, make: (n) => "> ".repeat(n) + "x\n" },
  { id: "lists", name: "nested lists", n: 10_000, make: (n) => "* ".repeat(n) + "x\n" },
  { id: "brackets", name: "[ ×n", n: 100_000, make: (n) => "[".repeat(n) + "\n" },
  { id: "stars", name: "*a ×n (unclosed emphasis)", n: 100_000, make: (n) => "*a ".repeat(n / 2) + "\n" },
  // Beyond the list, texts kramdown reads again for each level: quadratic or exponential there.
  { id: "nested-brackets", name: "[ ×n x ] ×n", n: 10_000, make: (n) => "[".repeat(n) + "x" + "]".repeat(n) + "\n" },
  { id: "nested-images", name: "![ ×n x ] ×n", n: 10_000, make: (n) => "![".repeat(n) + "x" + "]".repeat(n) + "\n" },
  { id: "open-emphasis", name: "*a **b ×n", n: 10_000, make: (n) => "*a **b ".repeat(n) + "\n" },
  { id: "open-links", name: "[a](<b [a](b \"c [a][b <http://a ~~a ×n", n: 10_000, make: (n) => "[a](<b [a](b \"c [a][b <http://a ~~a ".repeat(n) + "\n" },
  { id: "open-extensions", name: "{::comment} ×n, on one line and on lines apart", n: 10_000, make: (n) => "{::comment}".repeat(n) + "\n\n" + "{::comment}\n\n".repeat(n) },
  { id: "ials", name: "{: ×n", n: 100_000, make: (n) => "x " + "{:".repeat(n / 2) + "\n" },
  { id: "table", name: "table rows", n: 10_000, make: (n) => "| a | b |\n|---|---|\n" + "| x | *y* |\n".repeat(n) },
  {
    id: "footnotes", name: "footnotes", n: 10_000,
    make: (n) => Array.from({ length: n }, (_, i) => `a[^${i}]\n`).join("") + "\n" +
      Array.from({ length: n }, (_, i) => `[^${i}]: note ${i}\n`).join(""),
  },
  {
    id: "line", name: "one long line (bytes)", n: 1_000_000,
    make: (n) => "word *em* [link](/u) `code` \"quote\" -- ".repeat(Math.ceil(n / 40)).slice(0, n) + "\n",
  },
];
