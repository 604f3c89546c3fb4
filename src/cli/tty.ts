// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/**
 * Columns to fit text output to: the terminal's; through a pipe (`| less`), $COLUMNS
 * when the shell exports it; else `fallback` (100 for a report's tables). A nonsense
 * $COLUMNS is ignored.
 */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout, fallback = 100): number {
  if (stream.columns) return stream.columns;
  const env = Number(process.env.COLUMNS);
  return Number.isInteger(env) && env >= 20 && env <= 1000 ? env : fallback;
}
