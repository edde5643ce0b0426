/** One way for every test to look inside an element's shadow root. */

function rootOf(el: Element | ShadowRoot): ParentNode {
  return el instanceof ShadowRoot ? el : (el.shadowRoot ?? el);
}

/** The first match inside `el`'s shadow root; throws, naming the selector and element, when there is none. */
export function $<T extends Element = HTMLElement>(el: Element | ShadowRoot, selector: string): T {
  const found = rootOf(el).querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector} in ${el instanceof ShadowRoot ? 'a shadow root' : `<${el.localName}>`}`);
  return found;
}

/** Every match inside `el`'s shadow root. */
export function $$<T extends Element = HTMLElement>(el: Element | ShadowRoot, selector: string): T[] {
  return [...rootOf(el).querySelectorAll<T>(selector)];
}

/** The first match, or null. */
export function maybe<T extends Element = HTMLElement>(el: Element | ShadowRoot, selector: string): T | null {
  return rootOf(el).querySelector<T>(selector);
}

/** The element with `part` among its parts (e.g. `part(player, 'controls')`), or null. */
export function part<T extends Element = HTMLElement>(el: Element | ShadowRoot, name: string): T | null {
  return rootOf(el).querySelector<T>(`[part~='${name}']`);
}

/** Text with runs of white space collapsed, as a person reads it. */
export function text(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The button whose text contains `label` (or matches it); throws when there is none. */
export function button(el: Element | ShadowRoot, label: string | RegExp): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => (typeof label === 'string' ? text(b).includes(label) : label.test(text(b))));
  if (!found) throw new Error(`no button "${String(label)}"`);
  return found;
}
