/// <reference types="vite/client" />
// Types the four tags in templates (vue-tsc --strictTemplates checks attributes, properties, listeners).
/// <reference types="cert-elements/vue" />
