/** An AWS account id as a roster shows it: enough to tell learners apart, not enough to target the account. */
export function maskAccountId(accountId: string): string {
  const digits = accountId.replace(/\D/g, '');
  if (digits.length < 4) return '••••';
  return `••••••••${digits.slice(-4)}`;
}
