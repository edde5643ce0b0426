import { html, type TemplateResult } from 'lit';
import { localMidnight, type WeekStatus } from '../../../sdk/content/unlock.js';
import type { Program } from '../../../sdk/content/types.js';
import type { StorageMode } from '../../../sdk/store/backend.js';
import type { CourseOverviewStrings } from '../strings.js';

/** A date as the participant reads it, in the program's language (the browser's when that fails). */
export function formatDate(date: Date, locale: string, now: Date | null, withWeekday = true): string {
  const sameYear = date.getFullYear() === (now ?? new Date()).getFullYear();
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', ...(withWeekday ? { weekday: 'long' } : {}), ...(sameYear ? {} : { year: 'numeric' }) };
  try {
    return new Intl.DateTimeFormat(locale, options).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(date);
  }
}

/** Why a week is locked: its opening day, the week to finish first, or the group's start. */
export function lockedReason(s: CourseOverviewStrings, status: WeekStatus, program: Program, now: Date | null, lang = program.locale): string {
  if (status.opensAt) return s.opensOn(formatDate(status.opensAt, lang, now));
  if (program.unlock.policy === 'sequential') return s.opensAfter(status.week.number - 1);
  return s.opensWhenGroupStarts;
}

export function validDate(value: string): boolean {
  const d = localMidnight(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return d !== undefined && m !== null && d.getDate() === Number(m[3]) && d.getMonth() === Number(m[2]) - 1;
}

export function firstOpenNumber(statuses: WeekStatus[]): number {
  return (statuses.find((st) => st.state !== 'locked') ?? statuses[0])?.week.number ?? 1;
}

/** A link styled as a button; one to another site opens in a new tab and says so. */
export function externalLink(href: string, label: string, part: string, newTabText: string): TemplateResult {
  const external = href.startsWith('https:') && new URL(href).origin !== location.origin;
  return external
    ? html`<a class="button" part=${part} href=${href} target="_blank" rel="noopener noreferrer">${label}<span class="visually-hidden"> ${newTabText}</span></a>`
    : html`<a class="button" part=${part} href=${href}>${label}</a>`;
}

/** The `<compassion-program>` enclosing the element (across shadow roots), if any: it shows load errors itself. */
export function enclosingProvider(el: Element): (Element & { storage?: StorageMode }) | undefined {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'compassion-program') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return undefined;
}
