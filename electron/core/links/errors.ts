// Operating-system errors of sockets and serial ports, as sentences a pilot can act on.
import { ContractError, msg } from '../../../shared/contract/errors';

export function errnoOf(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  // serialport reports some failures only in the text ("Error: No such file or directory, cannot open ...").
  const text = err instanceof Error ? err.message : String(err);
  if (/no such file|ENOENT/i.test(text)) return 'ENOENT';
  if (/permission denied|EACCES/i.test(text)) return 'EACCES';
  if (/resource busy|EBUSY/i.test(text)) return 'EBUSY';
  return undefined;
}

/** `where` is the address or device as the pilot wrote it. */
export function linkError(err: unknown, where: string): ContractError {
  if (err instanceof ContractError) return err;
  const code = errnoOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  switch (code) {
    case 'EADDRINUSE':
      return new ContractError(
        'port_in_use',
        msg(`${where} is already in use by another program (another ground station?). Close it or pick another port.`,
          `${where} 已被其他程序占用（另一个地面站？）。请关闭它或换一个端口。`),
      );
    case 'EADDRNOTAVAIL':
      return new ContractError('address_unavailable', msg(`${where} is not an address of this computer.`, `${where} 不是本机的地址。`));
    case 'ENOENT':
      return new ContractError(
        'device_missing',
        msg(`Device ${where} is not there. Is the radio or cable plugged in?`, `设备 ${where} 不存在。数传电台或数据线是否已插好？`),
      );
    case 'EACCES':
    case 'EPERM':
      return new ContractError(
        'permission_denied',
        msg(`Permission denied for ${where}. On Linux, add your user to the "dialout" group (or use a port above 1023).`,
          `无权访问 ${where}。Linux 上请将当前用户加入“dialout”组（或使用 1023 以上的端口）。`),
      );
    case 'EBUSY':
      return new ContractError('device_busy', msg(`${where} is busy: another program has it open.`, `${where} 正忙：已被其他程序打开。`));
    case 'ECONNREFUSED':
      return new ContractError(
        'connection_refused',
        msg(`${where} refused the connection: nothing is listening there (is the vehicle or simulator running?).`,
          `${where} 拒绝连接：该地址没有程序在监听（飞行器或模拟器是否已运行？）。`),
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ContractError('host_not_found', msg(`Cannot find the host of ${where}. Check the name or IP address.`, `找不到 ${where} 的主机。请检查主机名或 IP 地址。`));
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ContractError('unreachable', msg(`${where} cannot be reached on the network.`, `网络上无法到达 ${where}。`));
    case 'ECONNRESET':
    case 'EPIPE':
      return new ContractError('connection_lost', msg(`The connection to ${where} was lost.`, `与 ${where} 的连接已断开。`));
    default:
      return new ContractError('link_failed', msg(`Link ${where} failed: ${detail}`, `链路 ${where} 出错：${detail}`));
  }
}

export function connectionClosed(where: string): ContractError {
  return new ContractError('connection_lost', msg(`${where} closed the connection.`, `${where} 关闭了连接。`));
}
