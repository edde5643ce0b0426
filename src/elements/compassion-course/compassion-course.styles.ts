import { css } from 'lit';

export const styles = css`
  :host {
    --_max-width: var(--compassion-course-max-width, 768px);
    --_gap: var(--compassion-course-gap, var(--_space-5));
    --_card-bg: var(--compassion-course-card-background, var(--_color-surface));
    --_card-border: var(--compassion-course-card-border, 1px solid var(--_color-border));
    --_card-radius: var(--compassion-course-card-radius, var(--_radius-lg));
    --_course-accent: var(--compassion-course-accent, var(--_color-accent));
    --_heading-font: var(--compassion-course-heading-font, var(--_font-family));
    container-type: inline-size;
    /* The course paints its own background so its text stays legible on any page, in either theme. */
    background: var(--compassion-course-background, var(--_color-bg));
    border-radius: var(--_card-radius);
  }

  .course {
    max-inline-size: var(--_max-width);
    margin-inline: auto;
    padding: var(--_space-4);
    overflow-wrap: break-word;
  }
  @container (max-width: 384px) {
    .course {
      padding: var(--_space-3);
    }
    h2 {
      font-size: var(--_font-size-xl);
    }
  }

  h2,
  h3,
  h4,
  h5,
  h6 {
    font-family: var(--_heading-font);
  }
  h2 {
    font-size: var(--_font-size-2xl);
  }
  h3 {
    font-size: var(--_font-size-lg);
  }
  h4 {
    font-size: var(--_font-size-md);
  }
  h5,
  h6 {
    font-size: var(--_font-size-md);
    margin-block: 0 var(--_space-2);
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
  }

  /* Header: clinic name at the start, support at the inline end (the same place on every widget). */
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-3);
    margin-block-end: var(--_space-4);
  }
  .brand {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    font-weight: 600;
  }
  .top .ck-support-button {
    margin-inline-start: auto;
    /* Its words take their direction from their own script, so "?" stays at the end in an RTL course. */
    unicode-bidi: plaintext;
  }

  .loading {
    color: var(--_color-text-muted);
  }
  /* Reserve the space the overview will take while the program loads (see docs/theming.md for the
     same reservation before the course's code arrives), so the host page does not jump. */
  .course.pending {
    min-block-size: var(--compassion-course-loading-block-size, 640px);
  }
  .notice,
  .error {
    margin-block: 0 var(--_space-4);
  }
  .notice > p:last-child,
  .error > p:last-child {
    margin-block-end: 0;
  }

  .view {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .view > * {
    margin-block: 0;
  }
  .view-title {
    margin: 0;
  }

  .card {
    background: var(--_card-bg);
    border: var(--_card-border);
    border-radius: var(--_card-radius);
    padding: var(--_space-4);
  }
  @container (min-width: 480px) {
    .card {
      padding: var(--_space-5);
    }
  }
  .card > :last-child {
    margin-block-end: 0;
  }

  .prose > :last-child {
    margin-block-end: 0;
  }
  .prose ul,
  .prose ol {
    margin-block: 0 var(--_space-3);
    padding-inline-start: var(--_space-5);
  }
  .prose li + li {
    margin-block-start: var(--_space-1);
  }
  .prose blockquote {
    margin: 0 0 var(--_space-3);
    padding-inline-start: var(--_space-4);
    border-inline-start: 3px solid var(--_color-border-strong);
    color: var(--_color-text-muted);
  }
  /* Overview */
  .progress {
    display: grid;
    gap: var(--_space-2);
  }
  .progress p {
    margin: 0;
  }
  .progress-week {
    font-size: var(--_font-size-lg);
    font-weight: 700;
  }
  .progress-steps {
    color: var(--_color-text-muted);
  }
  progress {
    appearance: none;
    inline-size: 100%;
    block-size: 12px;
    border: 1px solid var(--_color-border-strong);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface-alt);
    overflow: hidden;
    color: var(--_course-accent);
  }
  progress::-webkit-progress-bar {
    background: var(--_color-surface-alt);
  }
  progress::-webkit-progress-value {
    background: var(--_course-accent);
    border-radius: var(--_radius-pill);
    transition: inline-size var(--_duration-normal) var(--_easing);
  }
  progress::-moz-progress-bar {
    background: var(--_course-accent);
  }
  .continue {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-3);
    margin-block-start: var(--_space-2);
  }
  .continue-target {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
  }
  .register {
    margin: 0;
  }
  /* The overview's practice log takes no space until its code has arrived (or where it is not on the page). */
  practice-log:not(:defined) {
    display: none;
  }
  .disclaimer {
    color: var(--_color-text-muted);
    font-size: var(--_font-size-sm);
    border-inline-start: 3px solid var(--_color-border);
    padding-inline-start: var(--_space-3);
  }

  .week-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .week-row {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-3);
    inline-size: 100%;
    min-block-size: var(--_target-size);
    padding: var(--_space-3);
    border: var(--_card-border);
    border-radius: var(--_radius-md);
    background: var(--_card-bg);
    color: var(--_color-text);
    font: inherit;
    text-align: start;
    text-decoration: none;
  }
  button.week-row,
  a.week-row {
    cursor: pointer;
    transition: background-color var(--_duration-fast) var(--_easing), border-color var(--_duration-fast) var(--_easing);
  }
  button.week-row:hover,
  a.week-row:hover {
    background: var(--_color-surface-alt);
    border-color: var(--_color-border-strong);
  }
  .week-item.current .week-row {
    border-color: var(--_course-accent);
    box-shadow: inset 4px 0 0 var(--_course-accent);
  }
  .course[dir='rtl'] .week-item.current .week-row {
    box-shadow: inset -4px 0 0 var(--_course-accent);
  }
  .week-item.locked .week-row {
    background: transparent;
    color: var(--_color-text-muted);
    border-style: dashed;
  }
  .week-marker {
    flex: none;
    display: inline-grid;
    place-items: center;
    inline-size: 32px;
    block-size: 32px;
    border-radius: 50%;
    border: 2px solid var(--_color-border-strong);
    font-size: var(--_font-size-sm);
    font-weight: 700;
    line-height: 1;
  }
  .week-item.done .week-marker {
    background: var(--_course-accent);
    border-color: var(--_course-accent);
    color: var(--_color-on-accent);
  }
  .week-item.current .week-marker {
    border-color: var(--_course-accent);
    color: var(--_course-accent);
  }
  .week-text {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .week-number {
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .week-title {
    font-weight: 600;
  }
  .week-meta {
    font-size: var(--_font-size-sm);
    color: var(--_color-text-muted);
  }
  .week-item.locked .week-number,
  .week-item.locked .week-meta {
    color: inherit;
  }

  .completion {
    border-color: var(--_course-accent);
    background: var(--_color-accent-soft);
    text-align: center;
    animation: ck-course-arrive var(--_duration-slow) var(--_easing) both;
  }
  .completion h3 {
    margin-block-start: var(--_space-2);
  }
  .completion-mark {
    display: block;
    font-size: 32px;
    line-height: 1;
    color: var(--_course-accent);
  }
  @keyframes ck-course-arrive {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
    to {
      opacity: 1;
      transform: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .completion {
      animation: none;
    }
  }
`;
