// The public API: build a site from code, and the model types for themes and tools.
export { build, type BuildOptions, type BuildReport } from './build.js';
export { resolveConfig, type ConfigOverrides } from './config.js';
export { serve, ServeError, type DevServer, type ServeOptions } from './serve/dev-server.js';
export type { BuildRecord } from './serve/rebuild.js';
export { runPipeline, type PipelineOptions, type PipelineResult } from './pipeline/run.js';
export { OutputList, type Writer } from './pipeline/write.js';
export { formatDiagnostic, type Diagnostic, type Severity } from './diagnostics.js';
export type * from './types.js';
