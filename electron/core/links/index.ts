export type { Link } from './link';
export { BaseLink, backoffMs } from './link';
export { parseLinkSpec, DEFAULT_BAUD, STANDARD_BAUDS, type LinkSpec } from './spec';
export { linkError } from './errors';
export { UdpListenLink, UdpOutLink } from './udp';
export { TcpClientLink } from './tcp';
export { SerialLink, listSerialPorts } from './serial';
export { createLink } from './factory';
export { LinkManager, type ManagedLink, type MessageHandler, type LinkStateHandler } from './manager';
