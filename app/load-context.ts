declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** The client's address as the server saw it, for rate limiting sign-in. */
    clientAddress: string;
  }
}

export {};
