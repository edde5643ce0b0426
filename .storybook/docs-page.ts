import { AnchorMdx, Controls, Description, DocsContext, Heading, Markdown, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { createElement as h, useContext, type ReactElement } from 'react';

const NOTE =
  'Each state opens on its own canvas: states that keep data on the device (entries, progress, a kept recording) would mix if they were drawn together on this page.';

/**
 * An element's docs page: its JSDoc summary, the first story with the argument table (properties,
 * methods, events, slots, CSS parts and custom properties), then an index of its states.
 */
export function ElementDocsPage(): ReactElement {
  const context = useContext(DocsContext);
  const stories = context.componentStories();
  return h(
    'div',
    null,
    h(Title),
    h(Subtitle),
    h(Description),
    h(Primary),
    h(Heading, null, 'API: properties, events, CSS parts and custom properties'),
    h(Controls),
    h(Heading, null, 'States'),
    h('p', null, NOTE),
    h(
      'ul',
      null,
      stories.map((story) => {
        const text = (story.parameters.docs as { description?: { story?: string } } | undefined)?.description?.story;
        return h(
          'li',
          { key: story.id },
          // As in the MDX pages: a `?path=` link opens the story in the catalogue without reloading it.
          h(AnchorMdx, { href: `?path=/story/${story.id}`, target: '_self' }, story.name),
          text ? h(Markdown, null, text) : null,
        );
      }),
    ),
  );
}
