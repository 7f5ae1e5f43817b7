/** Runs once when the server starts (Next.js instrumentation hook), before any request is handled. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { recordConnections } = await import('@/lib/security/connection');
  recordConnections();
  // Not awaited: the store opens while the server gets ready; the line appears once it has.
  const { announceSetup } = await import('@/lib/instructors/announce-setup');
  void announceSetup();
}
