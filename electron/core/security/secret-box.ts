// Keys at rest. The signing keys in the station database are sealed by a SecretBox: on the desktop
// Electron's safeStorage (the OS keychain: DPAPI, Keychain, libsecret; electron/main/safe-storage-box.ts),
// on the server host an AES-256-GCM master key in a file only the owner may read (this file). Whoever
// copies the database alone gets nothing usable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fstatSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { ContractError, msg } from '../../../shared/contract/errors';

export type SecretBoxKind = 'safeStorage' | 'keyFile';

export interface SecretBox {
  readonly kind: SecretBoxKind;
  seal(plain: Uint8Array): Uint8Array;
  /** Throws ContractError('key_unreadable') when the sealed bytes were not sealed by this box. */
  open(sealed: Uint8Array): Uint8Array;
}

export function keyUnreadable(detail: string): ContractError {
  return new ContractError(
    'key_unreadable',
    msg(`A stored signing key cannot be decrypted (${detail}). Set the key again.`, `无法解密已保存的签名密钥（${detail}）。请重新设置密钥。`),
  );
}

const MASTER_LEN = 32;
const IV_LEN = 12;
const TAG_LEN = 16;
const VERSION = 1;

/**
 * AES-256-GCM under a master key kept in `path` with mode 0600. A file readable by group or others is
 * refused rather than silently trusted (someone else may already have read it).
 */
export class KeyFileBox implements SecretBox {
  readonly kind = 'keyFile' as const;
  private masterKey: Buffer | null = null;

  /** Nothing is read or created until a key is sealed or opened: a bad key file must not stop the station. */
  constructor(readonly path: string) {}

  private get master(): Buffer {
    this.masterKey ??= existsSync(this.path) ? readMaster(this.path) : createMaster(this.path);
    return this.masterKey;
  }

  seal(plain: Uint8Array): Uint8Array {
    const iv = randomBytes(IV_LEN);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]));
  }

  open(sealed: Uint8Array): Uint8Array {
    if (sealed.length < 1 + IV_LEN + TAG_LEN || sealed[0] !== VERSION) throw keyUnreadable('not sealed by this key file');
    const buf = Buffer.from(sealed);
    const decipher = createDecipheriv('aes-256-gcm', this.master, buf.subarray(1, 1 + IV_LEN));
    decipher.setAuthTag(buf.subarray(1 + IV_LEN, 1 + IV_LEN + TAG_LEN));
    try {
      return new Uint8Array(Buffer.concat([decipher.update(buf.subarray(1 + IV_LEN + TAG_LEN)), decipher.final()]));
    } catch {
      throw keyUnreadable('the key file does not match or the data was altered');
    }
  }
}

function readMaster(path: string): Buffer {
  const mode = statSync(path).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new ContractError(
      'key_file_permissions',
      msg(
        `The key file ${path} can be read by other users (mode ${mode.toString(8)}). Run: chmod 600 ${path}`,
        `密钥文件 ${path} 可被其他用户读取（权限 ${mode.toString(8)}）。请执行：chmod 600 ${path}`,
      ),
    );
  }
  const master = readFileSync(path);
  if (master.length !== MASTER_LEN) throw keyUnreadable(`${path} is not a ${MASTER_LEN}-byte key`);
  return master;
}

function createMaster(path: string): Buffer {
  const master = randomBytes(MASTER_LEN);
  // 'wx': never overwrite a key another process just made; 0o600 from the first byte on.
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, master);
    if ((fstatSync(fd).mode & 0o077) !== 0) chmodSync(path, 0o600); // a umask cannot widen 0600, but be sure
  } finally {
    closeSync(fd);
  }
  return master;
}
