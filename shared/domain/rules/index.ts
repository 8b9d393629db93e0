/** The rules engine of domain.md §6: one entry point for the renderer and the services. */
export { ALL_RULES, figuresOf, isStatusEntered, prepareContext, runRules, type RulesResult } from './engine';
export { IncrementalRules, type IncrementalOrders, type RegisterChange, type RulesChange } from './incremental';
export { COMMUNE_RULES } from './commune-rules';
export { FIELD_RULES } from './field-rules';
export { HOTSPOT_RULES } from './hotspot-rules';
export { MODEL_SITE_RULES } from './model-site-rules';
export type * from './types';
