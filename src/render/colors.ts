// The terminal colours a renderer is handed: picocolors' functions, or pass-throughs when
// colour is off (NO_COLOR, not a terminal, --no-color), so renderers never ask which.
import type pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;
