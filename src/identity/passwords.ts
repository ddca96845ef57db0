/** Password hashing with Argon2id (@node-rs/argon2, OWASP parameters). Never reversible. */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFKC'), OPTIONS);
}

let verifications = 0;
/** How many Argon2id verifications this process has run (login equalisation is checked on it). */
export const verificationCount = (): number => verifications;

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  verifications++;
  try {
    return await verify(passwordHash, password.normalize('NFKC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown users answer like wrong passwords (SECURITY.md 3). */
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('tongchou-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}
