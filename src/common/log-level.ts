import type { LogLevel } from '@nestjs/common';

/** LOG_LEVEL: the least grave kind of line the server prints; `off` prints none. */
export type LogLevelSetting = 'off' | 'error' | 'warn' | 'log';

const gravest: LogLevel[] = ['fatal', 'error', 'warn', 'log'];

/** Nest's logger levels for a setting: its own level and every graver one. */
export function nestLogLevels(setting: LogLevelSetting): LogLevel[] | false {
  return setting === 'off' ? false : gravest.slice(0, gravest.indexOf(setting) + 1);
}

/** Whether a line of this level is printed under the setting. */
export const printsAt = (setting: LogLevelSetting, level: Exclude<LogLevelSetting, 'off'>): boolean =>
  setting !== 'off' && gravest.indexOf(level) <= gravest.indexOf(setting);
