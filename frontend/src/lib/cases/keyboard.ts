/** Input types that take typed text: a shortcut letter there is text, never a command. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Whether keys pressed on this element are someone typing (text fields, selects, editable content). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/**
 * The page shortcut a key press asks for, or null when the page must leave it alone: while typing, with
 * Ctrl/Alt/Meta (browser and screen-reader commands), while an IME composes, or while a modal dialog is open
 * (the dialog owns the keyboard then).
 */
export function shortcutKey(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  if (document.querySelector('dialog[open]')) return null;
  return event.key;
}

/** One line of the shortcut help: the keys and what they do (a key of the `shortcuts` strings). */
export interface Shortcut {
  keys: string[];
  action: 'next' | 'previous' | 'toggle' | 'open' | 'assign' | 'newCase' | 'reply' | 'assignCase' | 'back' | 'help';
}

export const INBOX_SHORTCUTS: Shortcut[] = [
  { keys: ['j', '↓'], action: 'next' },
  { keys: ['k', '↑'], action: 'previous' },
  { keys: ['x'], action: 'toggle' },
  { keys: ['Enter', 'o'], action: 'open' },
  { keys: ['a'], action: 'assign' },
  { keys: ['n'], action: 'newCase' },
  { keys: ['?'], action: 'help' },
];

export const CASE_SHORTCUTS: Shortcut[] = [
  { keys: ['r'], action: 'reply' },
  { keys: ['a'], action: 'assignCase' },
  { keys: ['u'], action: 'back' },
  { keys: ['?'], action: 'help' },
];
