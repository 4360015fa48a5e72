// Types for proxy-from-env (axios's own choice for HTTP(S)_PROXY/NO_PROXY), which ships none.
declare module 'proxy-from-env' {
  /** The proxy URL for `url` from the environment, or '' when none applies (NO_PROXY included). */
  export function getProxyForUrl(url: string | URL): string;
}
