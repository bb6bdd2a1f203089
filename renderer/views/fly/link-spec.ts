// The connect dialog's fields as the station's link spec string, checked before it is sent so a
// typo gets a message next to the field instead of a round trip.
import { LINK_SPEC_MAX } from '../../../shared/contract/api';
import type { MessageKey } from '../../i18n/translate';

export type LinkChoice = 'udp' | 'udpout' | 'tcp' | 'serial';
export const LINK_CHOICES: readonly LinkChoice[] = ['udp', 'udpout', 'tcp', 'serial'];
export const BAUD_RATES = [57600, 115200, 921600] as const;

export interface LinkForm {
  kind: LinkChoice;
  udpListenPort: string;
  udpoutHost: string;
  udpoutPort: string;
  tcpHost: string;
  tcpPort: string;
  serialPath: string;
  baud: number;
}

/** The usual setups: MAVLink's UDP port, SITL's TCP port, telemetry radios at 57600. */
export const DEFAULT_LINK_FORM: LinkForm = {
  kind: 'udp',
  udpListenPort: '14550',
  udpoutHost: '127.0.0.1',
  udpoutPort: '14550',
  tcpHost: '127.0.0.1',
  tcpPort: '5760',
  serialPath: '',
  baud: 57600,
};

export type SpecResult = { ok: true; spec: string } | { ok: false; error: MessageKey };

function port(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 65535 ? n : null;
}

function host(text: string): string | null {
  const s = text.trim();
  // Host names and IPv4 only: the spec separates fields with ':'.
  return s.length > 0 && s.length <= 253 && /^[A-Za-z0-9._-]+$/.test(s) ? s : null;
}

export function buildLinkSpec(form: LinkForm): SpecResult {
  let spec: string;
  switch (form.kind) {
    case 'udp': {
      const p = port(form.udpListenPort);
      if (p === null) return { ok: false, error: 'connect.err.port' };
      spec = `udp:0.0.0.0:${p}`;
      break;
    }
    case 'udpout':
    case 'tcp': {
      const h = host(form.kind === 'tcp' ? form.tcpHost : form.udpoutHost);
      if (h === null) return { ok: false, error: 'connect.err.host' };
      const p = port(form.kind === 'tcp' ? form.tcpPort : form.udpoutPort);
      if (p === null) return { ok: false, error: 'connect.err.port' };
      spec = `${form.kind}:${h}:${p}`;
      break;
    }
    case 'serial': {
      const path = form.serialPath.trim();
      if (path.length === 0 || /\s/.test(path)) return { ok: false, error: 'connect.err.serialPort' };
      if (!(BAUD_RATES as readonly number[]).includes(form.baud)) return { ok: false, error: 'connect.err.baud' };
      spec = `serial:${path}:${form.baud}`;
      break;
    }
    default:
      return { ok: false, error: 'connect.err.port' };
  }
  if (spec.length > LINK_SPEC_MAX) return { ok: false, error: form.kind === 'serial' ? 'connect.err.serialPort' : 'connect.err.host' };
  return { ok: true, spec };
}
