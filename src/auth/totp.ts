// TOTP second factor (RFC 6238, 30-second steps, 6 digits) through otplib; time comes from the
// injected clock so tests can stand at any moment.
import { generate, generateSecret, generateURI, verify } from 'otplib';

export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, username: string) => generateURI({ secret, label: username, issuer: 'Sandiao 三调联动' });

export const totpCode = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

/** The 30-second step the code belongs to (one step of drift allowed), or null if it is wrong. */
export async function totpStep(secret: string, code: string, at: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(at.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: 30 });
  return result.valid ? Math.floor(epoch / 30) + (result.delta ?? 0) : null;
}
