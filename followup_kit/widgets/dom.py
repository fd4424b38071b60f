"""What ipywidgets cannot say to the browser: ``aria-invalid`` on a bad input, and "focus this field".

ipywidgets gives a widget CSS classes but no ARIA attributes and no way to move the keyboard focus.
``DomBridge`` is a small ``anywidget`` (like ``upload.UploadControl``: ESM inline, no build step)
that a view places inside one of its sections.  In the browser it finds that section (the nearest
ancestor matching ``scope``, a CSS selector such as ``.fk-form``) and then:

* marks ``aria-invalid="true"`` on every ``input``, ``textarea`` and ``select`` inside an element of
  the section that has the ``invalid_class`` (``fk-invalid``, which the view adds to a bad field),
  and removes it when the class goes (a ``MutationObserver`` watches the section's classes), so a
  screen reader announces the field as invalid, not only the tint and the ⚠ sighted learners see;
* on ``focus(css)`` from Python scrolls the first input inside the element with class ``css`` into
  view and gives it the keyboard focus (``focus_request`` counts the requests, ``focus_class`` names
  the target), e.g. *Edit in the form* moves the learner to the form's first field.

It renders nothing visible.  Its ``_css`` carries the few rules the kit's inputs need in every
notebook that shows such a section (the date-and-time picker's calendar icon kept in view).
"""

from __future__ import annotations

from typing import Any

import anywidget
import traitlets

__all__ = ["CSS_CLASSES", "DomBridge"]

#: The stable CSS classes (class -> element), for browser tests.
CSS_CLASSES = {
    "fk-dom-bridge": "DomBridge (invisible: aria-invalid and focus requests for its section)",
}

_ESM = """
const FIELDS = "input, textarea, select";

function render({ model, el }) {
  el.classList.add("fk-dom-bridge");
  el.setAttribute("aria-hidden", "true");
  let root = null;
  let observer = null;
  let tries = 0;
  let timer = null;

  function mark() {
    if (!root) return;
    const bad = model.get("invalid_class");
    const wanted = new Set();
    if (bad) {
      root.querySelectorAll(`.${bad}`).forEach(box => {
        const inner = box.matches(FIELDS) ? [box] : [...box.querySelectorAll(FIELDS)];
        inner.forEach(field => wanted.add(field));
      });
    }
    wanted.forEach(field => {
      if (field.getAttribute("aria-invalid") !== "true") field.setAttribute("aria-invalid", "true");
      field.dataset.fkAriaInvalid = "1";
    });
    root.querySelectorAll("[data-fk-aria-invalid]").forEach(field => {
      if (!wanted.has(field)) {
        field.removeAttribute("aria-invalid");
        delete field.dataset.fkAriaInvalid;
      }
    });
  }

  function focusTarget() {
    const css = model.get("focus_class");
    if (!root || !css) return;
    const box = root.querySelector(`.${css}`);
    if (!box) return;
    const field = box.matches(FIELDS) ? box : box.querySelector(FIELDS);
    const target = field || box;
    target.scrollIntoView({ block: "center", behavior: "auto" });
    target.focus({ preventScroll: true });
  }

  // The view's element joins the page after render(): find the section once it is there.
  function attach() {
    timer = null;
    const scope = model.get("scope");
    root = el.isConnected ? (scope ? el.closest(scope) : null) || el.parentElement : null;
    if (!root) {
      if (tries++ < 3000) timer = setTimeout(attach, 100);
      return;
    }
    observer = new MutationObserver(mark);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    mark();
  }
  attach();

  let seen = model.get("focus_request");
  function onRequest() {
    const now = model.get("focus_request");
    if (now === seen) return;
    seen = now;
    focusTarget();
  }
  model.on("change:focus_request", onRequest);
  model.on("change:invalid_class", mark);
  return () => {
    if (timer) clearTimeout(timer);
    if (observer) observer.disconnect();
    model.off("change:focus_request", onRequest);
    model.off("change:invalid_class", mark);
  };
}
export default { render };
"""

_CSS = """
.fk-dom-bridge { display: none; }
/* The date-and-time picker: its calendar icon stays inside the box at 1366x768 (Chromium squeezes a
   datetime-local input narrower than its text and clips the icon at the right edge). */
.fk-quick-when input[type="datetime-local"], .fk-outcome-at input[type="datetime-local"] {
  min-width: 17em; flex: 1 0 auto; box-sizing: border-box;
}
.fk-quick-when input[type="datetime-local"]::-webkit-calendar-picker-indicator,
.fk-outcome-at input[type="datetime-local"]::-webkit-calendar-picker-indicator {
  display: block; opacity: 1; cursor: pointer;
}
"""


class DomBridge(anywidget.AnyWidget):
    """Marks ``aria-invalid`` on the bad fields of its section and focuses a field on request.

    ``scope`` is the CSS selector of the section it serves (its nearest matching ancestor in the
    page); ``invalid_class`` the class a view puts on a bad field's widget.  ``focus(css)`` asks
    every browser view of the bridge to scroll to and focus the input inside the element of class
    ``css``.  Headless, the request is only counted (``focus_request``) and named (``focus_class``).
    """

    _esm = _ESM
    _css = _CSS
    scope = traitlets.Unicode("").tag(sync=True)
    invalid_class = traitlets.Unicode("fk-invalid").tag(sync=True)
    focus_class = traitlets.Unicode("").tag(sync=True)
    focus_request = traitlets.Int(0).tag(sync=True)

    def __init__(self, scope: str = "", **kwargs: Any) -> None:
        super().__init__(scope=scope, **kwargs)
        self.add_class("fk-dom-bridge")

    def focus(self, css: str) -> None:
        """Scroll to and focus the first input inside the element with class ``css``."""
        with self.hold_sync():  # one message: the browser reads the class when the count changes
            self.focus_class = css
            self.focus_request += 1
