"""A file picker that checks the size in the browser before sending a byte to the kernel.

``FileUpload`` sends the whole file as one widget message.  The Jupyter server drops a
websocket message over 10 MiB, so a larger file never reaches the kernel: the widget then
keeps the *previous* file (which an Import brings in under the old name) or none ("Choose a
file first"), and later uploads in that session can be lost too.  ``UploadControl`` (an
``anywidget``, like ``place.BrowserZone``) holds a labelled ``<input type=file>`` and, in the
browser, compares ``file.size`` with ``limit`` (the store's ``MAX_UPLOAD_BYTES``, under that
cap): a file over it is refused at once in a line beside the button and only its name and size
go to the kernel; a file within it goes as one binary buffer (``model.send``).  The input is
emptied after every attempt, and the kernel side keeps only the file just chosen: a refused or
incomplete choice forgets the one before, so an import can never bring in another file.

The control is a native file input, so it takes the keyboard focus and opens with Enter or
Space, and screen readers announce its label and the limit (``aria-describedby``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import anywidget
import traitlets

from ..store import MAX_UPLOAD_BYTES

__all__ = ["CSS_CLASSES", "Chosen", "UploadControl", "size_words"]

#: The stable CSS classes inside the control (class -> element), for browser tests.
CSS_CLASSES = {
    "fk-upload-input": "<input type=file> (labelled; Enter or Space opens the file chooser)",
    "fk-upload-limit": "the limit, next to the button ('up to 10 MB')",
    "fk-upload-said": "what the browser said about the last choice (role=status / role=alert)",
}


def size_words(size: int) -> str:
    """A file size as a learner reads it: "850 KB", "15.7 MB"."""
    if size < 1_000_000:
        return f"{max(size, 1) / 1000:.0f} KB" if size >= 1000 else f"{size} bytes"
    return f"{size / 1e6:.1f} MB".replace(".0 MB", " MB")


_ESM = """
function sizeWords(size) {
  if (size < 1000) return `${size} bytes`;
  if (size < 1000000) return `${Math.round(size / 1000)} KB`;
  return `${(size / 1000000).toFixed(1).replace(/\\.0$/, "")} MB`;
}

