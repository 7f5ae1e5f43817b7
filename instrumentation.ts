/**
 * Next.js calls `register` once when a server instance starts (the `instrumentation` file convention). On the
 * Node.js runtime ScaleLab opens its store there, resumes the jobs a stopped server left, and installs the clean
 * shutdown and rolling backups of the embedded store (lib/jobs/site.ts). It also stamps every request with its
 * connection's addresses (lib/security/connection.ts) and, while no instructor exists, prints the setup token.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    // First, so that no request is handled unstamped.
    const { recordConnections } = await import('@/lib/security/connection');
    recordConnections();
    const { startSite } = await import('@/lib/jobs/site');
    await startSite();
    const { announceSetup } = await import('@/lib/instructors/announce-setup');
    await announceSetup();
  }
}
