/**
 * Registers `ctor` as `name` once. A second definition of the same class is a no-op; another
 * version already registered wins, with a console warning. Does nothing where there is no
 * `customElements` (server-side imports).
 */
export function define(name: string, ctor: CustomElementConstructor & { version?: string }): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) registry.define(name, ctor);
  else if (existing !== ctor && existing.version !== ctor.version) {
    console.warn(`<${name}> ${existing.version} already defined, ${ctor.version} ignored`);
  }
}
