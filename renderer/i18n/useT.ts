// The hook components translate with: re-renders when the UI language changes.
import { useCallback } from 'react';
import { useLanguageStore } from '../stores/language';
import { localMessage, translate, type MessageKey, type Vars } from './translate';
import type { UserMessage } from '../../shared/contract/types';

export type TFunction = (key: MessageKey, vars?: Vars) => string;

export function useT(): TFunction {
  const lang = useLanguageStore((s) => s.language);
  return useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
}

export function useLocalMessage(): (message: UserMessage) => string {
  const lang = useLanguageStore((s) => s.language);
  return useCallback((message: UserMessage) => localMessage(lang, message), [lang]);
}
