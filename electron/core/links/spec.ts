// Link strings as a pilot types them: `udp:0.0.0.0:14550`, `udpout:192.168.4.1:14550`,
// `tcp:127.0.0.1:5760`, `serial:/dev/ttyUSB0:57600`. Parsed once, with an error that says what to fix.
import { ContractError, msg } from '../../../shared/contract/errors';
import type { LinkKind } from '../../../shared/contract/types';

export const DEFAULT_BAUD = 57600;
/** Rates a USB-serial adapter or telemetry radio actually runs at; anything else is a typo. */
export const STANDARD_BAUDS: readonly number[] = [
  1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 921600, 1000000, 1500000, 2000000,
];

export type LinkSpec =
  | { kind: 'udp'; spec: string; host: string; port: number }
  | { kind: 'udpout'; spec: string; host: string; port: number }
  | { kind: 'tcp'; spec: string; host: string; port: number }
  | { kind: 'serial'; spec: string; path: string; baud: number };

const EXAMPLES = 'udp:0.0.0.0:14550, udpout:host:14550, tcp:host:5760, serial:/dev/ttyUSB0:57600';

function bad(en: string, zh: string): ContractError {
  return new ContractError('bad_link_spec', msg(`${en} Examples: ${EXAMPLES}.`, `${zh} 示例：${EXAMPLES}。`));
}

function parsePort(text: string, spec: string, allowZero: boolean): number {
  const n = Number(text);
  if (!/^\d{1,5}$/.test(text) || n > 65535 || (n === 0 && !allowZero)) {
    throw bad(`"${text}" in "${spec}" is not a port number (1-65535).`, `“${spec}”中的“${text}”不是有效端口号（1-65535）。`);
  }
  return n;
}

/** `host:port` or `[v6]:port`; a bare port means every interface (listen) — only where allowed. */
function parseHostPort(rest: string, spec: string, kind: LinkKind): { host: string; port: number } {
  const listen = kind === 'udp';
  if (listen && /^\d+$/.test(rest)) return { host: '0.0.0.0', port: parsePort(rest, spec, true) };
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):([^:]*)$/.exec(rest);
  if (!m) {
    throw bad(`"${spec}" needs host:port after "${kind}:".`, `“${spec}”在“${kind}:”之后需要“主机:端口”。`);
  }
  const host = (m[1] ?? m[2]).trim();
  if (!host) throw bad(`"${spec}" has no host.`, `“${spec}”缺少主机地址。`);
  return { host, port: parsePort(m[3], spec, listen) };
}

function parseSerial(rest: string, spec: string): LinkSpec {
  // The device path may itself hold colons (Windows "COM3" does not, but be lenient): the baud is the
  // last segment only when it is all digits.
  const m = /^(.*):(\d+)$/.exec(rest);
  const path = (m ? m[1] : rest).trim();
  if (!path) throw bad(`"${spec}" has no device path.`, `“${spec}”缺少串口设备路径。`);
  if (!m && /:\s*$/.test(rest)) throw bad(`"${spec}" ends with ":" but has no baud rate.`, `“${spec}”以“:”结尾但缺少波特率。`);
  if (!m && /:[^/\\]*$/.test(rest) && !/^[A-Za-z]:/.test(rest)) {
    const tail = rest.slice(rest.lastIndexOf(':') + 1);
    throw bad(`"${tail}" in "${spec}" is not a baud rate.`, `“${spec}”中的“${tail}”不是波特率。`);
  }
  const baud = m ? Number(m[2]) : DEFAULT_BAUD;
  if (!STANDARD_BAUDS.includes(baud)) {
    throw bad(
      `${baud} is not a standard baud rate (use 57600 for most radios, 115200 or 921600 for USB).`,
      `${baud} 不是标准波特率（多数数传电台用 57600，USB 直连用 115200 或 921600）。`,
    );
  }
  return { kind: 'serial', spec, path, baud };
}

export function parseLinkSpec(input: string): LinkSpec {
  const spec = input.trim();
  if (!spec) throw bad('The link is empty.', '链路为空。');
  const colon = spec.indexOf(':');
  const scheme = (colon < 0 ? spec : spec.slice(0, colon)).toLowerCase();
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  switch (scheme) {
    case 'udp':
    case 'udpin':
      return { kind: 'udp', spec, ...parseHostPort(rest, spec, 'udp') };
    case 'udpout':
      return { kind: 'udpout', spec, ...parseHostPort(rest, spec, 'udpout') };
    case 'tcp':
      return { kind: 'tcp', spec, ...parseHostPort(rest, spec, 'tcp') };
    case 'serial':
      return parseSerial(rest, spec);
    default:
      throw bad(
        `"${scheme}" is not a link type; use udp, udpout, tcp or serial.`,
        `“${scheme}”不是链路类型；请使用 udp、udpout、tcp 或 serial。`,
      );
  }
}
