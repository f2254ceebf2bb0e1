// Argon2id through @node-rs/argon2 (prebuilt binaries, no compiler needed on a fresh machine).
import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (password: string) => hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
export const decoyHash = hashPassword('decoy-password-for-timing');
