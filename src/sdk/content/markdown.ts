import { isSafeUrl } from './urls.js';

/**
 * The markdown subset program text may use: `#` headings, paragraphs, `*emphasis*`,
 * `**strong**`, `-` and `1.` lists, `>` quotes and `[links](https://…)`. Everything else stays
 * literal text. The result is a tree of plain data: renderers turn it into templates, never HTML strings.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em' | 'strong'; children: Inline[] }
  /** `href` is `null` when the link's URL is not allowed: render the text alone. */
  | { type: 'link'; href: string | null; children: Inline[] };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Block[] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
// `(url)`, allowing one level of balanced parentheses inside the URL.
const LINK_TARGET = String.raw`\(\s*((?:[^()\s]|\([^()\s]*\))+)\s*\)`;
// Link text holds no brackets, so finding links stays linear in the text: `[[[[…` never rescans.
const LINK_TEXT = String.raw`\[([^\[\]]+)\]`;
// Sticky (`y`) patterns match at `lastIndex`: no copy of the rest of the text per character.
const STRONG = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/y;
const EM = /([*_])(?=\S)([\s\S]*?\S)\1(?![*_])/y;
const LINK = new RegExp(`${LINK_TEXT}${LINK_TARGET}`, 'y');
/**
 * Quotes in quotes, and emphasis in emphasis, nest at most this deep; deeper markers stay
 * literal text. Program text is limited in length, and this keeps a hostile `> > > …` or
 * `*_*_…` from costing a call per character.
 */
const MAX_NESTING = 8;

export function parseMarkdown(source: string, depth = 0): Block[] {
  const lines = String(source ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, children: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (depth < MAX_NESTING && QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ type: 'quote', children: parseMarkdown(inner.join('\n'), depth + 1) });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      const marker = ordered ? NUMBERED : BULLET;
      const items: string[] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const item = marker.exec(current);
        if (item) items.push(item[1]!);
        else if (/^\s{2,}\S/.test(current) && items.length) items[items.length - 1] += ` ${current.trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: 'list', ordered, items: items.map((t) => parseInline(t.trim())) });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const current = lines[i]!;
      if (current.trim() === '' || HEADING.test(current) || (depth < MAX_NESTING && QUOTE.test(current)) || BULLET.test(current) || NUMBERED.test(current)) break;
      para.push(current.trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

export function parseInline(text: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  // Once a delimiter has no closer after some point it has none after any later point either,
  // so it is not searched for again: `**a **a **a …` costs one scan, not one per marker.
  const unclosed = new Set<string>();
  const nested = depth < MAX_NESTING;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (nested && (c === '*' || c === '_')) {
      const pair = text.startsWith(c + c, i) ? c + c : '';
      if (pair && !unclosed.has(pair)) {
        STRONG.lastIndex = i;
        const strong = STRONG.exec(text);
        if (strong) {
          flush();
          out.push({ type: 'strong', children: parseInline(strong[2]!, depth + 1) });
          i += strong[0].length;
          continue;
        }
        if (/\S/.test(text[i + 2] ?? '')) unclosed.add(pair);
      }
      if (!unclosed.has(c)) {
        EM.lastIndex = i;
        const em = EM.exec(text);
        if (em && (c === '*' || !/\w/.test(text[i - 1] ?? ''))) {
          flush();
          out.push({ type: 'em', children: parseInline(em[2]!, depth + 1) });
          i += em[0].length;
          continue;
        }
        if (!em && /\S/.test(text[i + 1] ?? '')) unclosed.add(c);
      }
    }
    if (c === '[') {
      LINK.lastIndex = i;
      const link = LINK.exec(text);
      if (link) {
        flush();
        const href = link[2]!;
        out.push({ type: 'link', href: isSafeUrl(href) ? href : null, children: nested ? parseInline(link[1]!, depth + 1) : [{ type: 'text', text: link[1]! }] });
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

/** Every link target in a markdown text, allowed or not (for validation). Linear in the text's length. */
export function markdownLinks(source: string): string[] {
  return [...String(source ?? '').matchAll(new RegExp(`${LINK_TEXT}${LINK_TARGET}`, 'g'))].map((m) => m[2]!);
}
/** The plain words of a markdown text (for counting and search). */
export function markdownText(source: string): string {
  const walkInline = (nodes: Inline[]): string => nodes.map((n) => (n.type === 'text' ? n.text : walkInline(n.children))).join('');
  const walk = (blocks: Block[]): string =>
    blocks
      .map((b) => (b.type === 'list' ? b.items.map(walkInline).join('\n') : b.type === 'quote' ? walk(b.children) : walkInline(b.children)))
      .join('\n\n');
  return walk(parseMarkdown(source));
}
