import type { ReactNode } from 'react';
import { navigate } from '../navigation.ts';

/** A link inside the app: a real href (copy, open in a new tab, print) and no page reload. */
export function AppLink({
  href,
  children,
  className,
  label,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  return (
    <a
      href={href}
      className={className}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(href);
        window.scrollTo(0, 0);
      }}
    >
      {children}
    </a>
  );
}
