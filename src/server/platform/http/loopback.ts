/**
 * Whether the TCP peer is this machine. Uses the socket, never X-Forwarded-For: a proxy on
 * the same host would make every request look local, so what hides behind this check must
 * also stay unregistered in production.
 */
export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
