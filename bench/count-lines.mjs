// The yardstick: a plain split2 line count of a file, nothing else.
import { createReadStream } from 'node:fs';
import split2 from 'split2';

let n = 0;
createReadStream(process.argv[2], { highWaterMark: 256 * 1024 })
  .pipe(split2())
  .on('data', () => n++)
  .on('end', () => process.stdout.write(`${n}\n`));
