/**
 * Key file management: `generate <path>` creates a new key file (mode 0600); `rotate <path>` adds a
 * new active key and keeps the old ones so existing ciphertext and signatures stay readable.
 * Pass DATA_DIR so the file is refused inside the data folder.
 */
import { loadConfig } from '../src/config.ts';
import { generateKeyFile, rotateKeyFile } from '../src/platform/crypto/key-file.ts';

const [command, file] = process.argv.slice(2);
const config = loadConfig();
const target = file ?? config.keyFile;
try {
  if (command === 'generate') {
    const keyring = generateKeyFile(target, { dataDir: config.dataDir });
    console.log(`已生成密钥文件 ${target}（活动密钥 ${keyring.activeKeyId}）/ key file created`);
  } else if (command === 'rotate') {
    const keyring = rotateKeyFile(target, { dataDir: config.dataDir });
    console.log(`已轮换密钥：新的活动密钥 ${keyring.activeKeyId}，旧密钥保留用于解密和验签 / key rotated`);
  } else {
    console.error('用法 / usage: node --import tsx scripts/keys.ts generate|rotate [key-file]');
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
