// Public surface of the annotate stage (wired into the pipeline by the CLI).
export {
  createAnnotator,
  DEFAULT_LEFTOVER_WINDOW_MS,
  DEFAULT_MAX_TRACKED,
  type Annotator,
  type AnnotatorOptions,
  type AnnotatorStats,
  type TracerouteSession,
} from './annotator.js';
export {
  loadAnnotationRules,
  parseAnnotationRules,
  ANNOTATIONS_SCHEMA_VERSION,
  DEFAULT_ANNOTATIONS_FILE,
  type AnnotationRule,
  type AnnotationRuleSet,
} from './rules.js';
export { classifyAddress } from './address.js';
export { Lru } from './lru.js';
