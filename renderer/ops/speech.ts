// Alerts spoken in the UI language: a crew looking out of the window still hears "battery low".
// Critical alerts interrupt what is being said; warnings queue behind it.
import type { OpsAlert } from '../../shared/contract/ops-types';
import type { Language } from '../i18n/translate';

export function speakAlert(alert: OpsAlert, language: Language): boolean {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return false;
  // A burst (twenty drones lifting off side by side) must not queue a minute of speech: warnings
  // wait only behind one other utterance; the list on screen still has every alert.
  if (alert.severity !== 'critical' && speechSynthesis.pending) return false;
  const zh = language === 'zh-CN';
  const u = new SpeechSynthesisUtterance(zh ? alert.message.zh : alert.message.en);
  u.lang = zh ? 'zh-CN' : 'en-US';
  const voice = speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith(zh ? 'zh' : 'en'));
  if (voice) u.voice = voice;
  if (alert.severity === 'critical') speechSynthesis.cancel();
  speechSynthesis.speak(u);
  return true;
}
