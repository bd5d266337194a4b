// Applies the reader's text size and theme before the first paint (a classic script in <head>,
// so a dark-theme reader never sees a white flash); www/reader/comfort.js changes them.
(function () {
  try {
    var root = document.documentElement;
    var theme = localStorage.getItem("folio.reader.theme");
    if (theme === "light" || theme === "dark") root.dataset.theme = theme;
    var scale = Number(localStorage.getItem("folio.reader.scale"));
    if (scale >= 0.75 && scale <= 2) root.style.setProperty("--reader-scale", String(scale));
  } catch (error) {
    // Storage refused: the defaults (the system's theme, normal size) apply.
  }
})();
