/**
 * Entry of the storefront bundle `dist/cert-elements.min.js`: registers `<cert-status>` and
 * `<certexpress-link>` and nothing else, so a shop page loads one small file. ERP screens load
 * `dist/cert-elements-erp.min.js` (every element) or the npm modules instead.
 */
import './elements/define-storefront.js';
