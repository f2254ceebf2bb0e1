// The DataSource the TypeORM CLI uses for migrations (npm run migration:run / :revert / :show).
// The app builds its own from the same options in src/database/database.module.ts.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from './src/config/app.config';
import { dataSourceOptions } from './src/database/data-source-options';

const config = loadConfig();

export default new DataSource(dataSourceOptions({ databaseUrl: config.databaseUrl, databaseSchema: config.databaseSchema, dataDir: config.dataDir }));
