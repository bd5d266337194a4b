// Reading comfort: the text size, the theme (the system's, or light or dark by choice) and the
// reading position of each article, all kept in localStorage (www/reader/preferences.js applies
// the first two before the first paint).
const SCALE_KEY = "folio.reader.scale";
const THEME_KEY = "folio.reader.theme";
const POSITIONS_KEY = "folio.reader.positions";
const SCALES = [0.875, 1, 1.125, 1.25, 1.5, 1.75];
const THEMES = ["system", "light", "dark"];
/** Positions remembered: the most recently read articles. */
const POSITIONS_KEPT = 200;

const root = document.documentElement;

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or refused: the setting holds for this page only.
  }
}

/** The text size as a factor of the normal size. */
export function scale() {
  const value = Number(read(SCALE_KEY));
  return SCALES.includes(value) ? value : 1;
}

/** Makes the text one step larger (+1) or smaller (-1); resolves to the new factor. */
export function stepScale(direction) {
  const index = SCALES.indexOf(scale());
  const next = SCALES[Math.max(0, Math.min(SCALES.length - 1, index + direction))];
  write(SCALE_KEY, String(next));
  root.style.setProperty("--reader-scale", String(next));
  return next;
}

/** "system", "light" or "dark". */
export function theme() {
  const value = read(THEME_KEY);
  return THEMES.includes(value) ? value : "system";
}

export function setTheme(value) {
  const chosen = THEMES.includes(value) ? value : "system";
  write(THEME_KEY, chosen);
  if (chosen === "system") delete root.dataset.theme;
  else root.dataset.theme = chosen;
}

/** Wires the size buttons, their readout and the theme menu. */
export function bindControls({ smaller, larger, readout, themeMenu }) {
  const show = (factor) => { readout.value = `${Math.round(factor * 100)}%`; };
  show(scale());
  smaller.addEventListener("click", () => show(stepScale(-1)));
  larger.addEventListener("click", () => show(stepScale(+1)));
  themeMenu.value = theme();
  themeMenu.addEventListener("change", () => setTheme(themeMenu.value));
}

// --- Reading position ---------------------------------------------------------------------------
// Kept as the block at the top of the window (its index among the article's blocks) and how far
// into it, so it survives a change of text size or window width.

function positions() {
  try {
    return JSON.parse(read(POSITIONS_KEY)) ?? {};
  } catch {
    return {};
  }
}

const blocksOf = (article) => article.querySelectorAll("header > *, .article-body > *, .article-files");

function currentPosition(article) {
  const blocks = blocksOf(article);
  for (let i = 0; i < blocks.length; i++) {
    const box = blocks[i].getBoundingClientRect();
    if (box.bottom > 0) {
      return { block: i, within: box.height ? Math.max(0, -box.top) / box.height : 0 };
    }
  }
  return null;
}

/** The remembered position of the article at `url`, or null. */
export function savedPosition(url) {
  return positions()[url] ?? null;
}

/** Scrolls `article` to where the reader left the article at `url`; true if there was a place. */
export function restorePosition(url, article) {
  const place = savedPosition(url);
  const block = place && blocksOf(article)[place.block];
  if (!block) return false;
  const box = block.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + box.top + place.within * box.height, behavior: "instant" });
  return true;
}

/** Remembers the position in `article` as the reader scrolls, and when the page is left. */
export function trackPosition(url, article) {
  let timer;
  const remember = () => {
    clearTimeout(timer);
    const place = currentPosition(article);
    if (!place) return;
    const all = positions();
    delete all[url];
    all[url] = { ...place, at: Date.now() };
    const urls = Object.keys(all);
    for (const old of urls.slice(0, Math.max(0, urls.length - POSITIONS_KEPT))) delete all[old];
    write(POSITIONS_KEY, JSON.stringify(all));
  };
  addEventListener("scroll", () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 200);
  }, { passive: true });
  addEventListener("pagehide", remember);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") remember();
  });
}
