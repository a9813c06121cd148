import { describe, expect, it } from 'vitest';
import { command } from '../helpers/command.js';
import { ormOps } from '../../src/extract/sql-orm.js';

const ops = (argv: string[]) => ormOps(command(argv)).map((o) => [o.statement, o.object, o.where]);

describe('ORM calls that drop or empty every table of the models', () => {
  it.each<[string[], (string | boolean)[][]]>([
    [
      ['node', '-e', "require('./models').sequelize.sync({ force: true }).then(() => process.exit(0))"],
      [['DROP', 'TABLE', false]],
    ],
    [['npx', 'ts-node', '-e', 'await User.sync({force:true})'], [['DROP', 'TABLE', false]]],
    [['node', '-e', 'ds.initialize().then(() => ds.synchronize(true))'], [['DROP', 'TABLE', false]]],
    [
      ['node', '-e', "new DataSource({ type: 'postgres', dropSchema: true }).initialize()"],
      [['DROP', 'SCHEMA', false]],
    ],
    [['node', '-e', 'sequelize.getQueryInterface().dropAllTables()'], [['DROP', 'TABLE', false]]],
    [['node', '-e', 'Session.destroy({ truncate: true, cascade: true })'], [['TRUNCATE', 'TABLE', false]]],
    // Routine: sync that only creates missing tables, synchronize without dropping, a filtered destroy.
    [['node', '-e', "require('./models').sequelize.sync().then(() => process.exit(0))"], []],
    [['node', '-e', 'sequelize.sync({ force: false })'], []],
    [['node', '-e', 'ds.synchronize()'], []],
    [['node', '-e', 'Session.destroy({ where: { expired: true } })'], []],
  ])('%j', (argv, want) => {
    expect(ops(argv)).toEqual(want);
  });
});
