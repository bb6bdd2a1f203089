// The UI language: chosen once from the browser's preferences, then by the pilot (remembered).
import { create } from 'zustand';
import { isLanguage, pickLanguage, translate, type Language } from '../i18n/translate';

export const LANGUAGE_STORAGE_KEY = 'gcs.language';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage can be disabled (privacy settings); the choice then lasts for the session
  }
}

export function initialLanguage(saved: string | null, preferred: readonly string[] | undefined): Language {
  return isLanguage(saved) ? saved : pickLanguage(preferred);
}

/** The document follows the language: lang drives CJK font choice and screen readers. */
function applyToDocument(language: Language): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = language;
  document.title = translate(language, 'app.name');
}

function readInitial(): Language {
  let saved: string | null = null;
  try {
    saved = storage()?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    saved = null;
  }
  const preferred = typeof navigator === 'undefined' ? undefined : navigator.languages ?? [navigator.language];
  return initialLanguage(saved, preferred);
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: readInitial(),
  setLanguage: (language) => {
    if (!isLanguage(language)) return;
    try {
      storage()?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // quota or disabled storage: keep the choice in memory only
    }
    applyToDocument(language);
    set({ language });
  },
}));

applyToDocument(useLanguageStore.getState().language);

export const selectLanguage = (s: LanguageState): Language => s.language;
