import { html, type TemplateResult } from 'lit';

/**
 * A disclosure's button: `aria-expanded` and `aria-controls` name the panel it shows. The panel is
 * the caller's (a list of buttons, a form), in the flow below, so it never covers or overflows.
 */
export function disclosureButton(id: string, panel: string, open: boolean, set: (open: boolean) => void, label: unknown, classes = 'button'): TemplateResult {
  return html`<button type="button" id=${id} class="${classes} disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => set(!open)}>
    ${label}<span class="chevron" aria-hidden="true"></span>
  </button>`;
}

/** A panel's keydown handler: Escape closes it and puts focus back on its button. */
export function closeOnEscape(button: string, set: (open: boolean) => void): (e: KeyboardEvent) => void {
  return (e) => {
    // A search field clears itself on Escape first; the next Escape closes.
    const field = e.target as HTMLInputElement;
    if (e.key !== 'Escape' || e.defaultPrevented || (field.type === 'search' && field.value)) return;
    e.preventDefault();
    set(false);
    ((e.currentTarget as Element).getRootNode() as ShadowRoot).getElementById(button)?.focus();
  };
}
