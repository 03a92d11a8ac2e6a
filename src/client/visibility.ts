/** Resolves when the page is visible (at once if it is, or if `signal` aborted: the caller's next step then rejects). */
export const whenVisible = (signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const check = (): void => {
      if (document.hidden && !signal?.aborted) return;
      document.removeEventListener('visibilitychange', check);
      signal?.removeEventListener('abort', check);
      resolve();
    };
    document.addEventListener('visibilitychange', check);
    signal?.addEventListener('abort', check);
    check();
  });
