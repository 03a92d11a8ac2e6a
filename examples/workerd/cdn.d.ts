/** The CDN bundle `cert-elements.min.js`, embedded by config.capnp as a text module. */
declare const source: string;
export default source;
