import type { ReactNode } from 'react';

/** A numbered list of lab steps; each step's id is the anchor checks link to (`#open-app`). */
export function Steps({ children }: { children: ReactNode }) {
  return <ol className="my-6 list-none space-y-8 pl-0 [counter-reset:step]">{children}</ol>;
}

export function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <li id={id} className="relative scroll-mt-20 pl-12 [counter-increment:step]">
      <span
        aria-hidden="true"
        className="absolute top-0 left-0 flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-sm font-bold text-white before:content-[counter(step)]"
      />
      <h3 className="mt-0! mb-2 text-lg font-semibold">
        <a href={`#${id}`} className="no-underline! text-inherit! hover:underline!">
          {title}
        </a>
      </h3>
      <div>{children}</div>
    </li>
  );
}
