// The desktop's SecretBox: Electron safeStorage, i.e. the operating system's keychain (DPAPI on
// Windows, Keychain on macOS, libsecret/kwallet on Linux). On Linux without a keyring safeStorage falls
// back to a hard-coded password ("basic_text"): that is not protection, so we refuse it and say so.
import { ContractError, msg } from '../../shared/contract/errors';
import { keyUnreadable, type SecretBox } from '../core/security/secret-box';

/**
 * The part of Electron's safeStorage this box uses, written out (Electron's signatures) so this file and
 * its tests type-check where the electron package could not be installed (no runtime download offline).
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

export class SafeStorageBox implements SecretBox {
  readonly kind = 'safeStorage' as const;

  constructor(private readonly storage: SafeStorageLike) {}

  private check(): void {
    const backend = process.platform === 'linux' ? this.storage.getSelectedStorageBackend?.() : undefined;
    if (!this.storage.isEncryptionAvailable() || backend === 'basic_text') {
      throw new ContractError(
        'no_keychain',
        msg(
          'This computer offers no keychain to protect signing keys (on Linux: install and unlock GNOME Keyring or KWallet).',
          '此计算机没有可保护签名密钥的密钥环（Linux：请安装并解锁 GNOME Keyring 或 KWallet）。',
        ),
      );
    }
  }

  seal(plain: Uint8Array): Uint8Array {
    this.check();
    return new Uint8Array(this.storage.encryptString(Buffer.from(plain).toString('base64')));
  }

  open(sealed: Uint8Array): Uint8Array {
    this.check();
    let text: string;
    try {
      text = this.storage.decryptString(Buffer.from(sealed));
    } catch {
      throw keyUnreadable('the keychain refused it');
    }
    return new Uint8Array(Buffer.from(text, 'base64'));
  }
}
