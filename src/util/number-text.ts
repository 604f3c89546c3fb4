// Numbers as the reports write them, shared by the summarizer's texts and every renderer,
// so "1,234" and "1 source" read the same everywhere.

/**
 * 1234567 → "1,234,567", as toLocaleString('en-US') writes integers; by hand, since
 * toLocaleString is ~100× slower and the summarizer formats a number per source.
 */
export function fmtInt(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

/**
 * 0.25 → "25%", 0.0123 → "1.2%" (one decimal under 10%). A share that is not zero never
 * reads "0.0%", nor one short of all "100%": 2 ICMP packets in 30,000 are "<0.1%", 29,999
 * dropped of 30,000 ">99%".
 */
export function fmtPct(x: number): string {
  if (x > 0 && x < 0.0005) return '<0.1%';
  if (x < 1 && x >= 0.995) return '>99%';
  return x >= 0.1 ? `${(x * 100).toFixed(0)}%` : `${(x * 100).toFixed(1)}%`;
}

/** The noun for n of it: "source" for 1, "sources" otherwise (0 included, as English has it). */
export function plural(n: number, noun: string, pluralForm = `${noun}s`): string {
  return n === 1 ? noun : pluralForm;
}

/** "1 source", "1,234 sources". */
export function counted(n: number, noun: string, pluralForm?: string): string {
  return `${fmtInt(n)} ${plural(n, noun, pluralForm)}`;
}

/**
 * A source's distinct ports or hosts in its row: "-" for none, where the count does not
 * apply (every packet went to a broadcast or multicast group, or had no port: an ICMP
 * sender, LAN chatter, replies), which as "0" read as a count that found nothing.
 */
export function breadth(n: number, isCapped: boolean): string {
  return n === 0 && !isCapped ? '-' : capped(n, isCapped);
}

/** "1,073" or "≥4,096" (a count that stopped at its cap is a lower bound). */
export function capped(n: number, isCapped: boolean): string {
  return isCapped ? `≥${fmtInt(n)}` : fmtInt(n);
}
