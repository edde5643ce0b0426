import { css, html, nothing, type TemplateResult } from 'lit';
import type { SupportResource } from '../../sdk/content/types.js';

/** The words of the gentle support card (the resources are the clinic's). */
export interface SupportCardStrings {
  supportHeading: string;
  supportText: string;
  supportMore: string;
  call: (phone: string) => string;
  text: (number: string) => string;
}

export const EN_SUPPORT_CARD_STRINGS: SupportCardStrings = {
  supportHeading: 'You don’t have to carry this alone',
  supportText: 'Things may feel hard right now. If you would like to talk to someone, these are here for you.',
  supportMore: 'All support options',
  call: (phone) => `Call ${phone}`,
  text: (number) => `Text ${number}`,
};

/**
 * A calm card with the clinic's resources, shown after a questionnaire answer at the clinic's
 * threshold or saved words from its list (docs/measures.md). It blocks nothing and says the same
 * whatever led to it. `urgent` makes it an alert (read out at once).
 */
export function renderSupportCard(resources: readonly SupportResource[], s: SupportCardStrings, openSupport: (() => void) | undefined, urgent = false): TemplateResult {
  const digits = (n: string) => n.replace(/[^+0-9]/g, '');
  return html`<div class="support-card" part="support-card" aria-label=${s.supportHeading} role=${urgent ? 'alert' : 'group'}>
    <p class="support-card-title"><strong>${s.supportHeading}</strong></p>
    <p>${s.supportText}</p>
    ${resources.length
      ? html`<ul class="support-card-list">
          ${resources.map(
            (r) => html`<li>
              <span class="support-card-label">${r.label}</span>
              ${r.phone ? html`<a class="button" href="tel:${digits(r.phone)}">${s.call(r.phone)}</a>` : nothing}
              ${r.text ? html`<a class="button secondary" href="sms:${digits(r.text)}">${s.text(r.text)}</a>` : nothing}
            </li>`,
          )}
        </ul>`
      : nothing}
    ${openSupport ? html`<button type="button" class="button secondary" part="support-card-more" @click=${openSupport}>${s.supportMore}</button>` : nothing}
  </div>`;
}

export const supportCardStyles = css`
  .support-card {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border-radius: var(--_radius-sm);
    border-inline-start: 4px solid var(--_color-accent);
    background: var(--_color-surface);
  }
  .support-card > * {
    margin: 0;
  }
  .support-card-list {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
  }
  .support-card-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .support-card-label {
    font-weight: 600;
    flex: 1 1 192px;
  }
`;
