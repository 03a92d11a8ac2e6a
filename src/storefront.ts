/**
 * Entry of the storefront bundle `dist/cert-elements.min.js`: registers `<cert-status>` and
 * `<certexpress-link>` and nothing else, so a shop page loads one small file. ERP screens load
 * `dist/cert-elements-erp.min.js` (every element) or the npm modules instead. Exports what a page
 * may call: `defineStrings`, to add a language or change the elements' texts.
 */
import './elements/define-storefront.js';

export { defineStrings, type HostStrings, type Strings } from './elements/strings.js';
