/**
 * Puts keys the keyboard-wedge detector held back (and then recognised as a person's typing) where
 * the browser would have put them: characters into the text field that had focus, at its caret,
 * replacing its selection, through a real `input` event so React state follows. Nothing is
 * persisted here.
 */

/** Input types whose value is free text with a caret (others, like number or email, have no selection API). */
const caretTypes = new Set(['text', 'search', 'tel', 'url', 'password', '']);
const textTypes = new Set([...caretTypes, 'email', 'number']);

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export function isTextField(el: EventTarget | null): el is TextField {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement) return textTypes.has(el.type) && !el.readOnly && !el.disabled;
  return false;
}

/** Sets a field's value the way typing does, so React's onChange sees it. */
function setNativeValue(el: TextField, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  // The prototype's setter, not the instance's: React tracks the instance property and would
  // otherwise treat the change as its own and skip onChange.
  if (!Reflect.set(proto, 'value', value, el)) el.value = value;
}

/**
 * Inserts `text` into `el` at its caret (replacing the selection), honouring maxLength, and fires
 * `input`. Uses the browser's own insertText where it exists (keeps undo and formatting libraries
 * happy); otherwise edits the value directly.
 */
export function insertText(el: TextField, text: string): void {
  if (!text) return;
  const doc = el.ownerDocument;
  if (doc.activeElement === el && typeof doc.execCommand === 'function') {
    try {
      if (doc.execCommand('insertText', false, text)) return;
    } catch {
      // Not supported here (jsdom, some input types): fall back to editing the value.
    }
  }
  const hasCaret = el instanceof HTMLTextAreaElement || caretTypes.has(el.type);
  const value = el.value;
  const start = hasCaret ? (el.selectionStart ?? value.length) : value.length;
  const end = hasCaret ? (el.selectionEnd ?? start) : value.length;
  let insert = text;
  if (el.maxLength >= 0) {
    const room = el.maxLength - (value.length - (end - start));
    insert = insert.slice(0, Math.max(0, room));
  }
  if (!insert) return;
  setNativeValue(el, value.slice(0, start) + insert + value.slice(end));
  if (hasCaret) el.setSelectionRange(start + insert.length, start + insert.length);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A held key to give back: its character (null for modifiers) and where it was aimed. */
export interface HeldKey {
  char: string | null;
  key: string;
  target: EventTarget | null;
}

/**
 * Replays held keys: consecutive characters aimed at the same text field are inserted in one go;
 * a Space aimed at a button-like control clicks it (what the browser would have done). Keys aimed
 * at anything else had no default effect and need nothing.
 */
export function replayKeys(keys: readonly HeldKey[]): void {
  let field: TextField | null = null;
  let text = '';
  const flush = () => {
    if (field && text) insertText(field, text);
    field = null;
    text = '';
  };
  for (const k of keys) {
    if (k.char === null) continue;
    if (isTextField(k.target)) {
      if (field !== k.target) flush();
      field = k.target;
      text += k.char;
      continue;
    }
    flush();
    if (k.char === ' ' && k.target instanceof HTMLElement && isSpaceClickable(k.target)) k.target.click();
  }
  flush();
}

function isSpaceClickable(el: HTMLElement): boolean {
  if (el instanceof HTMLButtonElement) return !el.disabled;
  if (el instanceof HTMLInputElement) return ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  const role = el.getAttribute('role');
  return role === 'button' || role === 'checkbox' || role === 'switch' || role === 'radio';
}
