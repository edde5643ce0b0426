import { html, nothing, type TemplateResult } from 'lit';
import { parseMarkdown, type Block, type Inline } from '../../sdk/content/markdown.js';
import { resolveContentUrl } from '../../sdk/content/urls.js';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface MarkdownOptions {
  /** Heading level that `#` maps to (default 3); `##` and `###` go one and two deeper, never past 6. Keeps the element's outline correct. */
  headingLevel?: HeadingLevel;
  /** Base for relative links (the program file's URL). */
  baseUrl?: string;
  /** Words read to screen-reader users after a link that opens in a new tab (default "(opens in a new tab)"). */
  newTabText?: string;
}

/**
 * Renders the program's markdown subset as Lit templates: text only ever reaches text bindings,
 * and links are checked (https, mailto, tel, relative) before they become an href (S2). A link
 * whose URL is not allowed keeps its words as plain text; everything the subset does not know
 * stays literal text.
 */
export function renderMarkdown(source: string | undefined, options: MarkdownOptions = {}): TemplateResult | typeof nothing {
  if (!source) return nothing;
  return html`${parseMarkdown(source).map((b) => block(b, options))}`;
}

function block(b: Block, o: MarkdownOptions): TemplateResult {
  switch (b.type) {
    case 'heading': {
      const level = Math.min(6, (o.headingLevel ?? 3) + b.level - 1);
      const content = inline(b.children, o);
      // Tag names cannot be bound in Lit templates, so each level is written out.
      if (level <= 2) return html`<h2>${content}</h2>`;
      if (level === 3) return html`<h3>${content}</h3>`;
      if (level === 4) return html`<h4>${content}</h4>`;
      if (level === 5) return html`<h5>${content}</h5>`;
      return html`<h6>${content}</h6>`;
    }
    case 'paragraph':
      return html`<p>${inline(b.children, o)}</p>`;
    case 'list':
      return b.ordered
        ? html`<ol>${b.items.map((item) => html`<li>${inline(item, o)}</li>`)}</ol>`
        : html`<ul>${b.items.map((item) => html`<li>${inline(item, o)}</li>`)}</ul>`;
    case 'quote':
      return html`<blockquote>${b.children.map((c) => block(c, o))}</blockquote>`;
  }
}

function inline(nodes: Inline[], o: MarkdownOptions): TemplateResult[] {
  return nodes.map((n) => {
    switch (n.type) {
      case 'text':
        return html`${n.text}`;
      case 'em':
        return html`<em>${inline(n.children, o)}</em>`;
      case 'strong':
        return html`<strong>${inline(n.children, o)}</strong>`;
      case 'link': {
        // Checked twice: the parser refused unsafe schemes, and resolving refuses them again, so a
        // program that skipped validation still cannot produce a javascript: href.
        const href = n.href === null ? undefined : resolveContentUrl(n.href, o.baseUrl);
        if (!href) return html`${inline(n.children, o)}`;
        const external = href.startsWith('https:') && new URL(href).origin !== globalThis.location?.origin;
        return external
          ? html`<a href=${href} target="_blank" rel="noopener noreferrer"
              >${inline(n.children, o)}<span class="visually-hidden"> ${o.newTabText ?? '(opens in a new tab)'}</span></a
            >`
          : html`<a href=${href}>${inline(n.children, o)}</a>`;
      }
    }
  });
}
