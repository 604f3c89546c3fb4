// A rule of signatures/annotations.json as the annotator runs it (compile-rules.ts builds
// it): conditions as bit masks and flattened port ranges, the shared annotation, and for a
// detector rule its own bounded state (detectors/). Shared by the compiler, the
// knowledge-base texts (kb-annotations.ts) and the annotator, which switches on the codes.

import type { Annotation } from '../event.js';
import type { AnnotationRule } from './rules.js';
import type { AckSpread } from './detectors/ack-spread.js';
import type { RetrySeries } from './detectors/retry-series.js';
import type { ServiceSpread } from './detectors/service-spread.js';
import type { SourceHistory } from './detectors/source-history.js';

/** Rule kinds (AnnotationRule.kind) as small integers, for the annotator's switch. */
export const K_MATCH = 0;
export const K_KB_PORT = 1;
export const K_KB_TROJAN = 2;
export const K_SOURCE_PORT = 3;
export const K_DETECTOR = 4;

/** Detectors (AnnotationRule.detector) as small integers. */
export const D_NONE = 0;
export const D_LEFTOVER = 1;
export const D_RETRY = 2;
export const D_BACKSCATTER = 3;
export const D_TRACEROUTE = 4;
export const D_HISTORY = 5;
export const D_SPREAD = 6;
export const D_ACK = 7;

/** An event's direction and action as the bits of Compiled.dirMask and actionMask. */
export const DIR_BIT: Readonly<Record<string, number>> = { in: 1, out: 2, forward: 4 };
export const DIR_NULL = 8;
export const ACTION_BIT: Readonly<Record<string, number>> = { drop: 1, reject: 2, allow: 4, other: 8 };

/**
 * [tcp, udp] -> per port: 0 not built yet, -1 nothing to say, k: built[k - 1]. Typed
 * arrays of indexes rather than 65,536-slot arrays of annotations (0.5 MB each on the
 * heap): pages of ports never seen are never touched.
 */
export interface KbCache {
  readonly index: [Int32Array, Int32Array];
  readonly built: Annotation[];
}

export interface Compiled {
  readonly rule: AnnotationRule;
  readonly id: string;
  readonly order: number;
  readonly kind: number;
  readonly detector: number;
  /** Shared annotation for rules whose text does not depend on the event. */
  readonly annotation: Annotation;
  readonly protos: readonly string[] | null;
  readonly dstPort: Int32Array | null;
  readonly dstPortNot: Int32Array | null;
  readonly srcPort: Int32Array | null;
  readonly addrMask: number;
  readonly dirMask: number;
  readonly actionMask: number;
  readonly icmpTypes: readonly number[] | null;
  readonly icmpCodesNot: readonly number[] | null;
  readonly quotesDestination: boolean;
  readonly quotedSourceUnknown: boolean;
  /** Both ends on this side, to a unicast address (AnnotationRule.inside). */
  readonly inside: boolean;
  readonly flagsAny: number;
  readonly flagsAll: number;
  readonly flagsNone: number;
  readonly ruleContains: readonly string[] | null;
  readonly ruleIs: readonly string[] | null;
  readonly format: readonly string[] | null;
  readonly suppressedBy: readonly string[] | null;
  readonly categories: readonly string[] | null;
  readonly fallback: boolean;
  readonly params: Readonly<Record<string, number | boolean>>;
  /** kb-* kinds: annotations built lazily per protocol and port (KbCache). */
  readonly kbCache: KbCache | null;
  /** One field per kind of per-rule detector state, so each call site sees one class. */
  readonly retry: RetrySeries | null;
  readonly history: SourceHistory | null;
  readonly spread: ServiceSpread | null;
  readonly ackSpread: AckSpread | null;
}
