import { z } from 'zod';

/** What an instructor types to sign up or sign in: validated at every boundary (server actions, the CLI). */
export const instructorEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const newPassword = z.string().min(12, 'password-too-short').max(256);

export const credentials = z.object({
  email: instructorEmail,
  password: z.string().min(1).max(256),
});

export const newInstructor = z.object({
  email: instructorEmail,
  password: newPassword,
});

export type Credentials = z.infer<typeof credentials>;