function render({ model, el }) {
  const id = `fk-upload-${Math.random().toString(36).slice(2, 10)}`;
  el.classList.add("fk-upload-control");
  const label = document.createElement("label");
  label.htmlFor = id;
  label.className = "fk-upload-label";
  const input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.className = "fk-upload-input";
  const limit = document.createElement("span");
  limit.id = `${id}-limit`;
  limit.className = "fk-upload-limit";
  const said = document.createElement("div");
  said.id = `${id}-said`;
  said.className = "fk-upload-said";
  said.setAttribute("role", "status");
  said.setAttribute("aria-live", "polite");
  input.setAttribute("aria-describedby", `${limit.id} ${said.id}`);
  const row = document.createElement("div");
  row.className = "fk-upload-row";
  row.append(label, input, limit);
  el.append(row, said);

  function say(text, problem) {
    said.textContent = text;
    said.setAttribute("role", problem ? "alert" : "status");
    said.setAttribute("aria-live", problem ? "assertive" : "polite");
    said.classList.toggle("fk-upload-problem", Boolean(problem));
  }
  function sync() {
    label.textContent = model.get("description");
    input.accept = model.get("accept");
    input.disabled = model.get("disabled");
    limit.textContent = `up to ${sizeWords(model.get("limit"))}`;
  }
  sync();
  model.on("change:description", sync);
  model.on("change:accept", sync);
  model.on("change:disabled", sync);
  model.on("change:limit", sync);

  input.addEventListener("change", async () => {
    const file = input.files && input.files[0];
    input.value = "";  // cleared after every attempt: the next choice is always a new one
    if (!file) return;
    const max = model.get("limit");
    if (file.size > max) {
      say(`${file.name} is ${sizeWords(file.size)}, more than a log can be (${sizeWords(max)}), so it ` +
          "was not sent and nothing was imported. Choose the zip that Download my log gave you.", true);
      model.send({ kind: "refused", name: file.name, size: file.size });
      return;
    }
    say(`Sending ${file.name} (${sizeWords(file.size)})…`, false);
    try {
      const buffer = await file.arrayBuffer();
      model.send({ kind: "file", name: file.name, size: file.size }, undefined, [buffer]);
      say(`${file.name} (${sizeWords(file.size)}) was sent.`, false);
    } catch (error) {
      say(`${file.name} could not be read by the browser (${error}); choose it again.`, true);
      model.send({ kind: "unreadable", name: file.name, size: file.size });
    }
  });
}
export default { render };
"""

_CSS = """
.fk-upload-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.6em; }
.fk-upload-label { font-weight: bold; }
.fk-upload-input:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.fk-upload-limit { color: #444; }
.fk-upload-said { max-width: 46em; line-height: 1.45; color: #444; }
.fk-upload-said.fk-upload-problem { color: #b00020; }
.fk-upload-said.fk-upload-problem::before { content: "⚠ "; }
"""


class Chosen:
    """What the learner just chose: its name, size and bytes (None when it was refused)."""

    __slots__ = ("data", "name", "problem", "size")

    def __init__(self, name: str, size: int, data: bytes | None, problem: str = "") -> None:
        self.name, self.size, self.data, self.problem = name, size, data, problem

    def __repr__(self) -> str:
        return f"Chosen({self.name!r}, {self.size}, problem={self.problem!r})"


class UploadControl(anywidget.AnyWidget):
    """Choose a file; the browser refuses one over ``limit`` before sending it (see the module doc).

    ``file`` is the file just chosen and accepted (None before, after a refused choice and after
    ``clear``); ``on_choice(callback)`` calls ``callback(chosen)`` with a ``Chosen`` after every
    choice, accepted or refused, so the view can say so where the learner is looking.
    """

    _esm = _ESM
    _css = _CSS
    description = traitlets.Unicode("Choose a file (.zip or .csv)").tag(sync=True)
    accept = traitlets.Unicode(".zip,.csv").tag(sync=True)
    limit = traitlets.Int(MAX_UPLOAD_BYTES).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    #: Never HTML: the label is text (the house rule for descriptions).
    description_allow_html = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.file: Chosen | None = None
        self._callbacks: list[Callable[[Chosen], Any]] = []
        self.on_msg(self._message)

    def on_choice(self, callback: Callable[[Chosen], Any]) -> None:
        """Call ``callback(chosen)`` after every choice the browser reports."""
        self._callbacks.append(callback)

    def clear(self) -> None:
        """Forget the chosen file (after an import, whatever its outcome)."""
        self.file = None

    def _message(self, _widget: Any, content: dict[str, Any], buffers: list[Any]) -> None:
        """A message from the browser: a file within the limit (with its bytes) or a refused one."""
        self.file = None  # whatever happens, the file chosen before is gone
        if not isinstance(content, dict):
            return
        name = str(content.get("name") or "upload")
        try:
            size = int(content.get("size") or 0)
        except (TypeError, ValueError):
            size = 0
        kind = content.get("kind")
        if kind == "file" and buffers:
            data = bytes(buffers[0])
            if len(data) > self.limit:
                chosen = Chosen(name, len(data), None, self._too_big(name, len(data)))
            elif len(data) != size:
                chosen = Chosen(name, size, None, f"{name} arrived incomplete ({len(data):,} of {size:,} "
                                "bytes), so nothing was imported; choose it again.")
            else:
                chosen = Chosen(name, size, data)
                self.file = chosen
        elif kind == "refused":
            chosen = Chosen(name, size, None, self._too_big(name, size))
        else:
            chosen = Chosen(name, size, None, f"{name} could not be read by the browser, so nothing was "
                            "imported; choose it again.")
        for callback in self._callbacks:
            callback(chosen)

    def _too_big(self, name: str, size: int) -> str:
        return (
            f"{name} is {size_words(size)}, more than a log can be ({size_words(self.limit)}), so it was not "
            "sent and nothing was imported; choose the zip that Download my log gave you."
        )
