// What a member types before React takes the page over is theirs: on a slow phone the form is there, and
// used, seconds before the scripts run. Hydration alone does not keep it: a controlled field (the
// composer) is set back to its state at the next render, a textarea with a restored draft is set back to
// the draft at once, and any text an inline script wrote meanwhile ("Draft saved.", a suggestion list) makes
// React render the whole document afresh, every field empty again.
// So entry.client starts keeping before hydrating: the fields a person changed (and the one being typed in,
// with its caret) are noted, and kept up to date while the page is being taken over. Once the root has
// committed, restoreTyped() writes them back as if typed, so React's state and the draft autosave follow.

type Kept = { value?: string; checked?: boolean; selected?: boolean[] };
type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// A chosen file is not kept: the composer's upload script has already sent it (and emptied the field), so
// choosing it again would upload and insert the image twice.
const UNKEPT_TYPES = new Set(["hidden", "submit", "button", "reset", "image", "password", "file"]);
let kept: Map<string, Kept> | null = null;
let focus: { key: string; start: number | null; end: number | null } | null = null;

function controls(doc: Document): Control[] {
  return [...doc.querySelectorAll<Control>("input, textarea, select")].filter(
    (el) => !(el instanceof HTMLInputElement && UNKEPT_TYPES.has(el.type)),
  );
}

/** Which form (by its place in the page) and which name (or label): what namesakes share. */
function place(el: Control): string {
  const form = el.form ? [...el.ownerDocument.forms].indexOf(el.form) : -1;
  return `${form}|${el.name || el.getAttribute("aria-label") || ""}`;
}

/** The same field in the page React rendered: its form's place, its name, its place among its namesakes. */
function keyOf(el: Control, all: Control[]): string {
  const at = place(el);
  const twins = all.filter((o) => place(o) === at);
  return `${at}|${el.tagName}|${twins.indexOf(el)}`;
}

function changed(el: Control): Kept | null {
  if (el instanceof HTMLSelectElement) {
    const selected = [...el.options].map((o) => o.selected);
    return [...el.options].some((o) => o.selected !== o.defaultSelected) ? { selected } : null;
  }
  if (el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio"))
    return el.checked !== el.defaultChecked ? { checked: el.checked } : null;
  return el.value !== el.defaultValue ? { value: el.value } : null;
}

function note(doc: Document) {
  if (!kept) return;
  const all = controls(doc);
  for (const el of all) {
    const now = changed(el);
    if (now) kept.set(keyOf(el, all), now);
  }
  const active = doc.activeElement as Control | null;
  if (active && all.includes(active)) {
    const caret = "selectionStart" in active && !(active instanceof HTMLSelectElement);
    let start: number | null = null;
    let end: number | null = null;
    try {
      if (caret) ({ selectionStart: start, selectionEnd: end } = active);
    } catch {
      // inputs without a caret (email, number) throw on selectionStart
    }
    focus = { key: keyOf(active, all), start, end };
  }
}

function onEvent(e: Event) {
  note(document);
  // typed back to what the page came with: nothing to put back (only on the person's own input: React setting a
  // field while it takes the page over fires no input event, and must not make what was typed forgotten)
  const el = e.target as Control | null;
  if (kept && (e.type === "input" || e.type === "change") && el && "form" in el && !changed(el)) {
    const all = controls(document);
    if (all.includes(el)) kept.delete(keyOf(el, all));
  }
}

/** Called by entry.client just before hydrating. */
export function startKeepingTyped(doc: Document = document) {
  kept = new Map();
  note(doc);
  for (const type of ["input", "change", "focusin", "selectionchange"]) doc.addEventListener(type, onEvent, true);
}

/** Writes the kept fields back through the element's own setter, then the event React listens to. */
function setAsTyped(el: Control, want: Kept) {
  if (want.selected && el instanceof HTMLSelectElement) {
    [...el.options].forEach((o, i) => (o.selected = want.selected![i] ?? false));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return;
  }
  if (want.checked !== undefined && el instanceof HTMLInputElement) {
    // React tracks the last value it saw through the element's own property: set that to the other value,
    // then the real one through the prototype, so React sees a change and calls onChange (as for typing).
    el.checked = !want.checked;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "checked")!.set!.call(el, want.checked);
    el.dispatchEvent(new Event("click", { bubbles: true })); // an Event, not a MouseEvent: it toggles nothing
    return;
  }
  if (want.value === undefined || el instanceof HTMLSelectElement) return;
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  el.value = want.value === "" ? " " : "";
  Object.getOwnPropertyDescriptor(proto, "value")!.set!.call(el, want.value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Called once the root has committed (the root layout's effect): puts back what was typed, then stops. */
export function restoreTyped(doc: Document = document) {
  if (!kept) return;
  const want = kept;
  const wasFocused = focus;
  kept = null;
  focus = null;
  for (const type of ["input", "change", "focusin", "selectionchange"]) doc.removeEventListener(type, onEvent, true);
  if (!want.size && !wasFocused) return; // nothing typed, nothing focused: the usual case
  const all = controls(doc);
  for (const el of all) {
    const key = keyOf(el, all);
    const typed = want.get(key);
    if (typed) setAsTyped(el, typed);
    if (wasFocused?.key === key && doc.activeElement !== el) {
      el.focus();
      if (wasFocused.start !== null && !(el instanceof HTMLSelectElement)) {
        try {
          el.setSelectionRange(wasFocused.start, wasFocused.end ?? wasFocused.start);
        } catch {
          // no caret in this kind of input
        }
      }
    }
  }
}
