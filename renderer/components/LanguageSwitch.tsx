// One button: the UI has two languages, so a click switches to the other. It names the target
// language in that language, so someone who cannot read the current one can still find it.
import { useT } from '../i18n/useT';
import { LANGUAGES, type MessageKey } from '../i18n/translate';
import { useLanguageStore } from '../stores/language';

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const setLanguage = useLanguageStore((s) => s.setLanguage);
  const other = LANGUAGES.find((l) => l !== language) ?? language;
  return (
    <button
      type="button"
      className="btn btn-ghost"
      data-testid="lang-switch"
      title={t('lang.switch')}
      aria-label={`${t('lang.switch')}: ${t(`lang.name.${other}` as MessageKey)}`}
      onClick={() => setLanguage(other)}
    >
      {t(`lang.name.${other}` as MessageKey)}
    </button>
  );
}
