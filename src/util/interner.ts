// One string per distinct text a parser builds again and again (a rule label, the same for
// thousands of records): the events kept hold a handful of strings, not one a line. Bounded,
// so that a log of ever new labels cannot grow it: past 4096 it starts again.
export class Interner {
  private readonly known = new Map<string, string>();

  /** The first string seen equal to `text`. */
  of(text: string): string {
    let r = this.known.get(text);
    if (r === undefined) {
      if (this.known.size >= 4096) this.known.clear();
      this.known.set(text, (r = text));
    }
    return r;
  }
}
