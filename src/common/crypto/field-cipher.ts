// R-S2: personal data encrypted at rest with AES-256-GCM, plus a keyed hash (HMAC-SHA-256) for
// exact-match search. The key comes from SANDIAO_DATA_KEY (32 bytes, base64); in demo mode one is
// generated into the data folder. Two sub-keys are derived (HKDF) so the hash never reveals the
// encryption key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

const PREFIX = 'v1:';

export class FieldCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private readonly recent = new Map<string, string>();

  constructor(master: Buffer) {
    if (master.length !== 32) throw new Error('SANDIAO_DATA_KEY must be 32 bytes (base64-encoded)');
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sandiao field encryption', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'sandiao field search hash', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Values written before encryption was switched on are returned as they are. */
  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    // Every ciphertext is unique (random IV) and never changes: a small cache spares the case
    // views, which show the same parties again and again, a decryption each time.
    const known = this.recent.get(stored);
    if (known !== undefined) return known;
    const plain = this.decryptNow(stored);
    if (this.recent.size >= 20_000) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(stored, plain);
    return plain;
  }

  private decryptNow(stored: string): string {
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(value: string): string {
    return createHmac('sha256', this.macKey).update(value.trim().toUpperCase()).digest('hex');
  }
}

let current: FieldCipher | undefined;

export function configureFieldCipher(cipher: FieldCipher): void {
  current = cipher;
}

export function fieldCipher(): FieldCipher {
  if (!current) throw new Error('field encryption is not configured (SANDIAO_DATA_KEY)');
  return current;
}

/** Column transformer: plaintext in the entity, ciphertext in the database. */
export const encryptedText: ValueTransformer = {
  to: (value: string | null | undefined) => (value === null || value === undefined ? value : fieldCipher().encrypt(value)),
  from: (value: string | null | undefined) => (value === null || value === undefined ? value : fieldCipher().decrypt(value)),
};

/** Column transformer for a JSON value that is personal data as a whole. */
export const encryptedJson: ValueTransformer = {
  to: (value: unknown) => (value === null || value === undefined ? value : fieldCipher().encrypt(JSON.stringify(value))),
  from: (value: string | null | undefined) => (value === null || value === undefined ? value : JSON.parse(fieldCipher().decrypt(value))),
};
