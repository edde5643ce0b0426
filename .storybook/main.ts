import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  // Docs pages (MDX) first, so the guides lead the sidebar.
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Offline-safe: no telemetry, no version checks (this machine reaches only the registries).
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Stories load the default program and its recordings exactly as a clinic page would.
  staticDirs: [
    { from: '../packages/default-program', to: '/packages/default-program' },
    { from: '../content', to: '/content' },
  ],
};
export default config;
