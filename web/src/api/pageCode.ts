/**
 * A page's code, loaded once on first use, and known to be there once it is: `loaded()` gives
 * the module synchronously from then on, so the first render can draw the page at once instead
 * of suspending (components/lazyPage.tsx). No React here: main.tsx starts the projection's code
 * through it before React's code has run (openingRead.ts).
 */
export interface PageCode<M> {
  /** Starts the loading, or joins the one under way; resolves to the module. */
  load(): Promise<M>;
  /** The module once it has loaded, else null. */
  loaded(): M | null;
}

export function pageCode<M>(importer: () => Promise<M>): PageCode<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    load: () => {
      loading ??= importer().then((m) => {
        module = m;
        return m;
      });
      return loading;
    },
    loaded: () => module,
  };
}
