/**
 * The modules whose clients the generic SDK reader (cloud-sdk-generic.ts) does not read: their
 * objects live in this program or act on this machine (Python's standard library, Node's
 * built-in modules, Ruby's standard library, data frames, graphs, GUIs, parsers), or another reader reads their calls
 * precisely (HTTP clients: the HTTP readers; database drivers and ORMs: the SQL and ORM readers;
 * the Docker SDK: cloud-sdk-stores.ts; git libraries: the git readers). Python's modules that
 * talk to another machine (ftplib, imaplib, poplib, smtplib, nntplib, telnetlib, xmlrpc) are
 * not listed: a delete through them is remote. Pure data.
 */

/** Python's standard library (Python 3.11's `sys.stdlib_module_names`, without the remote-protocol modules above). */
const PY_STDLIB =
  'abc aifc argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb binascii bisect builtins bz2 ' +
  'cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent ' +
  'configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal ' +
  'difflib dis distutils doctest email enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ' +
  'functools gc getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http imghdr imp importlib ' +
  'inspect io ipaddress itertools json keyword linecache locale logging lzma mailbox mailcap marshal math ' +
  'mimetypes mmap modulefinder msvcrt multiprocessing netrc nis nt numbers operator optparse os ossaudiodev ' +
  'pathlib pdb pickle pickletools pipes pkgutil platform plistlib posix pprint profile pstats pty pwd py_compile ' +
  'pyclbr pydoc pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select ' +
  'selectors shelve shlex shutil signal site smtpd sndhdr socket socketserver spwd sqlite3 ssl stat statistics ' +
  'string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile tempfile termios ' +
  'textwrap threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle types ' +
  'typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref ' +
  'xdrlib xml zipapp zipfile zipimport zlib zoneinfo __future__';

/** Python packages whose objects are this program's data, UI or machine, or that another reader reads. */
const PY_LOCAL =
  // data, science and plotting
  'numpy pandas polars scipy sklearn torch tensorflow keras jax xarray networkx igraph sympy statsmodels ' +
  'seaborn matplotlib plotly bokeh PIL cv2 skimage imageio h5py zarr ' +
  // GUIs, games, terminals
  'PyQt5 PyQt6 PySide2 PySide6 wx kivy pygame pyglet rich textual click typer prompt_toolkit tqdm colorama ' +
  // parsing, config, typing, utilities
  'yaml ruamel toml tomli tomlkit attr attrs pydantic jinja2 lxml bs4 dateutil pytz dotenv cachetools ' +
  'diskcache sortedcontainers more_itertools toolz joblib psutil keyring regex orjson ujson simplejson ' +
  'msgpack marshmallow cerberus jsonschema tabulate ' +
  // tests, and web frameworks serving this program (their test clients call it in-process)
  'pytest mock hypothesis faker freezegun responses fastapi flask starlette werkzeug sanic tornado bottle ' +
  'falcon quart litestar ' +
  // HTTP clients (the HTTP readers)
  'requests httpx aiohttp urllib3 httplib2 pycurl treq grequests requests_toolbelt ' +
  // database drivers and ORMs (the SQL and ORM readers)
  'sqlalchemy sqlmodel django peewee pony tortoise mongoengine redis aioredis pymongo motor psycopg psycopg2 ' +
  'asyncpg pymysql MySQLdb mysql mariadb cx_Oracle oracledb pyodbc pymssql duckdb clickhouse_driver ' +
  'clickhouse_connect cassandra neo4j pymemcache memcache influxdb_client sqlite_utils tinydb lmdb plyvel ' +
  // containers and git (their own readers)
  'docker podman git pygit2 dulwich';

/** Node's built-in modules and packages whose objects are this program's data, UI or machine, or that another reader reads. */
const NODE_LOCAL =
  'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns ' +
  'domain events fs http http2 https inspector module net os path perf_hooks process punycode querystring ' +
  'readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib ' +
  // utilities, frameworks, UI, tests
  'lodash underscore ramda immutable react react-dom vue svelte express koa fastify @hapi/hapi next ' +
  'commander yargs chalk ora inquirer fs-extra rimraf del glob fast-glob chokidar jest vitest mocha sinon ' +
  'zx execa shelljs dotenv yaml js-yaml uuid dayjs moment date-fns zod ajv rxjs eventemitter3 cheerio jsdom ' +
  'puppeteer playwright electron supertest hono ' +
  // HTTP clients (the HTTP readers)
  'axios got node-fetch superagent ky undici needle request cross-fetch isomorphic-fetch ofetch ' +
  // database drivers and ORMs (the SQL and ORM readers)
  'pg mysql mysql2 mongodb mongoose ioredis redis sequelize typeorm @prisma/client knex better-sqlite3 ' +
  'sqlite3 drizzle-orm kysely neo4j-driver cassandra-driver ' +
  // containers and git
  'dockerode simple-git isomorphic-git nodegit';

/**
 * Ruby's standard library and gems whose objects are this program's data or machine, or that
 * another reader reads (HTTP clients, database drivers and ORMs, Rails, containers, git). Ruby's
 * `net/*` libraries are not listed: `net/ftp`, `net/sftp`, `net/ssh` talk to another machine.
 */
const RUBY_LOCAL =
  'json fileutils set csv time date open3 optparse pathname tmpdir tempfile securerandom digest ' +
  'openssl erb logger ostruct pp prettyprint benchmark stringio find shellwords etc io English ' +
  'bigdecimal forwardable singleton observer timeout monitor open-uri rbconfig ripper coverage ' +
  'objspace pstore psych readline reline irb debug zlib rubygems bundler ' +
  'rake rails active_record activerecord active_support activesupport sequel mysql2 sqlite3 mongo ' +
  'nokogiri httparty faraday rest-client rest_client excon typhoeus http rspec minitest thor ' +
  'docker-api rugged';

const LOCAL_MODULES = new Set([
  ...PY_STDLIB.split(' '),
  ...PY_LOCAL.split(' '),
  ...NODE_LOCAL.split(' '),
  ...RUBY_LOCAL.split(' '),
]);

/**
 * Whether the module an import names (`os.path`, `node:fs`, `@aws-sdk/client-s3`, `lodash/fp`)
 * is one of the above: by its root (`os`, `fs`, `@aws-sdk/client-s3`, `lodash`). A relative
 * import (`./x`, `.models`) is the program's own code: local too.
 */
export function isLocalModule(module: string): boolean {
  if (/^\.|^node:/.test(module)) return true;
  if (LOCAL_MODULES.has(module)) return true;
  const root = module.startsWith('@') ? module.split('/').slice(0, 2).join('/') : module.split(/[./]/)[0];
  return LOCAL_MODULES.has(root);
}
