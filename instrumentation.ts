/**
 * Next.js calls `register` once when a server instance starts (the `instrumentation` file convention). On the
 * Node.js runtime ScaleLab opens its store there, resumes the jobs a stopped server left, and installs the clean
 * shutdown and rolling backups of the embedded store (lib/jobs/site.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startSite } = await import('@/lib/jobs/site');
    await startSite();
  }
}
