// Whether a run gave up on standard output because its reader stopped reading (a pipe
// nobody empties, after SIGINT/SIGTERM). Node cannot drop a write stdout already holds,
// and that write keeps the process alive; the program (program.ts) then ends it itself.
let abandoned = false;

export function abandonStdout(): void {
  abandoned = true;
}

export function stdoutAbandoned(): boolean {
  return abandoned;
}
