/**
 * A test's own document database on this machine, dropped by the test's code
 * (src/extract/sql-code-scratch.ts), through the real pipeline and the databases pack: only
 * loopback hosts and a test, development or scratch database name stay allowed.
 */
import { describe, expect, it } from 'vitest';
import { packVerdict } from '../helpers/command.js';

const databases = await packVerdict('databases');
const script = (code: string, file = '/tmp/reset.mjs') => `cat > ${file} <<'EOF'\n${code}\nEOF\nnode ${file}`;

describe("a local test database reset by the test's code", () => {
  it.each([
    script(
      "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://localhost:27017/app_test');\nawait mongoose.connection.dropDatabase();",
    ),
    script(
      "const mongoose = require('mongoose');\n(async () => {\n  await mongoose.connect('mongodb://127.0.0.1:27017/shop_dev');\n  await mongoose.connection.db.dropDatabase();\n})();",
      '/tmp/reset.js',
    ),
    script(
      "const { MongoClient } = require('mongodb');\nconst c = new MongoClient('mongodb://localhost/e2e-scratch');\nawait c.db().dropDatabase();",
    ),
    script(
      "const mongoose = require('mongoose');\nconst uri = 'mongodb://localhost:27017/orders_test';\nmongoose.connect(uri, { serverSelectionTimeoutMS: 2000 }).then(() => mongoose.connection.dropDatabase());",
      '/tmp/reset.js',
    ),
  ])('%s', (s) => expect(databases(s)).toBe('allow'));
});

describe('any other database dropped from code', () => {
  it.each([
    script(
      "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://mongo.prod.example.internal:27017/app_test');\nawait mongoose.connection.dropDatabase();",
    ),
    script(
      "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://localhost:27017/shop');\nawait mongoose.connection.dropDatabase();",
    ),
    script(
      "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://localhost:27017/app_test');\nawait mongoose.connect(process.env.MONGO_URL);\nawait mongoose.connection.dropDatabase();",
    ),
    script(
      "const { MongoClient } = require('mongodb');\nconst c = new MongoClient('mongodb://localhost/app_test');\nawait c.db('billing').dropDatabase();",
    ),
    script(
      "import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://localhost:27017/app_test_prod');\nawait mongoose.connection.dropDatabase();",
    ),
    `node -e "const m=require('mongoose'); m.connect(process.env.MONGO_URL).then(()=>m.connection.dropDatabase())"`,
    script(
      "const mongoose = require('mongoose');\nlet uri = 'mongodb://localhost:27017/orders_test';\nif (process.env.CI) uri = process.env.MONGO_URL;\nawait mongoose.connect(uri);\nawait mongoose.connection.dropDatabase();",
      '/tmp/reset.js',
    ),
  ])('%s', (s) => expect(databases(s)).toMatch(/^ask databases\/drop-database/));
});
