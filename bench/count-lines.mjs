// The yardstick: a plain split2 line count of a file, nothing else, with Node's default
// 64 KiB read chunks (a larger highWaterMark made the count itself 3x slower here).
import { createReadStream } from 'node:fs';
import split2 from 'split2';

let n = 0;
createReadStream(process.argv[2])
  .pipe(split2())
  .on('data', () => n++)
  .on('end', () => process.stdout.write(`${n}\n`));
