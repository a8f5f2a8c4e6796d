import type { ReactNode } from "react";
import { CloseIcon, MenuIcon } from "@/lib/ui/components/icons";
import { MenuDetails } from "./menu-details";

/**
 * The header's navigation below `md`: a native `<details>` disclosure, so it opens without
 * JavaScript and the browser reports it as expanded or collapsed; with JavaScript, Escape and a click
 * outside close it too (MenuDetails). `quickLinks` stay in the top bar; the panel drops over the page
 * below the header (the header is its positioned ancestor).
 */
export function MobileMenu({
  navLabel,
  menuLabel,
  quickLinks,
  children,
}: {
  navLabel: string;
  menuLabel: string;
  quickLinks?: ReactNode;
  children: ReactNode;
}) {
  return (
    <nav aria-label={navLabel} className="ms-auto flex items-center gap-1 md:hidden">
      {quickLinks ? <ul className="flex items-center">{quickLinks}</ul> : null}
      <MenuDetails className="group">
        <summary className="inline-flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded border border-brand px-2 font-semibold text-brand [&::-webkit-details-marker]:hidden">
          <MenuIcon className="size-5 group-open:hidden" />
          <CloseIcon className="hidden size-5 group-open:block" />
          {/* Narrower than 384 px the name is for screen readers only, so the bar stays one row. */}
          <span className="max-[24rem]:sr-only">{menuLabel}</span>
        </summary>
        <div className="absolute inset-x-0 top-full z-40 border-b border-gray-300 bg-white px-2 py-2 shadow-lg">
          {children}
        </div>
      </MenuDetails>
    </nav>
  );
}
