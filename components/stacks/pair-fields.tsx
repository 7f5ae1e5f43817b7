'use client';

import type { Translate } from '@/lib/i18n/messages';

/** What the page knows of stage 06's pair: the regions and the secondary stack as it is now. */
export interface PairProps {
  primaryRegion: string;
  /** The learner's second region: their last pair's, else the default for the lab region. */
  secondRegion: string;
  /** The regions the account can take the pair in (the sandbox's, or every default-enabled region). */
  choices: string[];
  /** The sandbox makes a hosted zone for the failover records (its domain); a real account may name its own. */
  sandboxDomain?: string;
  secondary: {
    status: string | null;
    outputs: { key: string; value: string; description: string | null }[];
    createdAt: string | null;
    operationStartedAt?: string | null;
  };
}

/** The second region (and, on a real account, the hosted zone): labelled controls, usable from the keyboard. */
export function PairFields({
  pair,
  secondRegion,
  onSecondRegion,
  hostedZoneId,
  onHostedZoneId,
  fixed,
  disabled,
  t,
}: {
  pair: PairProps;
  secondRegion: string;
  onSecondRegion: (region: string) => void;
  hostedZoneId: string;
  onHostedZoneId: (id: string) => void;
  /** A secondary stack runs: the region stays until the pair is deleted. */
  fixed: boolean;
  disabled: boolean;
  t: Translate;
}) {
  return (
    <fieldset className="mt-3 rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700" data-pair>
      <legend className="px-1 font-semibold">{t('stack.pair.title')}</legend>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('stack.pair.lead', { primary: pair.primaryRegion })}
      </p>
      <label htmlFor="second-region" className="mt-2 block font-medium">
        {t('stack.pair.secondRegion')}
      </label>
      <select
        id="second-region"
        name="secondRegion"
        value={secondRegion}
        onChange={(e) => onSecondRegion(e.target.value)}
        disabled={disabled || fixed}
        aria-describedby={fixed ? 'second-region-fixed' : undefined}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900"
      >
        {[...new Set([secondRegion, ...pair.choices])].map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {fixed && (
        <p id="second-region-fixed" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {t('stack.pair.regionFixed', { region: secondRegion })}
        </p>
      )}
      {pair.sandboxDomain ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {t('stack.pair.hostedZoneSandbox', { domain: pair.sandboxDomain })}
        </p>
      ) : (
        <>
          <label htmlFor="hosted-zone-id" className="mt-2 block font-medium">
            {t('stack.pair.hostedZone')}
          </label>
          <input
            id="hosted-zone-id"
            name="hostedZoneId"
            value={hostedZoneId}
            onChange={(e) => onHostedZoneId(e.target.value)}
            disabled={disabled}
            placeholder="Z0123456789ABCDEFGHIJ"
            aria-describedby="hosted-zone-hint"
            autoComplete="off"
            spellCheck={false}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:bg-slate-900"
          />
          <p id="hosted-zone-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {t('stack.pair.hostedZoneHint')}
          </p>
        </>
      )}
    </fieldset>
  );
}
