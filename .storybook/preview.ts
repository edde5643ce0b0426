import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import { argTypesFromManifest, descriptionFromManifest, documentationOnly, settableProperties, type Manifest } from './arg-types.js';
import { ElementDocsPage } from './docs-page.js';

// Argument tables come from the elements' JSDoc via the generated manifest.
setCustomElementsManifest(manifest);

const TAGS = 'compassion-program, compassion-course, meditation-player, reflection-journal';

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour scheme of the elements',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'system', title: 'System' }, { value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    direction: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'LTR' }, { value: 'rtl', title: 'RTL' }], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'system', direction: 'ltr' },
  argTypesEnhancers: [documentationOnly],
  parameters: {
    controls: { expanded: true },
    docs: {
      extractArgTypes: (tag: string) => argTypesFromManifest(manifest as Manifest, tag),
      extractComponentDescription: (tag: string) => descriptionFromManifest(manifest as Manifest, tag),
      page: ElementDocsPage,
      toc: true,
    },
    a11y: { test: 'error' },
    layout: 'padded',
  },
  decorators: [
    (story, context) => {
      const theme = context.globals.theme as string;
      const dir = (context.parameters.direction as string | undefined) ?? (context.globals.direction as string);
      // A docs page is a light, left-to-right document around its examples; only a story's own canvas follows the toolbar.
      if (context.viewMode !== 'docs') {
        document.documentElement.dir = dir;
        const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
        document.body.classList.toggle('ck-story-dark', dark);
      }
      // A control the designer changed reaches the story's element even when the story's own
      // template does not read that arg; args still at their story's value are left alone, so a
      // story that sets an attribute itself keeps it.
      const tag = typeof context.component === 'string' ? context.component : '';
      const settable = tag ? settableProperties(manifest as Manifest, tag) : new Set<string>();
      const changed = Object.entries(context.args).filter(([key, v]) => settable.has(key) && v !== context.initialArgs[key]);
      // The elements read their theme from their own attribute; apply the toolbar choice to each.
      requestAnimationFrame(() => {
        for (const el of document.querySelectorAll(TAGS)) {
          if (theme === 'system') el.removeAttribute('theme');
          else el.setAttribute('theme', theme);
        }
        const el = changed.length ? document.querySelector(tag) : null;
        if (el) for (const [key, v] of changed) Reflect.set(el, key, v);
      });
      return html`${story()}`;
    },
  ],
};

export default preview;
