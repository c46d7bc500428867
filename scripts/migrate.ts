import { databasePath, openDb } from '../db/client';
import { runMigrations } from '../db/migrate';

const db = openDb();
runMigrations(db);
db.$client.close();
console.log(`migrations applied to ${databasePath()}`);
