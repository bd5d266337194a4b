// The reader's notices: one message at a time under the bar (#notice), read out by screen readers
// (as an alert when it is an error), with an optional action button.

/** Shows a message under the bar; `action` adds a button ({ label, run }). */
export function notice(text, kind = "info", action) {
  const box = document.getElementById("notice");
  box.className = `notice notice-${kind}`;
  box.setAttribute("role", kind === "error" ? "alert" : "status");
  const parts = [text];
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label;
    button.addEventListener("click", () => {
      box.replaceChildren();
      action.run();
    }, { once: true });
    parts.push(" ", button);
  }
  box.replaceChildren(...parts);
}
