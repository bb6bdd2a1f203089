import type { Link } from './link';
import { SerialLink } from './serial';
import { parseLinkSpec } from './spec';
import { TcpClientLink } from './tcp';
import { UdpListenLink, UdpOutLink } from './udp';

/** A closed (not yet opened) transport for a pilot's link string; throws ContractError on a bad string. */
export function createLink(id: string, specText: string): Link {
  const spec = parseLinkSpec(specText);
  switch (spec.kind) {
    case 'udp':
      return new UdpListenLink(id, spec.spec, spec.host, spec.port);
    case 'udpout':
      return new UdpOutLink(id, spec.spec, spec.host, spec.port);
    case 'tcp':
      return new TcpClientLink(id, spec.spec, spec.host, spec.port);
    case 'serial':
      return new SerialLink(id, spec.spec, spec.path, spec.baud);
  }
}
