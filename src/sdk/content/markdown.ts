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

export function parseMarkdown(source: string): Block[] {
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
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ type: 'quote', children: parseMarkdown(inner.join('\n')) });
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
      if (current.trim() === '' || HEADING.test(current) || QUOTE.test(current) || BULLET.test(current) || NUMBERED.test(current)) break;
      para.push(current.trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      flush();
      out.push({ type: 'strong', children: parseInline(strong[2]!) });
      i += strong[0].length;
      continue;
    }
    const em = /^([*_])(?=\S)([\s\S]*?\S)\1(?![*_])/.exec(rest);
    if (em && (em[1] === '*' || !/\w/.test(text[i - 1] ?? ''))) {
      flush();
      out.push({ type: 'em', children: parseInline(em[2]!) });
      i += em[0].length;
      continue;
    }
    const link = new RegExp(`^\\[([^\\]]+)\\]${LINK_TARGET}`).exec(rest);
    if (link) {
      flush();
      const href = link[2]!;
      out.push({ type: 'link', href: isSafeUrl(href) ? href : null, children: parseInline(link[1]!) });
      i += link[0].length;
      continue;
    }
    plain += text[i];
    i++;
  }
  flush();
  return out;
}

/** Every link target in a markdown text, allowed or not (for validation). */
export function markdownLinks(source: string): string[] {
  return [...String(source ?? '').matchAll(new RegExp(`\\[[^\\]]+\\]${LINK_TARGET}`, 'g'))].map((m) => m[1]!);
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
