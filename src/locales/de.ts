import type { LocaleCatalog } from './registry.js';

const catalog: LocaleCatalog = {};
export default catalog;
