/**
 * The ERP demo pages' sign-in: both screens are for sales staff only. Without a staff session
 * they show a short note with a button that signs in as the demo salesperson, and the elements
 * are never put on the page (so they make no request).
 */

type Session = { signedIn: false } | { signedIn: true; role: 'staff'; name: string } | { signedIn: true; role: 'buyer'; name: string };

export const TOKEN_ENDPOINT = '/cert-api/token';

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

/** GET/POST JSON to the demo backend, bounded by a timeout like every network wait. */
export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Resolves with the salesperson's name when a staff session exists; otherwise shows the gate
 * (`#staff-gate`, with its `#staff-sign-in` button) and resolves with null.
 */
export async function requireStaff(): Promise<string | null> {
  const session = await getJson<Session>('/demo-api/session');
  const signOut = byId<HTMLButtonElement>('sign-out');
  if (session.signedIn && session.role === 'staff') {
    byId('user').textContent = session.name;
    signOut.hidden = false;
    signOut.addEventListener('click', () => void getJson('/demo-api/session', { method: 'DELETE' }).then(() => location.reload()));
    return session.name;
  }
  const gate = byId('staff-gate');
  gate.hidden = false;
  if (session.signedIn) byId('gate-who').textContent = `You are signed in as the buyer ${session.name}. `;
  byId<HTMLButtonElement>('staff-sign-in').addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLButtonElement;
    button.disabled = true;
    // A new identity means new tokens: reload so nothing keeps the previous session's.
    void getJson('/demo-api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'staff' }) })
      .then(() => location.reload())
      .catch((error: unknown) => {
        button.disabled = false;
        showProblem(`Signing in failed: ${String(error)}`);
      });
  });
  return null;
}

/** Puts the page's `<template id="workspace">` into `#main`. */
export function mountWorkspace(prepare?: (workspace: DocumentFragment) => void): void {
  const template = byId<HTMLTemplateElement>('workspace');
  const workspace = template.content.cloneNode(true) as DocumentFragment;
  prepare?.(workspace);
  byId('main').append(workspace);
}

/** A problem of the page itself (not of an element), said once in an alert. */
export function showProblem(message: string): void {
  byId('main').prepend(Object.assign(document.createElement('p'), { className: 'erp-problem', role: 'alert', textContent: message }));
}
