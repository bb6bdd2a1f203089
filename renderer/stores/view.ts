// Which of the app's views is on screen. Views keep their own state in their stores, so switching
// back and forth loses nothing (a half-drawn plan stays half-drawn).
import { create } from 'zustand';

export const VIEWS = ['fly', 'plan', 'replay'] as const;
export type ViewName = (typeof VIEWS)[number];

interface ViewState {
  view: ViewName;
  setView: (view: ViewName) => void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: 'fly',
  setView: (view) => set({ view }),
}));
