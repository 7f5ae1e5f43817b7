import type { BrowserContext } from 'playwright-core';

/** The e2e suite's one instructor (instructor.e2e.ts and accessibility.e2e.ts share the server and its store). */
export const E2E_INSTRUCTOR = { email: 'lead@example.com', password: 'a long workshop password' };

/**
 * Sign `ctx` in as the e2e instructor: first-run setup when the server has no instructor yet, the sign-in form
 * otherwise (another e2e file set it up). Says which it was.
 */
export async function signInInstructor(ctx: BrowserContext, baseUrl: string): Promise<'setup' | 'login' | 'signed-in'> {
  const page = await ctx.newPage();
  await page.goto(`${baseUrl}/en/instructor`);
  const path = new URL(page.url()).pathname;
  if (path === '/en/instructor') {
    await page.close();
    return 'signed-in';
  }
  const firstRun = path === '/en/instructor/setup';
  await page.getByLabel('Email').fill(E2E_INSTRUCTOR.email);
  await page.getByLabel('Password').fill(E2E_INSTRUCTOR.password);
  await page.getByRole('button', { name: firstRun ? 'Create instructor' : 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/en/instructor`);
  await page.close();
  return firstRun ? 'setup' : 'login';
}
