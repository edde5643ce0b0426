import type { ArgTypes, ArgTypesEnhancer, InputType } from 'storybook/internal/types';

/** The parts of custom-elements.json (schema 2.x) these tables read. */
interface Described {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  attribute?: string;
  readonly?: boolean;
  static?: boolean;
  parameters?: Described[];
  return?: { type?: { text: string } };
}
interface Declaration extends Described {
  tagName?: string;
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** Rows that document the element's styling and wiring: read in the table, never set from a control. */
export const DOCUMENTATION_ONLY = ['css shadow parts', 'css custom properties', 'events', 'slots', 'methods'] as const;

const declarationOf = (manifest: Manifest, tag: string): Declaration | undefined =>
  manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

const docRow = (key: string, item: Described, category: (typeof DOCUMENTATION_ONLY)[number], typeText?: string): [string, InputType] => [
  key,
  {
    name: key,
    description: item.description ?? '',
    control: false,
    table: { category, ...(typeText ? { type: { summary: typeText } } : {}), ...(item.default ? { defaultValue: { summary: item.default } } : {}) },
  },
];

/** A control only where a designer can type or pick a value; objects and callbacks are documented, not edited. */
function propertyRow(member: Member): [string, InputType] {
  const text = member.type?.text ?? '';
  const plain = text.replace(/\s*\|\s*(null|undefined)\b/g, '').trim();
  const literals = plain.split('|').map((s) => s.trim());
  const options = literals.every((s) => /^'[^']*'$/.test(s)) ? literals.map((s) => s.slice(1, -1)) : null;
  const type: InputType['type'] =
    member.readonly ? undefined
    : plain === 'boolean' ? { name: 'boolean' }
    : plain === 'number' ? { name: 'number' }
    : plain === 'string' ? { name: 'string' }
    : options ? { name: 'enum', value: options }
    : undefined;
  const where = member.attribute ? `Attribute \`${member.attribute}\`.` : member.readonly ? 'Read-only property.' : 'Property only (set it from JavaScript).';
  return [
    member.name,
    {
      name: member.name,
      description: `${member.description ?? ''}\n\n${where}`.trim(),
      ...(type ? { type } : { control: false }),
      table: { category: 'properties', type: { summary: text }, ...(member.default ? { defaultValue: { summary: member.default } } : {}) },
    },
  ];
}

/**
 * Argument tables from the manifest, one row per public property (its attribute named in the row),
 * method, event, slot, CSS part and CSS custom property. Parts are keyed `::part(name)`, as a page's
 * stylesheet writes them, so a part never hides a property of the same name (`title`, `prompt`).
 */
export function argTypesFromManifest(manifest: Manifest, tag: string): ArgTypes | null {
  const d = declarationOf(manifest, tag);
  if (!d) return null;
  const members = (d.members ?? []).filter((m) => !m.static);
  return Object.fromEntries([
    ...members.filter((m) => m.kind === 'field').map(propertyRow),
    ...members.filter((m) => m.kind === 'method').map((m) => docRow(`${m.name}()`, m, 'methods', `(${(m.parameters ?? []).map((p) => `${p.name}: ${p.type?.text ?? 'unknown'}`).join(', ')}) => ${m.return?.type?.text ?? 'void'}`)),
    ...(d.events ?? []).map((e) => docRow(e.name, e, 'events', e.type?.text)),
    ...(d.slots ?? []).map((s) => docRow(s.name ? `slot="${s.name}"` : '(default slot)', s, 'slots')),
    ...(d.cssParts ?? []).map((p) => docRow(`::part(${p.name})`, p, 'css shadow parts')),
    ...(d.cssProperties ?? []).map((p) => docRow(p.name, p, 'css custom properties', 'CSS value')),
  ]);
}

/** The element's summary and description, from its JSDoc header. */
export function descriptionFromManifest(manifest: Manifest, tag: string): string {
  const d = declarationOf(manifest, tag);
  return d ? [d.summary, d.description].filter(Boolean).join('\n\n') : '';
}

/**
 * Also for rows a story adds itself: anything in a documentation-only category gets no control,
 * so the panel never offers "Set object" for a part or a custom property.
 */
export const documentationOnly: ArgTypesEnhancer = (context) =>
  Object.fromEntries(
    Object.entries(context.argTypes).map(([key, argType]) => [
      key,
      (DOCUMENTATION_ONLY as readonly string[]).includes(String(argType.table?.category)) ? { ...argType, control: false as const } : argType,
    ]),
  );

/** Properties of `tag` a control may set: public, writable fields. */
export function settableProperties(manifest: Manifest, tag: string): Set<string> {
  const d = declarationOf(manifest, tag);
  return new Set((d?.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly).map((m) => m.name));
}
