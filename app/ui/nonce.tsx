import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

/** The per-request Content-Security-Policy nonce for Remix's inline scripts. */
export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
