import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { ConfigError, formatPath, type ConfigIssue } from './config-error';
import { configSchema, type HotelloConfig } from './config-schema';
import { interpolateEnv, isEnvReference } from './interpolate-env';
import { isSecretPath } from './secret-keys';
import { zodIssuesToConfigIssues } from './zod-issues';

export interface LoadedConfig {
  readonly config: HotelloConfig;
  /** Absolute path of the file, when loaded from one. Local plugin paths resolve from its folder. */
  readonly file?: string;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Reject secrets written inline (default true for files; tests passing objects may relax it). */
  requireEnvSecrets?: boolean;
}

function findInlineSecrets(doc: unknown, issues: ConfigIssue[], trail: PropertyKey[] = []): void {
  if (Array.isArray(doc)) {
    doc.forEach((item, i) => findInlineSecrets(item, issues, [...trail, i]));
    return;
  }
  if (!doc || typeof doc !== 'object') return;
  for (const [key, value] of Object.entries(doc)) {
    const at = [...trail, key];
    const inline = (v: unknown) => typeof v === 'string' && v !== '' && !isEnvReference(v);
    if (isSecretPath(at) && (inline(value) || (Array.isArray(value) && value.some(inline)))) {
      issues.push({ path: formatPath(at), message: 'secrets must come from the environment: write ${SOME_VARIABLE} instead of the value' });
    } else findInlineSecrets(value, issues, at);
  }
}

/** Validates a config document that is already parsed (from YAML, or an object in tests). */
export function parseConfig(doc: unknown, options: LoadConfigOptions & { source?: string } = {}): HotelloConfig {
  const env = options.env ?? process.env;
  const issues: ConfigIssue[] = [];
  if (options.requireEnvSecrets ?? true) findInlineSecrets(doc, issues);
  const interpolated = interpolateEnv(doc, env, issues) as Record<string, unknown> | null;
  if (interpolated && typeof interpolated === 'object' && env.PORT) {
    const server = (interpolated.server ?? {}) as Record<string, unknown>;
    interpolated.server = { ...server, port: env.PORT };
  }
  const result = configSchema.safeParse(interpolated ?? {});
  if (!result.success) issues.push(...zodIssuesToConfigIssues(result.error, interpolated));
  if (issues.length > 0 || !result.success) throw new ConfigError(issues, options.source);
  return result.data;
}

/** Reads and validates a YAML config file, listing every problem at once. */
export function loadConfigFile(file: string, options: LoadConfigOptions = {}): LoadedConfig {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    throw new ConfigError([{ path: '', message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }], file);
  }
  const parsed = YAML.parseDocument(text, { prettyErrors: true });
  if (parsed.errors.length > 0) {
    throw new ConfigError(
      parsed.errors.map((e) => ({ path: '', message: `YAML syntax: ${e.message.split('\n')[0]}` })),
      file,
    );
  }
  const config = parseConfig(parsed.toJS(), { ...options, source: file });
  return { config, file: absolute };
}
