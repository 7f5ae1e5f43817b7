/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with WASM / native parts: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'esbuild', 'mdx-bundler', '@aws-cdk/aws-service-spec'],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
