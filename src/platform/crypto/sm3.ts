import { createHash, createHmac } from 'node:crypto';

/** SM3 digest (GB/T 32905-2016) through Node's OpenSSL, hex-encoded. */
export function sm3Hex(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 (GB/T 15852.2 with SM3), hex-encoded. */
export function hmacSm3Hex(key: Buffer, data: string | Buffer): string {
  return createHmac('sm3', key).update(data).digest('hex');
}
