// Open links and their stats, from the 'links' event (always the full list) and listLinks.
import { create } from 'zustand';
import type { LinkInfo } from '../../shared/contract/types';

function isLink(l: unknown): l is LinkInfo {
  return typeof l === 'object' && l !== null && typeof (l as LinkInfo).id === 'string' && typeof (l as LinkInfo).spec === 'string';
}

/** The event carries the whole list; anything malformed is dropped rather than crashing a panel. */
export function normaliseLinks(links: unknown): LinkInfo[] {
  return Array.isArray(links) ? links.filter(isLink) : [];
}

/** A link just opened by this UI shows at once, before the station's next 'links' event. */
export function upsertLink(links: readonly LinkInfo[], link: LinkInfo): LinkInfo[] {
  const i = links.findIndex((l) => l.id === link.id);
  if (i < 0) return [...links, link];
  const next = links.slice();
  next[i] = link;
  return next;
}

interface LinksState {
  links: LinkInfo[];
  replaced: (links: unknown) => void;
  upserted: (link: LinkInfo) => void;
  removed: (id: string) => void;
}

export const useLinksStore = create<LinksState>()((set) => ({
  links: [],
  replaced: (links) => set({ links: normaliseLinks(links) }),
  upserted: (link) => set((s) => ({ links: upsertLink(s.links, link) })),
  removed: (id) => set((s) => ({ links: s.links.filter((l) => l.id !== id) })),
}));

export const selectLinks = (s: LinksState): LinkInfo[] => s.links;
