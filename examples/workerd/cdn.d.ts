/** The CDN bundle `cert-elements.min.js` and its `chunks/…`, by path (built into dist/cdn.js). */
declare const files: Record<string, string>;
export default files;
