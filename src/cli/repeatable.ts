/**
 * argParser of a repeatable option (`--source A --source B`): the values in order. No
 * default array: commander would print "(default: [])" in the help; readers take a
 * missing option as [].
 */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
